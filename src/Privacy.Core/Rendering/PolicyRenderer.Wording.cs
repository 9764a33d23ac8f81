using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.Rendering;

/// <content>How rules, conditions and periods are put into words.</content>
public static partial class PolicyRenderer
{
    private static string Describe(PrivacyPolicy p, PolicyRule rule)
    {
        var actions = rule.Effect == RuleEffect.Permit ? rule.Actions.Where(a => RuleSemantics.AppliesTo(rule, a)).ToList() : [.. rule.Actions];
        var verbs = Join(actions.Select(Verb), rule.Effect == RuleEffect.Permit ? "and" : "or");
        var scope = new StringBuilder();
        var data = rule.Categories.Select(c => Category(p, c)).Concat(rule.DataClasses.Select(c => ClassWords(c) + " data")).ToList();
        if (rule.Actions.Any(a => a != PrivacyAction.Communicate))
        {
            scope.Append(' ').Append(data.Count == 0 ? "any data" : Join(data, "and"));
        }

        if (!rule.Messages.IsEmpty || rule.Actions.Contains(PrivacyAction.Communicate))
        {
            scope.Append(rule.Messages.IsEmpty ? " any message" : " " + Join(rule.Messages.Select(m => Term(p.Messages, m.Value)), "or"));
        }

        if (!rule.Channels.IsEmpty)
        {
            scope.Append(" by ").Append(Join(rule.Channels.Select(c => Term(p.Channels, c.Value)), "or"));
        }

        if (!rule.Purposes.IsEmpty)
        {
            scope.Append(" for ").Append(Join(rule.Purposes.Select(x => Term(p.Purposes, x.Value)), "or"));
        }

        if (!rule.Recipients.IsEmpty)
        {
            scope.Append(" to ").Append(Join(rule.Recipients.Select(x => Term(p.Recipients, x.Value)), "or"));
        }

        if (!rule.Reasons.IsEmpty)
        {
            scope.Append(" (reason: ").Append(Join(rule.Reasons.Select(x => Term(p.Reasons, x.Value)), "or")).Append(')');
        }

        var when = rule.Conditions == RuleConditions.None ? string.Empty : (rule.Effect == RuleEffect.Permit ? " only when " : " once ") + Conditions(rule.Conditions, "and");
        var sentence = rule.Effect == RuleEffect.Permit
            ? $"We may {verbs}{scope}{when}"
            : $"We do not {verbs}{scope}{when}";
        if (rule.Effect == RuleEffect.Prohibit && (!rule.ExceptPurposes.IsEmpty || !rule.ExceptReasons.IsEmpty))
        {
            sentence += $", except {Exceptions(p, rule)}";
        }

        if (!rule.Obligations.IsEmpty)
        {
            sentence += $"; when we do, we {Join(rule.Obligations.Select(o => Lower(Term(p.Obligations, o.Value))), "and")}";
        }

        return sentence + ".";
    }

    private static string Exceptions(PrivacyPolicy p, PolicyRule rule)
    {
        var parts = new List<string>();
        if (!rule.ExceptPurposes.IsEmpty)
        {
            parts.Add("for " + Join(rule.ExceptPurposes.Select(x => Term(p.Purposes, x.Value)), "or"));
        }

        if (!rule.ExceptReasons.IsEmpty)
        {
            parts.Add("disclosure where the reason is: " + Join(rule.ExceptReasons.Select(x => Term(p.Reasons, x.Value)), "or"));
        }

        return Join(parts, "or");
    }

    private static string Conditions(RuleConditions conditions, string conjunction)
    {
        var parts = new List<string>();
        if (conditions.HasFlag(RuleConditions.ErasureRequested))
        {
            parts.Add("you asked for erasure");
        }

        if (conditions.HasFlag(RuleConditions.MarketingOptedOut))
        {
            parts.Add("you opted out of marketing");
        }

        if (conditions.HasFlag(RuleConditions.Consent))
        {
            parts.Add("you consented");
        }

        if (conditions.HasFlag(RuleConditions.LocationFeatureInUse))
        {
            parts.Add("you are using a location-based function");
        }

        if (conditions.HasFlag(RuleConditions.ConfidentialityAgreement))
        {
            parts.Add("the recipient is bound by a confidentiality agreement");
        }

        return Join(parts, conjunction);
    }

    private static string Verb(PrivacyAction action) => action switch
    {
        PrivacyAction.Collect => "collect",
        PrivacyAction.Use => "use",
        PrivacyAction.Disclose => "disclose",
        PrivacyAction.Communicate => "send",
        _ => "keep",
    };

    private static string ClassWords(DataClass c) => c switch
    {
        DataClass.Personal => "personal",
        DataClass.Sensitive => "sensitive",
        DataClass.NonPersonal => "non-personal",
        _ => "device-local",
    };

    private static string Anchor(RetentionAnchor anchor) => anchor switch
    {
        RetentionAnchor.LastActivity => "after your last use of the service",
        RetentionAnchor.AccountClosure => "after your account is closed",
        RetentionAnchor.ErasureRequest => "after you ask for erasure",
        _ => "after collection",
    };

    private static string Category(PrivacyPolicy p, DataCategoryId id)
    {
        var category = p.Categories.FirstOrDefault(c => c.Id == id);
        return Lower(Describe(category?.Description, id.Value));
    }

    private static string Term<TId>(IEnumerable<VocabularyTerm<TId>> terms, string id)
        where TId : struct, IEquatable<TId>
        => Lower(Describe(terms.FirstOrDefault(t => string.Equals(t.Id.ToString(), id, StringComparison.Ordinal))?.Description, id));

    private static string Describe(string? description, string id) => string.IsNullOrWhiteSpace(description) ? id : description.TrimEnd('.');

    private static string Lower(string text)
        => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Join(IEnumerable<string> items, string conjunction)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => string.Empty,
            1 => list[0],
            2 => $"{list[0]} {conjunction} {list[1]}",
            _ when list.Any(i => i.Contains(',', StringComparison.Ordinal)) => $"{string.Join("; ", list.Take(list.Count - 1))}; {conjunction} {list[^1]}",
            _ => $"{string.Join(", ", list.Take(list.Count - 1))} {conjunction} {list[^1]}",
        };
    }

    /// <summary>A retention period in words: "36 months", "30 days", "72 hours", "no time at all".</summary>
    internal static string Words(RetentionPeriod period)
    {
        var parts = new List<string>();
        void Part(long n, string unit)
        {
            if (n != 0)
            {
                parts.Add(n.ToString(CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? string.Empty : "s"));
            }
        }

        if (period.Calendar is { } c)
        {
            Part(c.Years, "year");
            Part(c.Months, "month");
            Part(c.Weeks, "week");
            Part(c.Days, "day");
            Part(c.Hours, "hour");
            Part(c.Minutes, "minute");
            Part(c.Seconds, "second");
        }
        else
        {
            var ticks = period.Exact.BclCompatibleTicks;
            Part(ticks / TimeSpan.TicksPerHour, "hour");
            Part(ticks % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute, "minute");
            Part(ticks % TimeSpan.TicksPerMinute / TimeSpan.TicksPerSecond, "second");
        }

        return parts.Count == 0 ? "no time at all (it is deleted at once)" : Join(parts, "and").Replace("; ", ", ", StringComparison.Ordinal);
    }
}
