using NodaTime;
using NodaTime.TimeZones;

namespace Privacy.Retention;

/// <summary>
/// Maps a local date and time to an instant exactly as <see cref="DateTimeZone.AtLeniently(LocalDateTime)"/>
/// does (a time in a gap moves forward by the gap's length; in an overlap the earlier instant is
/// taken), but from the zone's intervals alone, so that it allocates nothing.
/// </summary>
internal static class LenientMapping
{
    public static Instant ToInstant(LocalDateTime local, DateTimeZone zone)
    {
        // The local time read as if it were UTC; the true instant lies within the largest offset of it,
        // so it falls in the zone interval of this instant or in one of its neighbours.
        var asUtc = local.InUtc().ToInstant();
        var guess = zone.GetZoneInterval(asUtc);
        var earlier = guess.HasStart ? zone.GetZoneInterval(guess.Start - Duration.Epsilon) : null;
        if (earlier is not null && Contains(earlier, asUtc))
        {
            return At(asUtc, earlier.WallOffset);
        }

        if (Contains(guess, asUtc))
        {
            return At(asUtc, guess.WallOffset);
        }

        var later = guess.HasEnd ? zone.GetZoneInterval(guess.End) : null;
        if (later is not null && Contains(later, asUtc))
        {
            return At(asUtc, later.WallOffset);
        }

        // In a gap: read the local time with the offset in force before the gap, which shifts it forward by the gap's length.
        var before = guess.HasStart && At(asUtc, guess.WallOffset) < guess.Start ? earlier! : guess;
        return At(asUtc, before.WallOffset);
    }

    /// <summary>The instant at which the local time (read as UTC) shows under an offset.</summary>
    private static Instant At(Instant asUtc, Offset offset) => asUtc - Duration.FromSeconds(offset.Seconds);

    /// <summary>Whether the local time (read as UTC) occurs in the interval.</summary>
    private static bool Contains(ZoneInterval interval, Instant asUtc)
    {
        var instant = At(asUtc, interval.WallOffset);
        return (!interval.HasStart || instant >= interval.Start) && (!interval.HasEnd || instant < interval.End);
    }
}
