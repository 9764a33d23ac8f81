using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using NodaTime;
using Privacy.Internal;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.Versioning;

/// <summary>
/// The standard <see cref="IPolicyDiffer"/>: compares vocabularies, clauses, rules, retention,
/// erasure and metadata item by item, matching items by id, and classes each change.
/// </summary>
/// <remarks>
/// <para>Significant: a new data category, purpose, recipient, disclosure reason, message kind or
/// retention ground; a category moved to a less protected class; a new permission or a permission
/// that reaches more (more actions, data, purposes, recipients, reasons, messages or channels, fewer
/// conditions, fewer obligations); a removed or narrowed prohibition; a removed or narrowed rule
/// that cites a rights clause (an id <c>rights</c> or <c>rights.*</c>); a removed rights clause;
/// a longer retention period, a later retention anchor, or grounds newly allowed to extend it; a
/// longer ground extension; a longer erasure period or a data class erasure no longer reaches.</para>
/// <para>A time-zone change is significant when it can make a calendar period (retention, erasure,
/// ground extension) end later for some start, because periods are counted on the local calendar.</para>
/// <para>Editorial: wording (clause summaries and texts, descriptions, notes, name), dates, version
/// labels, contact, a time-zone change that moves no deadline later, cited clause ids, and every change that only narrows what is
/// permitted or kept.</para>
/// <para>A period is "longer" when it can end later for some start: durations compare exactly,
/// calendar periods unit by unit, and mixed ones on every day of a four-year leap cycle in the new
/// version's time zone. So <c>P1M</c> to <c>P30D</c> is longer (February), and <c>P31D</c> to
/// <c>P30D</c> is not.</para>
/// <para>Stateless and thread-safe; use <see cref="Instance"/>.</para>
/// </remarks>
public sealed class PolicyDiffer : IPolicyDiffer
{
    private const string Wording = "wording only; what the policy permits is unchanged";
    private const string Metadata = "metadata; what the policy permits is unchanged";

    /// <summary>Gets the shared instance.</summary>
    /// <value>A stateless differ.</value>
    public static PolicyDiffer Instance { get; } = new();

    /// <inheritdoc/>
    public PolicyDiff Diff(PrivacyPolicy older, PrivacyPolicy newer)
    {
        Preconditions.CheckNotNull(older, nameof(older));
        Preconditions.CheckNotNull(newer, nameof(newer));
        var run = new Run(older, newer);
        run.Compare();
        return new PolicyDiff(older.Version, newer.Version, [.. run.Changes]);
    }

    private static bool IsRightsClause(ClauseId clause)
        => clause.Value == "rights" || clause.Value.StartsWith("rights.", StringComparison.Ordinal);

    private static bool CitesRight(PolicyRule rule)
        => IsRightsClause(rule.Clause) || (rule.ExemptionClause is { } e && IsRightsClause(e));

    private static string Pointer(params string[] parts)
        => "/" + string.Join('/', parts.Select(JsonPointer.Escape));

    private static string List<T>(IEnumerable<T> items, string empty = "any")
    {
        var text = string.Join(", ", items.Select(i => i!.ToString()));
        return text.Length == 0 ? empty : text;
    }

    private static string ClassName(DataClass c) => c switch
    {
        DataClass.Personal => "personal",
        DataClass.Sensitive => "sensitive",
        DataClass.NonPersonal => "non-personal",
        _ => "device-local",
    };

    // How much protection a class carries: moving a category down this scale is significant.
    private static int Protection(DataClass c) => c switch
    {
        DataClass.Sensitive => 3,
        DataClass.DeviceLocal => 2,
        DataClass.Personal => 1,
        _ => 0,
    };

    // How long an anchor keeps data, at least: a later anchor keeps it longer.
    private static int Lateness(RetentionAnchor a) => (int)a;

