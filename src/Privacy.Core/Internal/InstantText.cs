using System;
using NodaTime;
using NodaTime.Text;

namespace Privacy.Internal;

/// <summary>Reads ISO-8601 instants with an offset from untrusted text, never throwing.</summary>
internal static class InstantText
{
    /// <summary>The longest text read as an instant; a date, a time with nanoseconds and an offset fit with room to spare.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// Reads <paramref name="text"/> as an ISO-8601 instant with an offset or <c>Z</c>; false when it is
    /// not one, or names no representable instant (an offset beyond ±18 hours, a local time that its
    /// offset moves past the year 9999).
    /// </summary>
    public static bool TryParse(string text, out Instant instant) => Read(text, out instant) == InstantTextResult.Instant;

    /// <summary>Reads <paramref name="text"/> as <see cref="TryParse"/> does, saying why when it is no instant, so callers can word the error.</summary>
    public static InstantTextResult Read(string text, out Instant instant)
    {
        instant = default;
        if (text.Length > MaxLength)
        {
            return InstantTextResult.TooLong;
        }

        // NodaTime reports an out-of-range offset or instant with these two exceptions only.
        try
        {
            var result = OffsetDateTimePattern.ExtendedIso.Parse(text);
            if (!result.Success)
            {
                return InstantTextResult.NotAnInstant;
            }

            instant = result.Value.ToInstant();
            return InstantTextResult.Instant;
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return InstantTextResult.OutOfRange;
        }
    }
}

/// <summary>What <see cref="InstantText.Read"/> found.</summary>
internal enum InstantTextResult
{
    /// <summary>An instant.</summary>
    Instant,

    /// <summary>Longer than <see cref="InstantText.MaxLength"/>.</summary>
    TooLong,

    /// <summary>Not ISO-8601 with an offset.</summary>
    NotAnInstant,

    /// <summary>ISO-8601, but no representable instant: an offset beyond ±18 hours, or past the year 9999.</summary>
    OutOfRange,
}
