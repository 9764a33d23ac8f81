using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Xunit;
using Privacy.Testing.Generators;

namespace Privacy.Testing.Tests.Generators;

/// <summary>Generated requests and subjects compare by value: the same contents in a fresh array are equal, with the same hash.</summary>
public class GeneratedValueEqualityProperties
{
    public static class Arbitraries
    {
        public static Arbitrary<PolicyRequest> Requests() => BuiltInArbitraries.Requests();

        public static Arbitrary<GeneratedSubject> Subjects() => BuiltInArbitraries.Subjects();
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public void PolicyRequest_GroundsCopiedToAFreshArray_EqualWithTheSameHash(PolicyRequest request)
    {
        var copy = request with { Grounds = request.Grounds.IsDefault ? default : [.. request.Grounds.ToArray()] };
        Assert.True(request.Equals(copy), request.ToString());
        Assert.Equal(request.GetHashCode(), copy.GetHashCode());
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public void GeneratedSubject_EventsCopiedToAFreshArray_EqualWithTheSameHash(GeneratedSubject subject)
    {
        var copy = subject.WithEvents([.. subject.Events.ToArray()]);
        Assert.True(subject.Equals(copy), subject.ToString());
        Assert.Equal(subject.GetHashCode(), copy.GetHashCode());
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public void GeneratedSubject_EventsReversed_EqualOnlyWhenTheOrderIsTheSame(GeneratedSubject subject)
    {
        ImmutableArray<PrivacyEvent> reversed = [.. subject.Events.Reverse()];
        Assert.Equal(subject.Events.SequenceEqual(reversed), subject.Equals(subject.WithEvents(reversed)));
    }
}
