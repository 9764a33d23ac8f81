using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Privacy.Retention;

namespace Privacy.Tests.Retention;

/// <summary>The allocation-free lenient mapping gives exactly what NodaTime's <c>AtLeniently</c> gives.</summary>
public class LenientMappingTests
{
    private static readonly string[] Zones = ["Europe/Oslo", "America/New_York", "UTC"];

    /// <summary>Local times anywhere from 1970 to 2060, and densely around the daylight-saving changes of March, October and November.</summary>
    private static Gen<LocalDateTime> LocalTimes =>
        Gen.OneOf(
            from day in Gen.Choose(0, 365 * 90)
            from minute in Gen.Choose(0, (24 * 60) - 1)
            select new LocalDate(1970, 1, 1).PlusDays(day).At(LocalTime.Midnight.PlusMinutes(minute)),
            from year in Gen.Choose(1970, 2060)
            from month in Gen.Elements(3, 4, 10, 11)
            from day in Gen.Choose(1, 30)
            from minute in Gen.Choose(0, (4 * 60) - 1)
            select new LocalDateTime(year, month, day, 0, 0).PlusMinutes(minute));

    [Property(MaxTest = 3_000)]
    public Property ToInstant_AnyLocalTime_EqualsAtLeniently()
        => Prop.ForAll(LocalTimes.ToArbitrary(), Gen.Elements(Zones).ToArbitrary(), (local, zoneId) =>
        {
            var zone = DateTimeZoneProviders.Tzdb[zoneId];
            var expected = zone.AtLeniently(local).ToInstant();
            var actual = LenientMapping.ToInstant(local, zone);
            return (expected == actual).Label($"{local} in {zoneId}: AtLeniently {expected}, mapped {actual}");
        });

    [Fact]
    public void ToInstant_TimeInSpringGap_MovesForwardByTheGap()
    {
        // Oslo skipped 02:00-03:00 on 29 March 2026: 02:30 becomes 03:30 CEST.
        var zone = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 30), LenientMapping.ToInstant(new LocalDateTime(2026, 3, 29, 2, 30), zone));
    }

    [Fact]
    public void ToInstant_TimeInAutumnOverlap_TakesTheEarlierInstant()
    {
        // New York repeated 01:00-02:00 on 1 November 2026: 01:30 is first EDT (05:30Z), then EST (06:30Z).
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 5, 30), LenientMapping.ToInstant(new LocalDateTime(2026, 11, 1, 1, 30), zone));
    }
}
