using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Privacy.Retention;

namespace Privacy.Tests.Retention;

/// <summary>
/// The tabulated calendar arithmetic gives exactly NodaTime's local-calendar addition with lenient mapping,
/// except that a period of no length ends at the start itself (NodaTime's round trip through the local
/// time would move a start in the repeated hour of an overlap back to its first occurrence).
/// </summary>
public class ZoneCalendarTests
{
    private static readonly string[] Zones = ["Europe/Oslo", "America/New_York", "UTC"];
    private static readonly Dictionary<string, ZoneCalendar> Calendars = Zones.ToDictionary(z => z, z => new ZoneCalendar(DateTimeZoneProviders.Tzdb[z]));

    /// <summary>Instants from 1965 to 2210, and densely within two days of the daylight-saving changes of March, April, October and November.</summary>
    private static Gen<Instant> Starts =>
        Gen.OneOf(
            Gen.Choose(-5 * 365, 240 * 365).SelectMany(day => Gen.Choose(0, (24 * 60) - 1).Select(minute => Instant.FromUnixTimeTicks(0) + Duration.FromDays(day) + Duration.FromMinutes(minute))),
            from year in Gen.Choose(1970, 2200)
            from month in Gen.Elements(3, 4, 10, 11)
            from day in Gen.Choose(1, 30)
            from minute in Gen.Choose(0, (48 * 60) - 1)
            select Instant.FromUtc(year, month, day, 0, 0) + Duration.FromMinutes(minute) + Duration.FromMilliseconds(minute % 7));

