using System;
using NodaTime;
using Privacy.Internal;

namespace Privacy.Retention;

/// <summary>
/// A span of retention: either a calendar <see cref="NodaTime.Period"/> ("6 months", counted on the
/// controller's local calendar) or an exact <see cref="NodaTime.Duration"/> ("72 hours").
/// </summary>
/// <remarks>Immutable and equal by value. The default value is a zero duration.</remarks>
public readonly struct RetentionPeriod : IEquatable<RetentionPeriod>
{
    private RetentionPeriod(Period? calendar, Duration exact)
    {
        Calendar = calendar;
        Exact = exact;
    }

    /// <summary>Gets a period of no length: data is due for deletion at once.</summary>
    /// <value>A zero duration.</value>
    public static RetentionPeriod Zero => default;

    /// <summary>Gets the calendar period, when this is one.</summary>
    /// <value>Null for an exact duration.</value>
    public Period? Calendar { get; }

    /// <summary>Gets the exact duration, when this is one.</summary>
    /// <value>Zero for a calendar period.</value>
    public Duration Exact { get; }

    /// <summary>Gets a value indicating whether this is a calendar period.</summary>
    /// <value>True when <see cref="Calendar"/> is set.</value>
    public bool IsCalendar => Calendar is not null;

    /// <summary>
    /// Creates a retention period from a NodaTime period, read as a policy document reads its text:
    /// with a date unit (years, months, weeks or days) it is counted on the controller's calendar;
    /// with only time units (<c>Period.FromHours(72)</c>, like <c>PT72H</c>) it is that exact duration.
    /// </summary>
    /// <param name="period">The period; none of its units negative.</param>
    /// <returns>The retention period.</returns>
    /// <exception cref="ArgumentException"><paramref name="period"/> has a negative unit.</exception>
    public static RetentionPeriod FromPeriod(Period period)
    {
        Preconditions.CheckNotNull(period, nameof(period));
        Preconditions.CheckArgument(
            period.Years >= 0 && period.Months >= 0 && period.Weeks >= 0 && period.Days >= 0 && period.Hours >= 0
                && period.Minutes >= 0 && period.Seconds >= 0 && period.Milliseconds >= 0 && period.Ticks >= 0 && period.Nanoseconds >= 0,
            nameof(period),
            $"A retention period cannot be negative: {period}.");
        var hasDate = period.Years != 0 || period.Months != 0 || period.Weeks != 0 || period.Days != 0;
        return hasDate ? FromCalendar(period) : FromDuration(period.ToDuration());
    }

    /// <summary>A calendar period even when it has no date unit (<c>P0DT72H</c> in a document).</summary>
    /// <remarks>No part is negative, so the period has no length exactly when every part is zero; Normalize would overflow for periods whose days, counted in nanoseconds, pass Int64 (about 292 years).</remarks>
    internal static RetentionPeriod FromCalendar(Period period)
        => new(period.Equals(Period.Zero) ? null : period, Duration.Zero);

    /// <summary>Creates an exact retention period.</summary>
    /// <param name="duration">The duration; not negative.</param>
    /// <returns>The retention period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public static RetentionPeriod FromDuration(Duration duration)
    {
        if (duration < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A retention period cannot be negative.");
        }

        return new RetentionPeriod(null, duration);
    }

    /// <summary>Adds this period to an instant, on the local calendar of a time zone.</summary>
    /// <param name="start">The anchor instant.</param>
    /// <param name="zone">The controller's time zone, for calendar periods.</param>
    /// <returns>The instant the period ends. A local time that falls in a gap moves forward by the gap's length; in an overlap, the earlier instant is taken. A period of no length ends at <paramref name="start"/>. An end after the end of 9999 (the last instant NodaTime represents) is <see cref="Instant.MaxValue"/>, never an exception.</returns>
    /// <remarks>Allocates nothing.</remarks>
    public Instant AddTo(Instant start, DateTimeZone zone)
    {
        if (Calendar is not { } period)
        {
            return EndOfTime.Add(start, Exact);
        }

        Preconditions.CheckNotNull(zone, nameof(zone));
        // The same instant as zone.AtLeniently(local), without allocating a mapping: retention sweeps call this per record.
        return EndOfTime.AddCalendar(start, period, zone);
    }

    /// <summary>Whether this period always ends at or after another, whatever the start.</summary>
    /// <param name="other">The other period.</param>
    /// <returns>True when this period is at least as long as <paramref name="other"/> on every calendar.</returns>
    internal bool IsAtLeast(RetentionPeriod other)
        => ApproximateMaximum(other) <= ApproximateMinimum(this);

    /// <summary>Parses an ISO-8601 period such as <c>P1M</c>, <c>P6M</c>, <c>P1Y</c> or <c>PT72H</c>, as a policy document reads it: with a date part it is counted on the calendar, with only a time part (<c>PT72H</c>) it is an exact duration.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The period.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a valid period, is negative or is longer than 1000 years.</exception>
    public static RetentionPeriod Parse(string text)
    {
        Preconditions.CheckNotNull(text, nameof(text));
        return PeriodText.TryParse(text, out var period, out var error) ? period : throw new FormatException(error);
    }

    /// <summary>Formats the period as ISO-8601, such as <c>P6M</c> or <c>PT72H</c>, as a policy document writes it: <see cref="Parse(string)"/> reads it back to an equal period.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => PeriodText.Format(this);

    /// <inheritdoc/>
    public bool Equals(RetentionPeriod other) => Equals(Calendar, other.Calendar) && Exact == other.Exact;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RetentionPeriod other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Calendar, Exact);

    /// <summary>Compares two periods for equality.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>True when both are the same period.</returns>
    public static bool operator ==(RetentionPeriod left, RetentionPeriod right) => left.Equals(right);

    /// <summary>Compares two periods for inequality.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(RetentionPeriod left, RetentionPeriod right) => !left.Equals(right);

    // Bounds in seconds over every calendar: months 28..31 days, years 365..366, days 23..25 hours across DST.
    private static long ApproximateMinimum(RetentionPeriod p) => Seconds(p, daysPerMonth: 28, daysPerYear: 365, hoursPerDay: 23);

    internal static long ApproximateMaximum(RetentionPeriod p) => Seconds(p, daysPerMonth: 31, daysPerYear: 366, hoursPerDay: 25);

    private static long Seconds(RetentionPeriod p, int daysPerMonth, int daysPerYear, int hoursPerDay)
    {
        if (p.Calendar is not { } c)
        {
            return (long)p.Exact.TotalSeconds;
        }

        var days = (c.Years * daysPerYear) + (c.Months * (long)daysPerMonth) + (c.Weeks * 7L) + c.Days;
        return (days * hoursPerDay * 3600L) + (c.Hours * 3600L) + (c.Minutes * 60L) + c.Seconds;
    }
}
