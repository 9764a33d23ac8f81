using System;
using System.Globalization;
using System.Linq;
using NodaTime;
using Privacy.Internal;
using Privacy.Retention;

namespace Privacy.Versioning;

/// <content>Compares the metadata and the time zone.</content>
public sealed partial class PolicyDiffer
{
    /// <content>Compares the metadata and the time zone.</content>
    private sealed partial class Run
    {
        private void CompareMetadata()
        {
            Scalar("id-changed", PolicyPaths.Id, Older.Id, Newer.Id, Metadata);
            Scalar("version-changed", PolicyPaths.Version, Older.Version, Newer.Version, Metadata);
            Scalar("name-changed", PolicyPaths.Name, Older.Name, Newer.Name, Wording);
            CompareTimeZone();
            Scalar("last-updated-changed", PolicyPaths.LastUpdated, Older.LastUpdated?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), Newer.LastUpdated?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), Metadata);
            Scalar("effective-from-changed", PolicyPaths.EffectiveFrom, Older.EffectiveFrom?.ToString(), Newer.EffectiveFrom?.ToString(), Metadata);
            Scalar("contact-changed", PolicyPaths.Contact, Older.Contact, Newer.Contact, Metadata);
            foreach (var note in Older.Notes.Except(Newer.Notes, StringComparer.Ordinal))
            {
                Add("note-removed", PolicyPaths.Notes, note, null, false, Wording);
            }

            foreach (var note in Newer.Notes.Except(Older.Notes, StringComparer.Ordinal))
            {
                Add("note-added", PolicyPaths.Notes, null, note, false, Wording);
            }
        }

        /// <summary>
        /// Calendar periods (retention, erasure, ground extensions) are counted on the controller's
        /// local calendar, so a new zone moves their deadlines. When that can make some deadline later,
        /// data is kept longer than subjects were told: significant. Otherwise (no calendar period, or
        /// deadlines only ever earlier) the change is editorial.
        /// </summary>
        private void CompareTimeZone()
        {
            if (string.Equals(Older.TimeZoneId, Newer.TimeZoneId, StringComparison.Ordinal))
            {
                return;
            }

            var oldZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(Older.TimeZoneId) ?? DateTimeZone.Utc;
            var periods = Newer.RetentionRules.Select(r => (What: $"retention of {r.Category}", r.Period))
                .Append((What: "erasure", Period: Newer.ErasurePeriod))
                .Concat(Newer.Grounds.Select(g => (What: $"ground {g.Id}", Period: g.MaximumExtension)))
                .Where(p => p.Period.IsCalendar)
                .DistinctBy(p => p.Period)
                .ToList();
            foreach (var (what, period) in periods)
            {
                if (LaterInZone(period, oldZone) is { } start)
                {
                    var before = period.AddTo(start, oldZone);
                    var after = period.AddTo(start, _zone);
                    Add("time-zone-changed", PolicyPaths.TimeZone, Older.TimeZoneId, Newer.TimeZoneId, true,
                        $"calendar periods are counted in the new zone, so some deadlines come later and data is kept longer: {what} ({period}) from {start} ends at {after} instead of {before}");
                    return;
                }
            }

            Add("time-zone-changed", PolicyPaths.TimeZone, Older.TimeZoneId, Newer.TimeZoneId, false, periods.Count == 0
                ? "the policy counts no calendar period, so no deadline moves"
                : "calendar periods are counted in the new zone, but no deadline comes later");
        }

        /// <summary>A start, over a four-year leap cycle every three hours, from which a period ends later in the new zone than in the old one.</summary>
        private Instant? LaterInZone(RetentionPeriod period, DateTimeZone oldZone)
        {
            var step = Duration.FromHours(3);
            var first = Instant.FromUtc(2024, 1, 1, 0, 30);
            var end = Instant.FromUtc(2028, 1, 1, 0, 0);
            for (var start = first; start < end; start += step)
            {
                if (period.AddTo(start, _zone) > period.AddTo(start, oldZone))
                {
                    return start;
                }
            }

            return null;
        }
    }
}