    private static string Describe(PolicyRule r)
    {
        var parts = new List<string> { $"{r.Effect.ToString().ToLowerInvariant()} {List(r.Actions.Select(a => a.ToString().ToLowerInvariant()))}" };
        var data = r.Categories.Select(c => c.Value).Concat(r.DataClasses.Select(c => ClassName(c) + " data")).ToList();
        parts.Add($"of {List(data, "any data")}");
        Add("for", r.Purposes);
        Add("to", r.Recipients);
        Add("because of", r.Reasons);
        Add("messages", r.Messages);
        Add("by", r.Channels);
        if (r.Conditions != RuleConditions.None)
        {
            parts.Add($"when {r.Conditions}");
        }

        Add("except for", r.ExceptPurposes);
        Add("except because of", r.ExceptReasons);
        Add("requiring", r.Obligations);
        parts.Add($"({r.Clause})");
        return string.Join(' ', parts);

        void Add<T>(string word, ImmutableArray<T> items)
        {
            if (!items.IsDefaultOrEmpty)
            {
                parts.Add($"{word} {List(items)}");
            }
        }
    }

    /// <summary>One comparison: the two policies, their union vocabularies and the changes found.</summary>
    private sealed class Run(PrivacyPolicy older, PrivacyPolicy newer)
    {
        private readonly Dictionary<string, DataClass> _classes = older.Categories.Concat(newer.Categories)
            .GroupBy(c => c.Id.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Class, StringComparer.Ordinal);

        private static readonly LocalTime[] SampleTimes = [new(2, 30), new(12, 0)];

        private readonly DateTimeZone _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(newer.TimeZoneId) ?? DateTimeZone.Utc;

        public List<PolicyChange> Changes { get; } = [];

        public void Compare()
        {
            CompareMetadata();
            CompareCategories();
            Terms("purposes", "purpose", older.Purposes, newer.Purposes, t => t.Id.Value, t => t.Description, added: "a new purpose for processing personal data");
            Terms("recipients", "recipient", older.Recipients, newer.Recipients, t => t.Id.Value, t => t.Description, added: "a new recipient personal data may be disclosed to");
            Terms("reasons", "reason", older.Reasons, newer.Reasons, t => t.Id.Value, t => t.Description, added: "a new reason for disclosing personal data");
            Terms("messages", "message", older.Messages, newer.Messages, t => t.Id.Value, t => t.Description, added: "a new kind of message subjects may receive");
            Terms("channels", "channel", older.Channels, newer.Channels, t => t.Id.Value, t => t.Description, added: null);
            Terms("obligations", "obligation", older.Obligations, newer.Obligations, t => t.Id.Value, t => t.Description, added: null);
            CompareClauses();
            CompareRules();
            CompareDefaults();
            CompareRetention();
            CompareGrounds();
            CompareErasure();
        }

        private void Add(string kind, string path, string? old, string? @new, bool significant, string reason)
            => Changes.Add(new PolicyChange(kind, path, old, @new, significant, reason));

        private void Scalar(string kind, string path, string? old, string? @new, string reason)
        {
            if (!string.Equals(old, @new, StringComparison.Ordinal))
            {
                Add(kind, path, old, @new, false, reason);
            }
        }

        private void CompareMetadata()
        {
            Scalar("id-changed", "/id", older.Id, newer.Id, Metadata);
            Scalar("version-changed", "/version", older.Version, newer.Version, Metadata);
            Scalar("name-changed", "/name", older.Name, newer.Name, Wording);
            CompareTimeZone();
            Scalar("last-updated-changed", "/lastUpdated", older.LastUpdated?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), newer.LastUpdated?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), Metadata);
            Scalar("effective-from-changed", "/effectiveFrom", older.EffectiveFrom?.ToString(), newer.EffectiveFrom?.ToString(), Metadata);
            Scalar("contact-changed", "/contact", older.Contact, newer.Contact, Metadata);
            foreach (var note in older.Notes.Except(newer.Notes, StringComparer.Ordinal))
            {
                Add("note-removed", "/notes", note, null, false, Wording);
            }

