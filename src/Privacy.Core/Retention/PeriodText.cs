using System;
using System.Linq;
using NodaTime;
using NodaTime.Text;
namespace Privacy.Retention;

/// <summary>
/// The one reading of retention periods as text, for documents, configuration and
/// <see cref="RetentionPeriod.Parse(string)"/> alike: ISO-8601 periods. A period with a date part
/// (<c>P6M</c>, <c>P30D</c>, <c>P1DT12H</c>) is counted on the controller's calendar; a period with
/// only a time part (<c>PT72H</c>) is an exact duration.
/// </summary>
internal static class PeriodText
{
    private const double MaxDays = 366_000;

    public static string Format(RetentionPeriod period)
    {
        if (period.Calendar is { } calendar)
        {
            var text = PeriodPattern.Roundtrip.Format(calendar);
            var hasDate = calendar.Years != 0 || calendar.Months != 0 || calendar.Weeks != 0 || calendar.Days != 0;
            return hasDate ? text : "P0D" + text[1..];
        }

        if (period.Exact == Duration.Zero)
        {
            return "P0D";
        }

        return PeriodPattern.Roundtrip.Format(TimeOnly(period.Exact));
    }

    /// <summary>A duration as a period of hours, minutes, seconds and ticks: never days, which would read as a calendar period.</summary>
    public static Period TimeOnly(Duration duration)
    {
        var ticks = duration.BclCompatibleTicks;
        return Period.FromHours(ticks / TimeSpan.TicksPerHour)
            + Period.FromMinutes(ticks % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute)
            + Period.FromSeconds(ticks % TimeSpan.TicksPerMinute / TimeSpan.TicksPerSecond)
            + Period.FromTicks(ticks % TimeSpan.TicksPerSecond);
    }

    public static bool TryParse(string text, out RetentionPeriod period, out string error)
    {
        period = default;
        error = $"'{text}' is not an ISO-8601 period; write for example P6M (six months), P1Y, P30D or PT72H (an exact 72 hours).";
        if (text.Length < 2 || text[0] != 'P' || !text.Any(char.IsAsciiDigit))
        {
            return false;
        }

        ParseResult<Period> result;
        try
        {
            result = PeriodPattern.Roundtrip.Parse(text);
            if (!result.Success)
            {
                result = PeriodPattern.NormalizingIso.Parse(text);
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            // NodaTime reports a unit beyond Int32 (P99999999999D) with this exception rather than a failed result.
            error = TooLong(text);
            return false;
        }

        if (!result.Success)
        {
            return false;
        }

        var parsed = result.Value;
        var negative = parsed.Years < 0 || parsed.Months < 0 || parsed.Weeks < 0 || parsed.Days < 0 || parsed.Hours < 0 || parsed.Minutes < 0
            || parsed.Seconds < 0 || parsed.Milliseconds < 0 || parsed.Ticks < 0 || parsed.Nanoseconds < 0;
        if (negative)
        {
            error = $"'{text}' is negative; a retention period is zero or longer.";
            return false;
        }

        // Longer than any retention a policy could mean (and than the calendar can count): refuse rather than overflow later.
        var days = (parsed.Years * 366.0) + (parsed.Months * 31.0) + (parsed.Weeks * 7.0) + parsed.Days + (parsed.Hours / 24.0) + (parsed.Minutes / 1440.0)
            + (parsed.Seconds / 86400.0) + (parsed.Milliseconds / 86400000.0) + (parsed.Ticks / (double)TimeSpan.TicksPerDay) + (parsed.Nanoseconds / 86400e9);
        if (days > MaxDays)
        {
            error = TooLong(text);
            return false;
        }

        var datePart = text.IndexOf('T', StringComparison.Ordinal) is var t && t >= 0 ? text[1..t] : text[1..];
        if (datePart.Length > 0)
        {
            period = RetentionPeriod.FromCalendar(parsed);
            return true;
        }

        // An exact duration is counted in Int64 nanoseconds, about 292 years: PT9223372807S passes the check above but not that.
        try
        {
            period = RetentionPeriod.FromDuration(parsed.ToDuration());
            return true;
        }
        catch (OverflowException)
        {
            error = $"'{text}' is longer than an exact duration can count (about 292 years); write a calendar period, such as P10Y.";
            return false;
        }
    }

    private static string TooLong(string text) => $"'{text}' is longer than 1000 years; write a period a policy could mean, such as P10Y.";
}
