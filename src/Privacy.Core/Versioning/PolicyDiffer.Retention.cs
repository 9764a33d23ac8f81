using System;
using System.Linq;
using NodaTime;
using Privacy.Internal;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.Versioning;

/// <content>Compares retention rules, grounds and erasure.</content>
public sealed partial class PolicyDiffer
{
    /// <content>Compares retention rules, grounds and erasure.</content>
    private sealed partial class Run
    {
        private void CompareRetention()
        {
            var old = Older.RetentionRules.ToDictionary(r => r.Category.Value, StringComparer.Ordinal);
            var @new = Newer.RetentionRules.ToDictionary(r => r.Category.Value, StringComparer.Ordinal);
            foreach (var r in Older.RetentionRules.Where(r => !@new.ContainsKey(r.Category.Value)))
            {
                // The category now inherits its nearest ancestor's rule, or none (deleted at once).
                var inherited = Effective(Newer, r.Category);
                var longer = inherited is not null && Longer(r, inherited);
                Add("retention-removed", PolicyPaths.ById(PolicyPaths.RetentionRules, r.Category.Value), DescribeRetention(r), inherited is null ? "none: delete at once" : $"inherits {DescribeRetention(inherited)}", longer, longer
                    ? "the category now inherits a longer retention"
                    : "the category is kept no longer than before");
            }

            foreach (var r in Newer.RetentionRules)
            {
                var path = PolicyPaths.ById(PolicyPaths.RetentionRules, r.Category.Value);
                if (!old.TryGetValue(r.Category.Value, out var before))
                {
                    var inherited = Effective(Older, r.Category);
                    var longer = inherited is null ? r.Period != RetentionPeriod.Zero || r.Anchor != RetentionAnchor.Collection : Longer(inherited, r);
                    Add("retention-added", path, inherited is null ? null : $"inherits {DescribeRetention(inherited)}", DescribeRetention(r), longer, longer
                        ? "data of the category is kept longer than before"
                        : "data of the category is kept no longer than before");
                    continue;
                }

                if (before.Period != r.Period)
                {
                    var longer = Longer(before.Period, r.Period);
                    Add("retention-period-changed", PolicyPaths.Field(path, "period"), before.Period.ToString(), r.Period.ToString(), longer, longer
                        ? "a longer retention: the new period can end later on some calendar"
                        : "a shorter retention");
                }

                if (before.Anchor != r.Anchor)
                {
                    var later = Lateness(r.Anchor) > Lateness(before.Anchor);
                    Add("retention-anchor-changed", PolicyPaths.Field(path, "anchor"), Anchor(before.Anchor), Anchor(r.Anchor), later, later
                        ? "the period counts from a later event, so data is kept longer"
                        : "the period counts from an earlier event, so data is kept no longer");
                }

                if (before.AllowsGrounds != r.AllowsGrounds)
                {
                    Add("retention-grounds-changed", PolicyPaths.Field(path, "allowsGrounds"), before.AllowsGrounds ? "true" : "false", r.AllowsGrounds ? "true" : "false", r.AllowsGrounds, r.AllowsGrounds
                        ? "retention grounds may now keep the data longer"
                        : "retention grounds may no longer keep the data longer");
                }

                Scalar("retention-clause-changed", PolicyPaths.Field(path, "clause"), before.Clause.Value, r.Clause.Value, "only the clause the decision cites changes");
            }
        }

        private bool Longer(RetentionRule before, RetentionRule after)
            => Longer(before.Period, after.Period) || Lateness(after.Anchor) > Lateness(before.Anchor) || (after.AllowsGrounds && !before.AllowsGrounds);

