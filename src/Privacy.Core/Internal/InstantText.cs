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
    public static bool TryParse(string text, out Instant instant)
    {
        instant = default;
        if (text.Length > MaxLength)
        {
            return false;
        }

        // NodaTime reports an out-of-range offset or instant with these two exceptions only.
        try
        {
            var result = OffsetDateTimePattern.ExtendedIso.Parse(text);
            if (!result.Success)
            {
                return false;
            }

            instant = result.Value.ToInstant();
            return true;
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
