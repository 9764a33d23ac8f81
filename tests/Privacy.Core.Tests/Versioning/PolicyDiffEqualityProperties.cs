using System.Collections.Immutable;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Versioning;
using static Privacy.Tests.Versioning.PolicyEdits;

namespace Privacy.Tests.Versioning;

/// <summary>Diffs and change-notice plans compare by value: the same comparison made twice gives equal results, with the same hash.</summary>
public class PolicyDiffEqualityProperties
{
    private static readonly Instant At = Instant.FromUtc(2026, 5, 2, 9, 0);

    [Property]
    public void PolicyDiff_EqualChangesInSeparateArrays_EqualWithTheSameHash(byte[] changes)
    {
        PolicyDiff Make() => new("001", "002", [.. changes.Select(Change)]);
        ValueEquality.AssertEqualWithTheSameHash(Make(), Make());
    }

    [Property]
    public void PolicyDiff_ChangesInAnotherOrder_EqualOnlyWhenTheOrderIsTheSame(byte[] changes)
    {
        ImmutableArray<PolicyChange> forward = [.. changes.Select(Change)];
        ImmutableArray<PolicyChange> backward = [.. changes.Reverse().Select(Change)];
        Assert.Equal(forward.SequenceEqual(backward), new PolicyDiff("001", "002", forward).Equals(new PolicyDiff("001", "002", backward)));
    }

    [Fact]
    public void Diff_SameVersionsTwice_EqualWithTheSameHash()
    {
        var newer = V2(b => b.Retain("personal.log", Months(12), "use.logs"));
        ValueEquality.AssertEqualWithTheSameHash(
            PolicyDiffer.Instance.Diff(BuiltInPolicies.IsmartviewPro2018Policy, newer),
            PolicyDiffer.Instance.Diff(BuiltInPolicies.IsmartviewPro2018Policy, newer));
    }

    [Fact]
    public void ChangeNoticePlan_SamePlanTwice_EqualWithTheSameHash()
    {
        var newer = V2(b => b.Retain("personal.log", Months(12), "use.logs"));
        var planner = new ChangeNoticePlanner();
        DataSubject[] subjects = [new("mail", hasEmail: true), new("erased", true, [PrivacyEvent.ErasureRequested(Instant.FromUtc(2026, 4, 1, 0, 0))])];
        var first = planner.Plan(BuiltInPolicies.IsmartviewPro2018Compiled, newer, subjects, At);
        var second = planner.Plan(BuiltInPolicies.IsmartviewPro2018Compiled, newer, subjects, At);
        Assert.NotSame(first.Diff, second.Diff);
        ValueEquality.AssertEqualWithTheSameHash(first, second);
        Assert.NotEqual(first, planner.Plan(BuiltInPolicies.IsmartviewPro2018Compiled, newer, subjects.Take(1), At));
    }

    private static PolicyChange Change(byte n)
        => new($"kind-{n % 3}", $"/rules/r{n % 4}", n % 2 == 0 ? null : "old", "new", n % 5 == 0, "why");
}
