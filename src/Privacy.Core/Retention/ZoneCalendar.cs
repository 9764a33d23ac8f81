using System;
using NodaTime;
using Privacy.Internal;

namespace Privacy.Retention;

/// <summary>
/// Adds calendar periods to instants on one time zone's local calendar, with exactly the result of
/// <c>zone.AtLeniently(start.InZone(zone).LocalDateTime + period)</c> (except that a period of no length
/// ends at the start itself, even in the repeated hour of an overlap), in a few integer operations:
/// the zone's offsets are tabulated per day once (from 1970 to 2200), and dates are computed with
/// civil-calendar arithmetic. Days near an offset change, instants outside the table and periods
/// with time units take the general path. A result past the end of time is <see cref="Instant.MaxValue"/>.
/// Immutable, thread-safe, allocation-free.
/// </summary>
internal sealed class ZoneCalendar
{
    private const int Days = 83_000; // 1970-01-01 to about 2197
    private const int Unknown = int.MinValue;
    private const long NanosecondsPerSecond = 1_000_000_000L;
    private const long NanosecondsPerDay = 86_400L * NanosecondsPerSecond;
    private static readonly Instant Epoch = Instant.FromUnixTimeTicks(0);

    private readonly DateTimeZone _zone;
    private readonly int _fixedOffset;

    /// <summary>Per UTC day: the offset in seconds when it holds from the day before to the day after, else <see cref="Unknown"/>; null for a fixed-offset zone.</summary>
    private readonly int[]? _offsets;

    public ZoneCalendar(DateTimeZone zone)
    {
        _zone = zone;
        if (zone.MinOffset == zone.MaxOffset)
        {
            _fixedOffset = zone.MinOffset.Seconds;
            return;
        }

        _offsets = new int[Days];
        Array.Fill(_offsets, Unknown);
        var end = Epoch + Duration.FromDays(Days + 2);
        var at = Epoch - Duration.FromDays(1);
        while (at < end)
        {
            var interval = zone.GetZoneInterval(at);
            var startTicks = interval.HasStart ? interval.Start.ToUnixTimeTicks() : long.MinValue / 2;
            var endTicks = interval.HasEnd ? interval.End.ToUnixTimeTicks() : long.MaxValue / 2;
            var first = Math.Max(0, CeilingDays(startTicks) + 1);
            var last = Math.Min(Days - 1, FloorDays(endTicks) - 2);
            for (var d = first; d <= last; d++)
            {
                _offsets[d] = interval.WallOffset.Seconds;
            }

            if (!interval.HasEnd)
            {
                break;
            }

            at = interval.End;
        }
    }

    /// <summary>The instant a period after <paramref name="start"/>, counted on the zone's local calendar.</summary>
    public Instant Add(RetentionPeriod period, Instant start)
        => period.Calendar is { } calendar ? Add(calendar, start) : EndOfTime.Add(start, period.Exact);

    private Instant Add(Period period, Instant start)
    {
        var since = start - Epoch;
        if (period.HasTimeComponent || since < Duration.Zero || since.Days >= Days)
        {
            return General(period, start);
        }

        var utcDay = since.Days;
        var offset = OffsetOn(utcDay);
        if (offset == Unknown)
        {
            return General(period, start);
        }

        // The local date and time of the start.
        var localDay = utcDay;
        var nanosecondOfDay = since.NanosecondOfDay + (offset * NanosecondsPerSecond);
        if (nanosecondOfDay < 0)
        {
            nanosecondOfDay += NanosecondsPerDay;
            localDay--;
        }
        else if (nanosecondOfDay >= NanosecondsPerDay)
        {
            nanosecondOfDay -= NanosecondsPerDay;
            localDay++;
        }

        // Years, then months (each keeping the day within the month), then weeks and days, as NodaTime adds a period.
        var (year, month, day) = CivilFromDays(localDay);
        if (period.Years != 0)
        {
            year += period.Years;
            day = Math.Min(day, DaysInMonth(year, month));
        }

        if (period.Months != 0)
        {
            var months = (year * 12L) + (month - 1) + period.Months;
            year = (int)(months / 12);
            month = (int)(months % 12) + 1;
            day = Math.Min(day, DaysInMonth(year, month));
        }

        var endDay = DaysFromCivil(year, month, day) + (period.Weeks * 7L) + period.Days;
        if (localDay < 0 || year > 9000 || endDay < 0 || endDay >= Days)
        {
            return General(period, start);
        }

        var endOffset = OffsetOn((int)endDay);
        if (endOffset == Unknown)
        {
            return General(period, start);
        }

        return Epoch + Duration.FromDays((int)endDay) + Duration.FromNanoseconds(nanosecondOfDay - (endOffset * NanosecondsPerSecond));
    }

    private int OffsetOn(int day) => _offsets is null ? _fixedOffset : _offsets[day];

    private Instant General(Period period, Instant start) => EndOfTime.AddCalendar(start, period, _zone);

    private static int CeilingDays(long ticks) => -FloorDays(-ticks);

    private static int FloorDays(long ticks)
    {
        var days = ticks / NodaConstants.TicksPerDay;
        if (ticks % NodaConstants.TicksPerDay < 0)
        {
            days--;
        }

        return (int)Math.Clamp(days, int.MinValue / 2, int.MaxValue / 2);
    }

    private static int DaysInMonth(int year, int month)
        => month == 2 ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28) : 30 + ((month + (month >> 3)) & 1);

    // Civil-calendar conversions on the proleptic Gregorian (ISO) calendar, days counted from 1970-01-01.
    private static long DaysFromCivil(int year, int month, int day)
    {
        long y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468;
    }

    private static (int Year, int Month, int Day) CivilFromDays(int days)
    {
        long z = days + 719468L;
        var era = (z >= 0 ? z : z - 146096) / 146097;
        var dayOfEra = z - (era * 146097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var mp = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * mp) + 2) / 5) + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        var year = (int)(yearOfEra + (era * 400)) + (month <= 2 ? 1 : 0);
        return (year, month, day);
    }
}
