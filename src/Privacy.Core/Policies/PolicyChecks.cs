using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Privacy.Internal;

namespace Privacy.Policies;

/// <summary>The structural checks a policy must pass before it is built: every reference resolves, nothing is declared twice.</summary>
internal static class PolicyChecks
{
    /// <param name="b">The builder.</param>
    /// <param name="structuralLimits">
    /// Whether to apply <see cref="MaxRules"/> and <see cref="MaxEntries"/>: true for documents, which may come
    /// from anyone; policies built in code are not limited here. Every policy's compiled tables are bounded by
    /// <see cref="Compilation.PolicyCompiler"/>, and the analysis by its step budget.
    /// </param>
    public static List<PolicyProblem> Validate(PolicyBuilder b, bool structuralLimits = false)
    {
        var problems = new List<PolicyProblem>();
        void Add(string path, string code, string message) => problems.Add(new PolicyProblem(path, code, message));

        if (structuralLimits && Limits(b) is { Count: > 0 } over)
        {
            // Past a size limit the other checks would only cost more on a document that is refused anyway: stop here.
            return over;
        }

        var categories = Unique(b.Categories.Select(c => c.Id.Value), PolicyPaths.Categories, "category", problems);
        var purposes = Unique(b.Purposes.Select(p => p.Id.Value), PolicyPaths.Purposes, "purpose", problems);
        var recipients = Unique(b.Recipients.Select(r => r.Id.Value), PolicyPaths.Recipients, "recipient", problems);
        var reasons = Unique(b.Reasons.Select(r => r.Id.Value), PolicyPaths.Reasons, "reason", problems);
        var messages = Unique(b.Messages.Select(m => m.Id.Value), PolicyPaths.Messages, "message", problems);
        var channels = Unique(b.Channels.Select(c => c.Id.Value), PolicyPaths.Channels, "channel", problems);
        var obligations = Unique(b.Obligations.Select(o => o.Id.Value), PolicyPaths.Obligations, "obligation", problems);
        var clauses = Unique(b.Clauses.Select(c => c.Id.Value), PolicyPaths.Clauses, "clause", problems);
        Unique(b.Rules.Select(r => r.Id), PolicyPaths.Rules, "rule", problems);
        Unique(b.Grounds.Select(g => g.Id.Value), PolicyPaths.Grounds, "ground", problems);
        Unique(b.RetentionRules.Select(r => r.Category.Value), PolicyPaths.RetentionRules, "retention-rule", problems);

        CheckParents(b.Categories.Select(c => c.Id.Value).ToList(), categories, PolicyPaths.Categories, "category", problems);
        CheckParents(b.Purposes.Select(p => p.Id.Value).ToList(), purposes, PolicyPaths.Purposes, "purpose", problems);
        var byId = new Dictionary<string, DataCategory>(StringComparer.Ordinal);
        foreach (var category in b.Categories)
        {
            byId.TryAdd(category.Id.Value, category);
        }

        for (var i = 0; i < b.Categories.Count; i++)
        {
            var category = b.Categories[i];
            if (Internal.IdSyntax.ParentOf(category.Id.Value) is { } parent
                && byId.TryGetValue(parent, out var p)
                && p.Class != category.Class)
            {
                Add(PolicyPaths.At(PolicyPaths.Categories, i, "class"), "class-mismatch", $"Category '{category.Id}' is {category.Class} but its parent '{parent}' is {p.Class}; a category keeps its parent's class.");
            }
        }

        void Ref(HashSet<string> known, string value, string path, string kind)
        {
            if (!known.Contains(value))
            {
                Add(path, $"unknown-{kind}", Unknown(kind, value, known));
            }
        }

        for (var i = 0; i < b.Rules.Count; i++)
        {
            var rule = b.Rules[i];
            var at = PolicyPaths.At(PolicyPaths.Rules, i);
            Each(rule.Categories, c => c.Value, categories, PolicyPaths.Field(at, "categories"), "category");
            Each(rule.Purposes, p => p.Value, purposes, PolicyPaths.Field(at, "purposes"), "purpose");
            Each(rule.Recipients, r => r.Value, recipients, PolicyPaths.Field(at, "recipients"), "recipient");
            Each(rule.Reasons, r => r.Value, reasons, PolicyPaths.Field(at, "reasons"), "reason");
            Each(rule.Messages, m => m.Value, messages, PolicyPaths.Field(at, "messages"), "message");
            Each(rule.Channels, c => c.Value, channels, PolicyPaths.Field(at, "channels"), "channel");
            Each(rule.ExceptPurposes, p => p.Value, purposes, PolicyPaths.Field(at, "exceptPurposes"), "purpose");
            Each(rule.ExceptReasons, r => r.Value, reasons, PolicyPaths.Field(at, "exceptReasons"), "reason");
            Each(rule.Obligations, o => o.Value, obligations, PolicyPaths.Field(at, "obligations"), "obligation");
            Ref(clauses, rule.Clause.Value, PolicyPaths.Field(at, "clause"), "clause");
            if (rule.ExemptionClause is { } exemption)
            {
                Ref(clauses, exemption.Value, PolicyPaths.Field(at, "exemptionClause"), "clause");
            }

            if (rule.Effect == RuleEffect.Permit && (rule.ExceptPurposes.Length > 0 || rule.ExceptReasons.Length > 0))
            {
                Add(at, "exception-on-permission", $"Rule '{rule.Id}' is a permission with exceptions; narrow its selectors instead, exceptions belong to prohibitions.");
            }
        }

        void Each<T>(IEnumerable<T> items, Func<T, string> text, HashSet<string> known, string path, string kind)
        {
            var j = 0;
            foreach (var item in items)
            {
                Ref(known, text(item), PolicyPaths.At(path, j++), kind);
            }
        }

        foreach (var action in Enum.GetValues<PrivacyAction>())
        {
            if (!b.DefaultDenials.TryGetValue(action, out var clause))
            {
                Add(PolicyPaths.Defaults, "missing-default", $"No clause is cited when nothing permits '{action.ToString().ToLowerInvariant()}'; every decision cites at least one clause.");
            }
            else
            {
                Ref(clauses, clause.Value, PolicyPaths.Default(action), "clause");
            }
        }

        for (var i = 0; i < b.RetentionRules.Count; i++)
        {
            Ref(categories, b.RetentionRules[i].Category.Value, PolicyPaths.At(PolicyPaths.RetentionRules, i, "category"), "category");
            Ref(clauses, b.RetentionRules[i].Clause.Value, PolicyPaths.At(PolicyPaths.RetentionRules, i, "clause"), "clause");
        }

        for (var i = 0; i < b.Grounds.Count; i++)
        {
            Ref(clauses, b.Grounds[i].Clause.Value, PolicyPaths.At(PolicyPaths.Grounds, i, "clause"), "clause");
        }

        if (b.ErasureClause is { } erasureClause)
        {
            Ref(clauses, erasureClause.Value, PolicyPaths.Field(PolicyPaths.Erasure, "clause"), "clause");
        }
        else
        {
            Add(PolicyPaths.Erasure, "missing-erasure", "The policy does not say which clause erasure deadlines cite; call Erasure(...).");
        }

        if (b.LegalHoldClause is { } holdClause)
        {
            Ref(clauses, holdClause.Value, PolicyPaths.Field(PolicyPaths.LegalHold, "clause"), "clause");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(b.TimeZoneId) is null)
        {
            Add(PolicyPaths.TimeZone, "unknown-time-zone", $"Unknown time zone '{b.TimeZoneId}'; use a tz database id such as 'Europe/Oslo' or 'UTC'.");
        }

        return problems;
    }

