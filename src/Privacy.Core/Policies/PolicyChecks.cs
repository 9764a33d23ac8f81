using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace Privacy.Policies;

/// <summary>The structural checks a policy must pass before it is built: every reference resolves, nothing is declared twice.</summary>
internal static class PolicyChecks
{
    public static List<PolicyProblem> Validate(PolicyBuilder b)
    {
        var problems = new List<PolicyProblem>();
        void Add(string path, string code, string message) => problems.Add(new PolicyProblem(path, code, message));

        var categories = Unique(b.Categories.Select(c => c.Id.Value), "/vocabulary/categories", "category", problems);
        var purposes = Unique(b.Purposes.Select(p => p.Id.Value), "/vocabulary/purposes", "purpose", problems);
        var recipients = Unique(b.Recipients.Select(r => r.Id.Value), "/vocabulary/recipients", "recipient", problems);
        var reasons = Unique(b.Reasons.Select(r => r.Id.Value), "/vocabulary/reasons", "reason", problems);
        var messages = Unique(b.Messages.Select(m => m.Id.Value), "/vocabulary/messages", "message", problems);
        var channels = Unique(b.Channels.Select(c => c.Id.Value), "/vocabulary/channels", "channel", problems);
        var obligations = Unique(b.Obligations.Select(o => o.Id.Value), "/vocabulary/obligations", "obligation", problems);
        var clauses = Unique(b.Clauses.Select(c => c.Id.Value), "/clauses", "clause", problems);
        Unique(b.Rules.Select(r => r.Id), "/rules", "rule", problems);
        Unique(b.Grounds.Select(g => g.Id.Value), "/retention/grounds", "ground", problems);
        Unique(b.RetentionRules.Select(r => r.Category.Value), "/retention/rules", "retention-rule", problems);

        CheckParents(b.Categories.Select(c => c.Id.Value).ToList(), categories, "/vocabulary/categories", "category", problems);
        CheckParents(b.Purposes.Select(p => p.Id.Value).ToList(), purposes, "/vocabulary/purposes", "purpose", problems);
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
                Add($"/vocabulary/categories/{i}/class", "class-mismatch", $"Category '{category.Id}' is {category.Class} but its parent '{parent}' is {p.Class}; a category keeps its parent's class.");
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
            var at = $"/rules/{i}";
            Each(rule.Categories, c => c.Value, categories, at + "/categories", "category");
            Each(rule.Purposes, p => p.Value, purposes, at + "/purposes", "purpose");
            Each(rule.Recipients, r => r.Value, recipients, at + "/recipients", "recipient");
            Each(rule.Reasons, r => r.Value, reasons, at + "/reasons", "reason");
            Each(rule.Messages, m => m.Value, messages, at + "/messages", "message");
            Each(rule.Channels, c => c.Value, channels, at + "/channels", "channel");
            Each(rule.ExceptPurposes, p => p.Value, purposes, at + "/exceptPurposes", "purpose");
            Each(rule.ExceptReasons, r => r.Value, reasons, at + "/exceptReasons", "reason");
            Each(rule.Obligations, o => o.Value, obligations, at + "/obligations", "obligation");
            Ref(clauses, rule.Clause.Value, at + "/clause", "clause");
            if (rule.ExemptionClause is { } exemption)
            {
                Ref(clauses, exemption.Value, at + "/exemptionClause", "clause");
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
                Ref(known, text(item), $"{path}/{j++}", kind);
            }
        }

        foreach (var action in Enum.GetValues<PrivacyAction>())
        {
            if (!b.DefaultDenials.TryGetValue(action, out var clause))
            {
                Add("/defaults", "missing-default", $"No clause is cited when nothing permits '{action.ToString().ToLowerInvariant()}'; every decision cites at least one clause.");
            }
            else
            {
                Ref(clauses, clause.Value, $"/defaults/{action.ToString().ToLowerInvariant()}", "clause");
            }
        }

        for (var i = 0; i < b.RetentionRules.Count; i++)
        {
            Ref(categories, b.RetentionRules[i].Category.Value, $"/retention/rules/{i}/category", "category");
            Ref(clauses, b.RetentionRules[i].Clause.Value, $"/retention/rules/{i}/clause", "clause");
        }

        for (var i = 0; i < b.Grounds.Count; i++)
        {
            Ref(clauses, b.Grounds[i].Clause.Value, $"/retention/grounds/{i}/clause", "clause");
        }

        if (b.ErasureClause is { } erasureClause)
        {
            Ref(clauses, erasureClause.Value, "/retention/erasure/clause", "clause");
        }
        else
        {
            Add("/retention/erasure", "missing-erasure", "The policy does not say which clause erasure deadlines cite; call Erasure(...).");
        }

        if (b.LegalHoldClause is { } holdClause)
        {
            Ref(clauses, holdClause.Value, "/retention/legalHold/clause", "clause");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(b.TimeZoneId) is null)
        {
            Add("/timeZone", "unknown-time-zone", $"Unknown time zone '{b.TimeZoneId}'; use a tz database id such as 'Europe/Oslo' or 'UTC'.");
        }

        return problems;
    }

    /// <summary>"Unknown category 'x'; did you mean 'y'?", or "Unknown category 'x'." when nothing is near.</summary>
    public static string Unknown(string kind, string value, IEnumerable<string> known)
    {
        var suggestion = Suggest(value, known);
        return $"Unknown {kind} '{value}'{(suggestion.Length == 0 ? "." : suggestion)}";
    }

    /// <summary>"; did you mean 'x'?" for the nearest known ids by edit distance, or nothing.</summary>
    public static string Suggest(string value, IEnumerable<string> known)
    {
        var nearest = known
            .Select(k => (k, d: EditDistance(value, k)))
            .Where(x => x.d <= Math.Max(2, value.Length / 3))
            .OrderBy(x => x.d).ThenBy(x => x.k, StringComparer.Ordinal)
            .Take(3)
            .Select(x => $"'{x.k}'")
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
                problems.Add(new PolicyProblem($"{path}/{i}", $"duplicate-{kind}", $"The {kind} '{id}' is declared more than once."));
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
                problems.Add(new PolicyProblem($"{path}/{i}", $"missing-parent-{kind}", $"The {kind} '{ids[i]}' lies below '{parent}', which is not declared; declare '{parent}' too."));
            }
        }
    }

    private static int EditDistance(string a, string b)
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
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
