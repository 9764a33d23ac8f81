using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Privacy.Retention;

namespace Privacy.Tests.Compilation;

/// <summary>The tabulated calendar arithmetic gives exactly NodaTime's local-calendar addition with lenient mapping.</summary>
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
            var expected = zone.AtLeniently(start.InZone(zone).LocalDateTime + period).ToInstant();
            var actual = Calendars[zoneId].Add(RetentionPeriod.FromPeriod(period), start);
            return (expected == actual).Label($"{start} + {period} in {zoneId}: NodaTime {expected}, tabulated {actual}");
        });

    [Fact]
    public void Add_MonthEndsAndLeapDays_KeepTheDayWithinTheMonth()
    {
        var calendar = new ZoneCalendar(DateTimeZone.Utc);
        Assert.Equal(Instant.FromUtc(2025, 2, 28, 12, 0), calendar.Add(RetentionPeriod.FromPeriod(Period.FromMonths(1)), Instant.FromUtc(2025, 1, 31, 12, 0)));
        Assert.Equal(Instant.FromUtc(2025, 3, 28, 0, 0), calendar.Add(RetentionPeriod.FromPeriod(Period.FromYears(1) + Period.FromMonths(1)), Instant.FromUtc(2024, 2, 29, 0, 0)));
    }
}