    /// <summary>"Unknown category 'x'; did you mean 'y'?", or "Unknown category 'x'." when nothing is near.</summary>
    public static string Unknown(string kind, string value, IEnumerable<string> known)
    {
        var suggestion = Suggest(value, known);
        return $"Unknown {kind} '{value}'{(suggestion.Length == 0 ? "." : suggestion)}";
    }

    /// <summary>The most rules a policy document may have.</summary>
    public const int MaxRules = 1000;

    /// <summary>The most entries in each vocabulary list, in the clauses, and in the retention grounds and rules of a policy document.</summary>
    public const int MaxEntries = 2000;

    /// <summary>The structural limits on a policy document; each one exceeded is a <c>too-large-policy</c> problem.</summary>
    private static List<PolicyProblem> Limits(PolicyBuilder b)
    {
        var problems = new List<PolicyProblem>();
        void Count(int count, int max, string path, string what)
        {
            if (count > max)
            {
                problems.Add(new PolicyProblem(path, "too-large-policy", $"The policy has {count} {what}; at most {max} are allowed, which keeps reading, compiling and checking a document bounded."));
            }
        }

        Count(b.Rules.Count, MaxRules, PolicyPaths.Rules, "rules");
        Count(b.Categories.Count, MaxEntries, PolicyPaths.Categories, "categories");
        Count(b.Purposes.Count, MaxEntries, PolicyPaths.Purposes, "purposes");
        Count(b.Recipients.Count, MaxEntries, PolicyPaths.Recipients, "recipients");
        Count(b.Reasons.Count, MaxEntries, PolicyPaths.Reasons, "reasons");
        Count(b.Messages.Count, MaxEntries, PolicyPaths.Messages, "messages");
        Count(b.Channels.Count, MaxEntries, PolicyPaths.Channels, "channels");
        Count(b.Obligations.Count, MaxEntries, PolicyPaths.Obligations, "obligations");
        Count(b.Clauses.Count, MaxEntries, PolicyPaths.Clauses, "clauses");
        Count(b.Grounds.Count, MaxEntries, PolicyPaths.Grounds, "retention grounds");
        Count(b.RetentionRules.Count, MaxEntries, PolicyPaths.RetentionRules, "retention rules");
        return problems;
    }

