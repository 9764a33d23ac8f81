using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Privacy.Tests.Rights;

namespace Privacy.Tests.Requests;

/// <summary>A retention request compares its grounds by value, in order.</summary>
public class RetainRequestEqualityProperties
{
    [Property]
    public void RetainRequest_EqualGroundsInSeparateArrays_EqualWithTheSameHash(int days, byte[] grounds)
    {
        var at = Instant.FromUtc(2026, 3, 1, 0, 0);
        RetainRequest Make() => new(new("personal.email"), at - Duration.FromDays(days % 10_000), at, [.. grounds.Select(g => new RetentionGroundId($"g{g % 3}"))]);
        ValueEqualityAssert.EqualWithTheSameHash(Make(), Make());
    }

    [Fact]
    public void RetainRequest_DefaultAndEmptyGrounds_Equal()
    {
        var at = Instant.FromUtc(2026, 3, 1, 0, 0);
        ValueEqualityAssert.EqualWithTheSameHash(new RetainRequest(new("personal.email"), at, at), new RetainRequest(new("personal.email"), at, at, []));
    }
}