        /// <summary>Whether a period can end later than another: exactly, when both are durations or one dominates the other unit by unit; otherwise by adding both to every day of a four-year leap cycle, at night and at noon, in the new version's zone (so month lengths, leap days and daylight-saving shifts all count).</summary>
        private bool Longer(RetentionPeriod before, RetentionPeriod after)
        {
            if (before == after)
            {
                return false;
            }

            if (!before.IsCalendar && !after.IsCalendar)
            {
                return after.Exact > before.Exact;
            }

            if (before.Calendar is { } b && after.Calendar is { } a)
            {
                var units = new (long Before, long After)[]
                {
                    (b.Years, a.Years), (b.Months, a.Months), (b.Weeks, a.Weeks), (b.Days, a.Days), (b.Hours, a.Hours),
                    (b.Minutes, a.Minutes), (b.Seconds, a.Seconds), (b.Milliseconds, a.Milliseconds), (b.Ticks, a.Ticks), (b.Nanoseconds, a.Nanoseconds),
                };
                if (units.All(u => u.After <= u.Before))
                {
                    return false;
                }

                if (units.All(u => u.After >= u.Before))
                {
                    return true;
                }
            }

            for (var day = new LocalDate(2024, 1, 1); day < new LocalDate(2028, 1, 1); day = day.PlusDays(1))
            {
                foreach (var time in SampleTimes)
                {
                    var start = _zone.AtLeniently(day + time).ToInstant();
                    if (after.AddTo(start, _zone) > before.AddTo(start, _zone))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static RetentionRule? Effective(PrivacyPolicy policy, DataCategoryId category)
            => policy.RetentionRules.Where(r => category.IsWithin(r.Category)).OrderByDescending(r => r.Category.Value.Length).FirstOrDefault();

        private static string Anchor(RetentionAnchor a) => a switch
        {
            RetentionAnchor.Collection => "collection",
            RetentionAnchor.LastActivity => "last-activity",
            RetentionAnchor.AccountClosure => "account-closure",
            _ => "erasure-request",
        };

        private static string DescribeRetention(RetentionRule r)
            => $"{r.Period} from {Anchor(r.Anchor)}{(r.AllowsGrounds ? string.Empty : ", no grounds")} ({r.Clause})";

        private void CompareGrounds()
        {
            var old = Older.Grounds.ToDictionary(g => g.Id.Value, StringComparer.Ordinal);
            var @new = Newer.Grounds.ToDictionary(g => g.Id.Value, StringComparer.Ordinal);
            foreach (var g in Older.Grounds.Where(g => !@new.ContainsKey(g.Id.Value)))
            {
                Add("ground-removed", PolicyPaths.ById(PolicyPaths.Grounds, g.Id.Value), $"{g.Id}: at most {g.MaximumExtension} more", null, false, "one reason fewer to keep data longer");
            }

            foreach (var g in Newer.Grounds)
            {
                var path = PolicyPaths.ById(PolicyPaths.Grounds, g.Id.Value);
                if (!old.TryGetValue(g.Id.Value, out var before))
                {
                    Add("ground-added", path, null, $"{g.Id}: at most {g.MaximumExtension} more", true, "a new reason to keep data longer");
                    continue;
                }

                if (before.MaximumExtension != g.MaximumExtension)
                {
                    var longer = Longer(before.MaximumExtension, g.MaximumExtension);
                    Add("ground-extension-changed", PolicyPaths.Field(path, "maximumExtension"), before.MaximumExtension.ToString(), g.MaximumExtension.ToString(), longer, longer
                        ? "the ground may keep data longer than before"
                        : "the ground keeps data no longer than before");
                }

                Scalar("ground-clause-changed", PolicyPaths.Field(path, "clause"), before.Clause.Value, g.Clause.Value, "only the clause the decision cites changes");
                Scalar("ground-description-changed", PolicyPaths.Field(path, "description"), before.Description, g.Description, Wording);
            }
        }

        private void CompareErasure()
        {
            if (Older.ErasurePeriod != Newer.ErasurePeriod)
            {
                var longer = Longer(Older.ErasurePeriod, Newer.ErasurePeriod);
                Add("erasure-period-changed", PolicyPaths.Field(PolicyPaths.Erasure, "period"), Older.ErasurePeriod.ToString(), Newer.ErasurePeriod.ToString(), longer, longer
                    ? "erased data may linger longer, so the right to erasure is weaker"
                    : "erased data is gone sooner");
            }

            var lost = Older.ErasureClasses.Except(Newer.ErasureClasses).ToList();
            if (!Older.ErasureClasses.ToHashSet().SetEquals(Newer.ErasureClasses))
            {
                Add("erasure-classes-changed", PolicyPaths.Field(PolicyPaths.Erasure, "classes"), List(Older.ErasureClasses.Select(ClassName), "none"), List(Newer.ErasureClasses.Select(ClassName), "none"), lost.Count > 0, lost.Count > 0
                    ? "an erasure request no longer reaches some data, so the right to erasure is weaker"
                    : "an erasure request reaches more data");
            }

            Scalar("erasure-clause-changed", PolicyPaths.Field(PolicyPaths.Erasure, "clause"), Older.ErasureClause.Value, Newer.ErasureClause.Value, "only the clause the decision cites changes");
            Scalar("legal-hold-clause-changed", PolicyPaths.Field(PolicyPaths.LegalHold, "clause"), Older.LegalHoldClause.Value, Newer.LegalHoldClause.Value, "only the clause the decision cites changes");
        }
    }
}