    private static Gen<Period> Periods =>
        from years in Gen.Choose(0, 3)
        from months in Gen.Choose(0, 40)
        from weeks in Gen.Choose(0, 2)
        from days in Gen.Choose(0, 400)
        from hours in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 30)))
        from shape in Gen.Choose(0, 4)
        select shape switch
        {
            0 => Period.FromMonths(months),
            1 => Period.FromDays(days),
            2 => Period.FromYears(years) + Period.FromMonths(months % 12),
            3 => Period.FromWeeks(weeks) + Period.FromDays(days % 7) + Period.FromHours(hours),
            _ => Period.FromYears(years) + Period.FromMonths(months) + Period.FromWeeks(weeks) + Period.FromDays(days) + Period.FromHours(hours),
        };

    [Property(MaxTest = 5_000)]
    public Property Add_AnyStartAndPeriod_EqualsNodaTimeLenientAddition()
        => Prop.ForAll(Starts.ToArbitrary(), Periods.ToArbitrary(), Gen.Elements(Zones).ToArbitrary(), (start, period, zoneId) =>
        {
            var zone = DateTimeZoneProviders.Tzdb[zoneId];
            var expected = Expected(start, period, zone);
            var actual = Calendars[zoneId].Add(RetentionPeriod.FromPeriod(period), start);
            return (expected == actual).Label($"{start} + {period} in {zoneId}: expected {expected}, tabulated {actual}");
        });

    /// <summary>Starts within two hours of a daylight-saving change (in its gap, its repeated hour, or just around it), with short periods including none at all.</summary>
    [Property(MaxTest = 2_000)]
    public Property Add_StartNearOffsetChange_EqualsNodaTimeLenientAdditionOrStartForNoPeriod()
        => Prop.ForAll(NearChanges.ToArbitrary(), ShortPeriods.ToArbitrary(), (near, period) =>
        {
            var (zoneId, start) = near;
            var zone = DateTimeZoneProviders.Tzdb[zoneId];
            var expected = Expected(start, period, zone);
            var actual = Calendars[zoneId].Add(RetentionPeriod.FromPeriod(period), start);
            var viaPeriod = RetentionPeriod.FromPeriod(period).AddTo(start, zone);
            return (expected == actual && actual == viaPeriod).Label($"{start} + {period} in {zoneId}: expected {expected}, tabulated {actual}, RetentionPeriod.AddTo {viaPeriod}");
        });

    [Theory]
    [InlineData("America/New_York", 2028, 11, 5, 6, 45)]
    [InlineData("America/New_York", 2011, 11, 6, 6, 50)]
    [InlineData("Europe/Oslo", 2032, 10, 31, 1, 19)]
    [InlineData("Europe/Oslo", 2159, 10, 28, 1, 47)]
    public void Add_NoPeriodFromRepeatedHourOfOverlap_EndsAtTheStart(string zoneId, int year, int month, int day, int hour, int minute)
    {
        // The start is the second occurrence of a repeated local time; a lenient round trip through that
        // local time would give the first occurrence, an hour before the start.
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var start = Instant.FromUtc(year, month, day, hour, minute);
        Assert.True(zone.AtLeniently(start.InZone(zone).LocalDateTime).ToInstant() < start);

        Assert.Equal(start, Calendars[zoneId].Add(RetentionPeriod.FromPeriod(Period.Zero), start));
        Assert.Equal(start, Calendars[zoneId].Add(RetentionPeriod.FromPeriod(Period.FromDays(0) + Period.FromMonths(0)), start));
        Assert.Equal(start, Calendars[zoneId].Add(RetentionPeriod.Zero, start));
        Assert.Equal(start, RetentionPeriod.FromPeriod(Period.Zero).AddTo(start, zone));
    }

    [Fact]
    public void Add_HoursOnlyAcrossTheAutumnChange_AreElapsedHours()
    {
        // 14:40 CEST on 27 October 2018 plus PT23H: 23 elapsed hours (11:40Z), not 13:40 local on the 28th
        // (12:40Z, 24 hours later, which local-calendar addition across the clock change would give).
        var start = Instant.FromUtc(2018, 10, 27, 12, 40);
        var end = Calendars["Europe/Oslo"].Add(RetentionPeriod.FromPeriod(Period.FromHours(23)), start);

        Assert.Equal(Instant.FromUtc(2018, 10, 28, 11, 40), end);
        Assert.Equal(end, RetentionPeriod.FromPeriod(Period.FromHours(23)).AddTo(start, DateTimeZoneProviders.Tzdb["Europe/Oslo"]));
    }

    [Fact]
    public void Add_DayFromRepeatedHourOfOverlap_EqualsNodaTimeLenientAddition()
    {
        // 01:45 EST (the repeated hour) on 5 November 2028, plus one day, is 01:45 EST on 6 November.
        var start = Instant.FromUtc(2028, 11, 5, 6, 45);
        Assert.Equal(Instant.FromUtc(2028, 11, 6, 6, 45), Calendars["America/New_York"].Add(RetentionPeriod.FromPeriod(Period.FromDays(1)), start));
    }

    /// <summary>
    /// What a period after a start should end at: the start itself for a period of no length; the exact duration
    /// for a period of time units only (<c>PT23H</c> is 23 elapsed hours, also across a clock change, as
    /// <see cref="RetentionPeriod.FromPeriod"/> reads it); otherwise NodaTime's lenient local-calendar addition.
    /// </summary>
    private static Instant Expected(Instant start, Period period, DateTimeZone zone)
    {
        if (period.Normalize() == Period.Zero)
        {
            return start;
        }

        var hasDate = period.Years != 0 || period.Months != 0 || period.Weeks != 0 || period.Days != 0;
        return hasDate ? zone.AtLeniently(start.InZone(zone).LocalDateTime + period).ToInstant() : start + period.ToDuration();
    }

    /// <summary>A zone with daylight saving and an instant within two hours of one of its offset changes between 1970 and 2200.</summary>
    private static Gen<(string Zone, Instant Start)> NearChanges =>
        from zoneId in Gen.Elements("Europe/Oslo", "America/New_York")
        from index in Gen.Choose(0, Changes[zoneId].Length - 1)
        from minute in Gen.Choose(-120, 120)
        select (zoneId, Changes[zoneId][index] + Duration.FromMinutes(minute));

    private static Gen<Period> ShortPeriods =>
        from shape in Gen.Choose(0, 3)
        from n in Gen.Choose(0, 14)
        select shape switch
        {
            0 => Period.FromDays(n),
            1 => Period.FromWeeks(n),
            2 => Period.FromMonths(n),
            _ => Period.FromYears(n % 3),
        };

    private static readonly Dictionary<string, Instant[]> Changes = new[] { "Europe/Oslo", "America/New_York" }.ToDictionary(
        z => z,
        z => DateTimeZoneProviders.Tzdb[z].GetZoneIntervals(Instant.FromUtc(1970, 1, 1, 0, 0), Instant.FromUtc(2200, 1, 1, 0, 0)).Where(i => i.HasStart).Select(i => i.Start).ToArray());

    [Fact]
    public void Add_MonthEndsAndLeapDays_KeepTheDayWithinTheMonth()
    {
        var calendar = new ZoneCalendar(DateTimeZone.Utc);
        Assert.Equal(Instant.FromUtc(2025, 2, 28, 12, 0), calendar.Add(RetentionPeriod.FromPeriod(Period.FromMonths(1)), Instant.FromUtc(2025, 1, 31, 12, 0)));
        Assert.Equal(Instant.FromUtc(2025, 3, 28, 0, 0), calendar.Add(RetentionPeriod.FromPeriod(Period.FromYears(1) + Period.FromMonths(1)), Instant.FromUtc(2024, 2, 29, 0, 0)));
    }
}