    /// <summary>Values longer than this get no suggestion: no id is longer (<see cref="Internal.IdSyntax.MaxLength"/>).</summary>
    public const int MaxSuggestionLength = Internal.IdSyntax.MaxLength;

    /// <summary>At most this many known ids are compared with one unknown value.</summary>
    public const int MaxSuggestionCandidates = 1000;

    /// <summary>At most this many edit-distance cells are computed for one unknown value, however many ids are known.</summary>
    public const int MaxSuggestionWork = 200_000;

    /// <summary>
    /// "; did you mean 'x'?" for the nearest known ids by edit distance, or nothing. The search is
    /// bounded: values longer than <see cref="MaxSuggestionLength"/> get no suggestion, ids whose length
    /// alone puts them too far are skipped, and the search stops after <see cref="MaxSuggestionCandidates"/>
    /// ids or <see cref="MaxSuggestionWork"/> cells, so an enormous value or vocabulary costs little.
    /// </summary>
    public static string Suggest(string value, IEnumerable<string> known)
    {
        if (value.Length == 0 || value.Length > MaxSuggestionLength)
        {
            return string.Empty;
        }

        var limit = Math.Max(2, value.Length / 3);
        var found = new List<(string Id, int Distance)>();
        var candidates = 0;
        var work = 0L;
        foreach (var k in known)
        {
            if (++candidates > MaxSuggestionCandidates || work > MaxSuggestionWork)
            {
                break;
            }

            if (Math.Abs(k.Length - value.Length) > limit)
            {
                continue;
            }

            work += (long)value.Length * k.Length;
            var d = EditDistance(value, k, limit);
            if (d <= limit)
            {
                found.Add((k, d));
            }
        }

        var nearest = found
            .OrderBy(x => x.Distance).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(3)
            .Select(x => $"'{x.Id}'")
            .ToList();
        return nearest.Count == 0 ? string.Empty : $"; did you mean {string.Join(" or ", nearest)}?";
    }

    private static HashSet<string> Unique(IEnumerable<string> ids, string path, string kind, List<PolicyProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                problems.Add(new PolicyProblem(PolicyPaths.At(path, i), $"duplicate-{kind}", $"The {kind} '{id}' is declared more than once."));
            }

            i++;
        }

        return seen;
    }

    private static void CheckParents(List<string> ids, HashSet<string> known, string path, string kind, List<PolicyProblem> problems)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (Internal.IdSyntax.ParentOf(ids[i]) is { } parent && !known.Contains(parent))
            {
                problems.Add(new PolicyProblem(PolicyPaths.At(path, i), $"missing-parent-{kind}", $"The {kind} '{ids[i]}' lies below '{parent}', which is not declared; declare '{parent}' too."));
            }
        }
    }

    /// <summary>The edit distance of two strings, or <paramref name="limit"/> + 1 as soon as it must exceed the limit.</summary>
    private static int EditDistance(string a, string b, int limit)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
