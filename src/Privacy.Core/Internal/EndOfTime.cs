using System;
using NodaTime;

namespace Privacy.Internal;

/// <summary>
/// Deadline arithmetic that stops at the ends of time instead of throwing: a deadline that would fall
/// after <see cref="Instant.MaxValue"/> (the end of 9999) is <see cref="Instant.MaxValue"/>, one before
/// <see cref="Instant.MinValue"/> is <see cref="Instant.MinValue"/>. A deadline no calendar can name
/// has not come yet, so the data it guards is kept and the step it times is due "at the end of time".
/// </summary>
internal static class EndOfTime
{
    /// <summary><paramref name="start"/> plus <paramref name="duration"/>, clamped to the instants NodaTime can represent.</summary>
    public static Instant Add(Instant start, Duration duration)
    {
        if (duration >= Duration.Zero)
        {
            return Instant.MaxValue - start < duration ? Instant.MaxValue : start + duration;
        }

        return start - Instant.MinValue < -duration ? Instant.MinValue : start + duration;
    }

    /// <summary>
    /// <paramref name="start"/> plus a calendar period on <paramref name="zone"/>'s local calendar, mapped
    /// back leniently (as <see cref="DateTimeZone.AtLeniently(LocalDateTime)"/>); clamped to the end of time (or its start, for a negative period) when the
    /// local calendar runs out.
    /// </summary>
    public static Instant AddCalendar(Instant start, Period period, DateTimeZone zone)
    {
        // The local calendar ends with 9999 and begins with -9998: a start within a few days of either end,
        // or a period that leaves it, cannot be mapped. NodaTime reports both with these two exceptions only.
        try
        {
            return Retention.LenientMapping.ToInstant(start.InZone(zone).LocalDateTime + period, zone);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return IsNegative(period) ? Instant.MinValue : Instant.MaxValue;
        }
    }

    private static bool IsNegative(Period period)
        => period.Years < 0 || period.Months < 0 || period.Weeks < 0 || period.Days < 0 || period.Hours < 0
           || period.Minutes < 0 || period.Seconds < 0 || period.Milliseconds < 0 || period.Ticks < 0 || period.Nanoseconds < 0;
}