            foreach (var note in newer.Notes.Except(older.Notes, StringComparer.Ordinal))
            {
                Add("note-added", "/notes", null, note, false, Wording);
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
            if (string.Equals(older.TimeZoneId, newer.TimeZoneId, StringComparison.Ordinal))
            {
                return;
            }

            var oldZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(older.TimeZoneId) ?? DateTimeZone.Utc;
            var periods = newer.RetentionRules.Select(r => (What: $"retention of {r.Category}", r.Period))
                .Append((What: "erasure", Period: newer.ErasurePeriod))
                .Concat(newer.Grounds.Select(g => (What: $"ground {g.Id}", Period: g.MaximumExtension)))
                .Where(p => p.Period.IsCalendar)
                .DistinctBy(p => p.Period)
                .ToList();
            foreach (var (what, period) in periods)
            {
                if (LaterInZone(period, oldZone) is { } start)
                {
                    var before = period.AddTo(start, oldZone);
                    var after = period.AddTo(start, _zone);
                    Add("time-zone-changed", "/timeZone", older.TimeZoneId, newer.TimeZoneId, true,
                        $"calendar periods are counted in the new zone, so some deadlines come later and data is kept longer: {what} ({period}) from {start} ends at {after} instead of {before}");
                    return;
                }
            }

            Add("time-zone-changed", "/timeZone", older.TimeZoneId, newer.TimeZoneId, false, periods.Count == 0
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

        private void CompareCategories()
        {
            var old = older.Categories.ToDictionary(c => c.Id.Value, StringComparer.Ordinal);
            var @new = newer.Categories.ToDictionary(c => c.Id.Value, StringComparer.Ordinal);
            foreach (var c in older.Categories.Where(c => !@new.ContainsKey(c.Id.Value)))
            {
                Add("category-removed", Pointer("categories", c.Id.Value), $"{c.Id} ({ClassName(c.Class)})", null, false, "the policy names less data; rules that covered it are compared on their own");
            }

            foreach (var c in newer.Categories)
            {
                var path = Pointer("categories", c.Id.Value);
                if (!old.TryGetValue(c.Id.Value, out var before))
                {
                    Add("category-added", path, null, $"{c.Id} ({ClassName(c.Class)})", true, "a new category of data the policy covers");
                    continue;
                }

                if (before.Class != c.Class)
                {
                    var weaker = Protection(c.Class) < Protection(before.Class);
                    Add("category-class-changed", path + "/class", ClassName(before.Class), ClassName(c.Class), weaker, weaker
                        ? "the category moves to a less protected class, so rules on that class reach it"
                        : "the category moves to a more protected class");
                }

                Scalar("category-description-changed", path + "/description", before.Description, c.Description, Wording);
            }
        }

        private void Terms<T>(string section, string noun, ImmutableArray<T> olderTerms, ImmutableArray<T> newerTerms, Func<T, string> id, Func<T, string> description, string? added)
        {
            var old = olderTerms.ToDictionary(id, StringComparer.Ordinal);
            var @new = newerTerms.ToDictionary(id, StringComparer.Ordinal);
            foreach (var t in olderTerms.Where(t => !@new.ContainsKey(id(t))))
            {
                Add($"{noun}-removed", Pointer(section, id(t)), id(t), null, false, $"the {noun} is no longer named; rules that used it are compared on their own");
            }

            foreach (var t in newerTerms)
            {
                if (!old.TryGetValue(id(t), out var before))
                {
                    Add($"{noun}-added", Pointer(section, id(t)), null, id(t), added is not null,
                        added ?? $"a new {noun} permits nothing by itself; rules that use it are compared on their own");
                    continue;
                }

                Scalar($"{noun}-description-changed", Pointer(section, id(t), "description"), description(before), description(t), Wording);
            }
        }

        private void CompareClauses()
        {
            var old = older.Clauses.ToDictionary(c => c.Id.Value, StringComparer.Ordinal);
            var @new = newer.Clauses.ToDictionary(c => c.Id.Value, StringComparer.Ordinal);
            foreach (var c in older.Clauses.Where(c => !@new.ContainsKey(c.Id.Value)))
            {
                var right = IsRightsClause(c.Id);
                Add("clause-removed", Pointer("clauses", c.Id.Value), c.Summary, null, right, right
                    ? "a right the policy stated is no longer stated"
                    : "the clause's words are gone; rules that cited it are compared on their own");
            }

            foreach (var c in newer.Clauses)
            {
                var path = Pointer("clauses", c.Id.Value);
                if (!old.TryGetValue(c.Id.Value, out var before))
                {
                    Add("clause-added", path, null, c.Summary, false, "new wording; rules that cite it are compared on their own");
                    continue;
                }

                Scalar("clause-summary-changed", path + "/summary", before.Summary, c.Summary, Wording);
                Scalar("clause-text-changed", path + "/text", before.Text, c.Text, Wording);
            }
        }

        private void CompareDefaults()
        {
            foreach (var action in Enum.GetValues<PrivacyAction>())
            {
                older.DefaultDenials.TryGetValue(action, out var before);
                newer.DefaultDenials.TryGetValue(action, out var after);
                Scalar("default-clause-changed", Pointer("defaultDenials", action.ToString().ToLowerInvariant()),
                    before.IsDefault ? null : before.Value, after.IsDefault ? null : after.Value, "only the clause a denial cites changes; the denial stays");
            }
        }

        private void CompareRules()
        {
            var old = older.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
            var @new = newer.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
            foreach (var r in older.Rules.Where(r => !@new.ContainsKey(r.Id)))
            {
                var path = Pointer("rules", r.Id);
                if (r.Effect == RuleEffect.Prohibit)
                {
                    Add("rule-removed", path, Describe(r), null, true, CitesRight(r)
                        ? "a prohibition that protects a right is lifted, so the right is weaker"
                        : "a prohibition is lifted, so more is permitted");
                }
                else
                {
                    var right = CitesRight(r);
                    Add("rule-removed", path, Describe(r), null, right, right
                        ? "a permission a rights clause guarantees is removed, so the right is weaker"
                        : "a permission is removed; the policy permits less");
                }
            }

            foreach (var r in newer.Rules)
            {
                var path = Pointer("rules", r.Id);
                if (!old.TryGetValue(r.Id, out var before))
                {
                    var permit = r.Effect == RuleEffect.Permit;
                    Add("rule-added", path, null, Describe(r), permit, permit
                        ? "a new permission"
                        : "a new prohibition; the policy permits less");
                    continue;
                }

                CompareRule(path, before, r);
            }
        }

        private void CompareRule(string path, PolicyRule old, PolicyRule @new)
        {
            if (old.Effect != @new.Effect)
            {
                var nowPermits = @new.Effect == RuleEffect.Permit;
                Add("rule-effect-changed", path + "/effect", Describe(old), Describe(@new), nowPermits || CitesRight(old), nowPermits
                    ? "a prohibition becomes a permission"
                    : CitesRight(old) ? "a permission a rights clause guarantees becomes a prohibition" : "a permission becomes a prohibition; the policy permits less");
                return;
            }

            var rightsGuarantee = @new.Effect == RuleEffect.Permit && (CitesRight(old) || CitesRight(@new));
            void Scope(string kind, string field, string before, string after, bool reachesMore, bool reachesLess)
            {
                if (!reachesMore && !reachesLess && before == after)
                {
                    return;
                }

                bool significant;
                string reason;
                if (@new.Effect == RuleEffect.Permit)
                {
                    significant = reachesMore || (reachesLess && rightsGuarantee);
                    reason = reachesMore ? "the permission reaches more than before"
                        : reachesLess && rightsGuarantee ? "a permission a rights clause guarantees reaches less, so the right is weaker"
                        : reachesLess ? "the permission reaches less; the policy permits less"
                        : "the selector is rewritten and reaches the same requests";
                }
                else
                {
                    significant = reachesLess;
                    reason = reachesLess
                        ? CitesRight(@new) || CitesRight(old) ? "a prohibition that protects a right reaches less, so the right is weaker" : "the prohibition reaches less, so more is permitted"
                        : reachesMore ? "the prohibition reaches more; the policy permits less"
                        : "the selector is rewritten and reaches the same requests";
                }

                Add(kind, $"{path}/{field}", before, after, significant, reason);
            }

            // Actions.
            Scope("rule-actions-changed", "actions", List(old.Actions.Select(a => a.ToString().ToLowerInvariant())), List(@new.Actions.Select(a => a.ToString().ToLowerInvariant())),
                @new.Actions.Except(old.Actions).Any(), old.Actions.Except(@new.Actions).Any());

            // Data: categories and classes together.
            var dataBefore = List(old.Categories.Select(c => c.Value).Concat(old.DataClasses.Select(c => ClassName(c) + " data")), "any data");
            var dataAfter = List(@new.Categories.Select(c => c.Value).Concat(@new.DataClasses.Select(c => ClassName(c) + " data")), "any data");
            bool Covers(PolicyRule r, string c) => r.CoversCategory(new DataCategoryId(c), _classes[c]);
            var oldAll = old.Categories.IsEmpty && old.DataClasses.IsEmpty;
            var newAll = @new.Categories.IsEmpty && @new.DataClasses.IsEmpty;
            Scope("rule-data-changed", "categories", dataBefore, dataAfter,
                (newAll && !oldAll) || _classes.Keys.Any(c => Covers(@new, c) && !Covers(old, c)),
                (oldAll && !newAll) || _classes.Keys.Any(c => Covers(old, c) && !Covers(@new, c)));

            var purposes = older.Purposes.Select(p => p.Id).Concat(newer.Purposes.Select(p => p.Id)).Distinct().ToList();
            bool CoversPurpose(ImmutableArray<PurposeId> selector, PurposeId p) => selector.IsEmpty || selector.Any(s => p.IsWithin(s));
            Selector("rule-purposes-changed", "purposes", old.Purposes, @new.Purposes, purposes, CoversPurpose);
            Flat("rule-recipients-changed", "recipients", old.Recipients, @new.Recipients, older.Recipients.Select(t => t.Id).Concat(newer.Recipients.Select(t => t.Id)));
            Flat("rule-reasons-changed", "reasons", old.Reasons, @new.Reasons, older.Reasons.Select(t => t.Id).Concat(newer.Reasons.Select(t => t.Id)));
            Flat("rule-messages-changed", "messages", old.Messages, @new.Messages, older.Messages.Select(t => t.Id).Concat(newer.Messages.Select(t => t.Id)));
            Flat("rule-channels-changed", "channels", old.Channels, @new.Channels, older.Channels.Select(t => t.Id).Concat(newer.Channels.Select(t => t.Id)));

            // Conditions: a rule applies only when all its conditions hold, so fewer conditions reach more.
            Scope("rule-conditions-changed", "conditions", old.Conditions.ToString(), @new.Conditions.ToString(),
                (old.Conditions & ~@new.Conditions) != 0, (@new.Conditions & ~old.Conditions) != 0);

            // Exceptions: more exceptions reach less.
            bool Excepts(ImmutableArray<PurposeId> selector, PurposeId p) => selector.Any(s => p.IsWithin(s));
            Scope("rule-exceptions-changed", "exceptPurposes", List(old.ExceptPurposes, "none"), List(@new.ExceptPurposes, "none"),
                purposes.Any(p => Excepts(old.ExceptPurposes, p) && !Excepts(@new.ExceptPurposes, p)),
                purposes.Any(p => Excepts(@new.ExceptPurposes, p) && !Excepts(old.ExceptPurposes, p)));
            Scope("rule-exceptions-changed", "exceptReasons", List(old.ExceptReasons, "none"), List(@new.ExceptReasons, "none"),
                old.ExceptReasons.Except(@new.ExceptReasons).Any(), @new.ExceptReasons.Except(old.ExceptReasons).Any());

            // Obligations: a permission that asks less of the controller is weaker protection.
            var dropped = old.Obligations.Except(@new.Obligations).Any();
            if (!old.Obligations.SequenceEqual(@new.Obligations))
            {
                var significant = dropped && @new.Effect == RuleEffect.Permit;
                Add("rule-obligations-changed", path + "/obligations", List(old.Obligations, "none"), List(@new.Obligations, "none"), significant, significant
                    ? "a permission asks less of the controller"
                    : "the rule asks more of the controller, or only the order changed");
            }

            Scalar("rule-clause-changed", path + "/clause", old.Clause.Value, @new.Clause.Value, "only the clause the decision cites changes");
            Scalar("rule-clause-changed", path + "/exemptionClause", old.ExemptionClause?.Value, @new.ExemptionClause?.Value, "only the clause the decision cites changes");

            void Selector<T>(string kind, string field, ImmutableArray<T> before, ImmutableArray<T> after, List<T> universe, Func<ImmutableArray<T>, T, bool> covers)
            {
                if (before.SequenceEqual(after))
                {
                    return;
                }

                Scope(kind, field, List(before), List(after),
                    (after.IsEmpty && !before.IsEmpty) || universe.Any(x => covers(after, x) && !covers(before, x)),
                    (before.IsEmpty && !after.IsEmpty) || universe.Any(x => covers(before, x) && !covers(after, x)));
            }

            void Flat<T>(string kind, string field, ImmutableArray<T> before, ImmutableArray<T> after, IEnumerable<T> universe)
                where T : struct, IEquatable<T>
                => Selector(kind, field, before, after, universe.Distinct().ToList(), (selector, x) => selector.IsEmpty || selector.Contains(x));
        }

        private void CompareRetention()
        {
            var old = older.RetentionRules.ToDictionary(r => r.Category.Value, StringComparer.Ordinal);
            var @new = newer.RetentionRules.ToDictionary(r => r.Category.Value, StringComparer.Ordinal);
            foreach (var r in older.RetentionRules.Where(r => !@new.ContainsKey(r.Category.Value)))
            {
                // The category now inherits its nearest ancestor's rule, or none (deleted at once).
                var inherited = Effective(newer, r.Category);
                var longer = inherited is not null && Longer(r, inherited);
                Add("retention-removed", Pointer("retention", r.Category.Value), DescribeRetention(r), inherited is null ? "none: delete at once" : $"inherits {DescribeRetention(inherited)}", longer, longer
                    ? "the category now inherits a longer retention"
                    : "the category is kept no longer than before");
            }

            foreach (var r in newer.RetentionRules)
            {
                var path = Pointer("retention", r.Category.Value);
                if (!old.TryGetValue(r.Category.Value, out var before))
                {
                    var inherited = Effective(older, r.Category);
                    var longer = inherited is null ? r.Period != RetentionPeriod.Zero || r.Anchor != RetentionAnchor.Collection : Longer(inherited, r);
                    Add("retention-added", path, inherited is null ? null : $"inherits {DescribeRetention(inherited)}", DescribeRetention(r), longer, longer
                        ? "data of the category is kept longer than before"
                        : "data of the category is kept no longer than before");
                    continue;
                }

                if (before.Period != r.Period)
                {
                    var longer = Longer(before.Period, r.Period);
                    Add("retention-period-changed", path + "/period", before.Period.ToString(), r.Period.ToString(), longer, longer
                        ? "a longer retention: the new period can end later on some calendar"
                        : "a shorter retention");
                }

                if (before.Anchor != r.Anchor)
                {
                    var later = Lateness(r.Anchor) > Lateness(before.Anchor);
                    Add("retention-anchor-changed", path + "/anchor", Anchor(before.Anchor), Anchor(r.Anchor), later, later
                        ? "the period counts from a later event, so data is kept longer"
                        : "the period counts from an earlier event, so data is kept no longer");
                }

                if (before.AllowsGrounds != r.AllowsGrounds)
                {
                    Add("retention-grounds-changed", path + "/allowsGrounds", before.AllowsGrounds ? "true" : "false", r.AllowsGrounds ? "true" : "false", r.AllowsGrounds, r.AllowsGrounds
                        ? "retention grounds may now keep the data longer"
                        : "retention grounds may no longer keep the data longer");
                }

                Scalar("retention-clause-changed", path + "/clause", before.Clause.Value, r.Clause.Value, "only the clause the decision cites changes");
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
            var old = older.Grounds.ToDictionary(g => g.Id.Value, StringComparer.Ordinal);
            var @new = newer.Grounds.ToDictionary(g => g.Id.Value, StringComparer.Ordinal);
            foreach (var g in older.Grounds.Where(g => !@new.ContainsKey(g.Id.Value)))
            {
                Add("ground-removed", Pointer("grounds", g.Id.Value), $"{g.Id}: at most {g.MaximumExtension} more", null, false, "one reason fewer to keep data longer");
            }

            foreach (var g in newer.Grounds)
            {
                var path = Pointer("grounds", g.Id.Value);
                if (!old.TryGetValue(g.Id.Value, out var before))
                {
                    Add("ground-added", path, null, $"{g.Id}: at most {g.MaximumExtension} more", true, "a new reason to keep data longer");
                    continue;
                }

                if (before.MaximumExtension != g.MaximumExtension)
                {
                    var longer = Longer(before.MaximumExtension, g.MaximumExtension);
                    Add("ground-extension-changed", path + "/maximumExtension", before.MaximumExtension.ToString(), g.MaximumExtension.ToString(), longer, longer
                        ? "the ground may keep data longer than before"
                        : "the ground keeps data no longer than before");
                }

                Scalar("ground-clause-changed", path + "/clause", before.Clause.Value, g.Clause.Value, "only the clause the decision cites changes");
                Scalar("ground-description-changed", path + "/description", before.Description, g.Description, Wording);
            }
        }

        private void CompareErasure()
        {
            if (older.ErasurePeriod != newer.ErasurePeriod)
            {
                var longer = Longer(older.ErasurePeriod, newer.ErasurePeriod);
                Add("erasure-period-changed", "/erasure/period", older.ErasurePeriod.ToString(), newer.ErasurePeriod.ToString(), longer, longer
                    ? "erased data may linger longer, so the right to erasure is weaker"
                    : "erased data is gone sooner");
            }

            var lost = older.ErasureClasses.Except(newer.ErasureClasses).ToList();
            if (!older.ErasureClasses.ToHashSet().SetEquals(newer.ErasureClasses))
            {
                Add("erasure-classes-changed", "/erasure/classes", List(older.ErasureClasses.Select(ClassName), "none"), List(newer.ErasureClasses.Select(ClassName), "none"), lost.Count > 0, lost.Count > 0
                    ? "an erasure request no longer reaches some data, so the right to erasure is weaker"
                    : "an erasure request reaches more data");
            }

            Scalar("erasure-clause-changed", "/erasure/clause", older.ErasureClause.Value, newer.ErasureClause.Value, "only the clause the decision cites changes");
            Scalar("legal-hold-clause-changed", "/legalHold/clause", older.LegalHoldClause.Value, newer.LegalHoldClause.Value, "only the clause the decision cites changes");
        }
    }
}
