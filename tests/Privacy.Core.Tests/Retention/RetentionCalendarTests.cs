using NodaTime;
using Privacy.Retention;

namespace Privacy.Tests.Retention;

/// <summary>Calendar periods land on the right local date across month ends and the nights clocks change.</summary>
public class RetentionCalendarTests
{
    private static Instant Local(string zone, int y, int m, int d, int h, int min = 0)
        => DateTimeZoneProviders.Tzdb[zone].AtStrictly(new LocalDateTime(y, m, d, h, min)).ToInstant();

    private static Instant Deadline(string zone, Instant collected, Period period)
        => RetentionRulesTests.Policy(zone, period: RetentionPeriod.FromPeriod(period))
            .Decide(new RetainRequest(new("account"), collected, collected), null).Deadline!.Value;

    [Theory]
    [InlineData("Europe/Oslo")]
    [InlineData("America/New_York")]
    [InlineData("UTC")]
    public void OneMonthFromJanuary31_IsTheLastDayOfFebruary(string zone)
    {
        Assert.Equal(Local(zone, 2026, 2, 28, 15), Deadline(zone, Local(zone, 2026, 1, 31, 15), Period.FromMonths(1)));
        Assert.Equal(Local(zone, 2028, 2, 29, 15), Deadline(zone, Local(zone, 2028, 1, 31, 15), Period.FromMonths(1)));
    }

    [Theory]
    [InlineData("Europe/Oslo", 2026, 3, 28)]
    [InlineData("America/New_York", 2026, 3, 7)]
    public void OneDayAcrossSpringForward_KeepsTheLocalTime(string zone, int y, int m, int d)
    {
        var collected = Local(zone, y, m, d, 12);
        var deadline = Deadline(zone, collected, Period.FromDays(1));
        Assert.Equal(Local(zone, y, m, d + 1, 12), deadline);
        Assert.Equal(Duration.FromHours(23), deadline - collected);
    }

    [Theory]
    [InlineData("Europe/Oslo", 2026, 10, 24)]
    [InlineData("America/New_York", 2026, 10, 31)]
    public void OneDayAcrossFallBack_IsTwentyFiveHours(string zone, int y, int m, int d)
    {
        var collected = Local(zone, y, m, d, 12);
        Assert.Equal(Duration.FromHours(25), Deadline(zone, collected, Period.FromDays(1)) - collected);
    }

    [Theory]
    [InlineData("Europe/Oslo", 2026, 3, 28)]
    [InlineData("America/New_York", 2026, 3, 7)]
    public void LandingInTheSkippedHour_MovesForwardByTheGap(string zone, int y, int m, int d)
    {
        // 02:30 does not exist on the spring-forward night; the deadline moves to 03:30.
        var collected = Local(zone, y, m, d, 2, 30);
        Assert.Equal(Local(zone, y, m, d + 1, 3, 30), Deadline(zone, collected, Period.FromDays(1)));
    }

    [Theory]
    [InlineData("Europe/Oslo", 2026, 9, 25, 10, 2)]
    [InlineData("America/New_York", 2026, 10, 1, 11, 1)]
    public void LandingInTheRepeatedHour_TakesTheEarlierInstant(string zone, int y, int m, int d, int overlapMonth, int hour)
    {
        var collected = Local(zone, y, m, d, hour, 30);
        var expected = DateTimeZoneProviders.Tzdb[zone].AtLeniently(new LocalDateTime(y, overlapMonth, d, hour, 30)).ToInstant();
        var mapping = DateTimeZoneProviders.Tzdb[zone].MapLocal(new LocalDateTime(y, overlapMonth, d, hour, 30));
        Assert.Equal(2, mapping.Count);
        Assert.Equal(mapping.First().ToInstant(), expected);
        Assert.Equal(expected, Deadline(zone, collected, Period.FromMonths(1)));
    }
}
