using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
public sealed partial class PolicyDiffer : IPolicyDiffer
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
        return new PolicyDiff(older.Id, older.Version, newer.Id, newer.Version, [.. run.Changes]);
    }

    private static bool IsRightsClause(ClauseId clause)
        => clause.Value == "rights" || clause.Value.StartsWith("rights.", StringComparison.Ordinal);

    private static bool CitesRight(PolicyRule rule)
        => IsRightsClause(rule.Clause) || (rule.ExemptionClause is { } e && IsRightsClause(e));

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
    private sealed partial class Run(PrivacyPolicy older, PrivacyPolicy newer)
    {
        private PrivacyPolicy Older => older;

        private PrivacyPolicy Newer => newer;

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
    }
}
