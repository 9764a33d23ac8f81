using System.Collections.Generic;
using System.Linq;
using Privacy.Compilation;
using Privacy.Policies;

namespace Privacy.Testing.Verification;

/// <summary>
/// The policy model's rule-matching semantics on dense ids, independent of the compiled tables: which
/// rules an action considers, whether a rule's selectors cover a request, whether its conditions
/// hold, and whether a prohibition's exceptions pass the request. The verifier judges the compiled
/// decisions against it.
/// </summary>
internal sealed class RuleMatcher
{
    private readonly CompiledVocabulary _v;
    private readonly MatchedRule[][] _byAction;

    public RuleMatcher(CompiledPolicy policy)
    {
        _v = policy.Vocabulary;
        _byAction = new MatchedRule[5][];
        for (var action = PrivacyAction.Collect; action <= PrivacyAction.Communicate; action++)
        {
            _byAction[(int)action] = policy.Policy.Rules
                .Where(r => r.Governs(action) && (r.Effect == RuleEffect.Prohibit || SelectsOnlyWhatTheActionReads(r, action)))
                .Select(r => new MatchedRule(r, _v))
                .ToArray();
        }
    }

    public MatchedRule[] Considered(PrivacyAction action) => _byAction[(int)action];

    public static bool Holds(PolicyRule rule, RuleConditions holding) => (rule.Conditions & holding) == rule.Conditions;

    /// <summary>Whether the rule covers the request; <paramref name="exempt"/> says whether a prohibition's exceptions pass it.</summary>
    public static bool Matches(MatchedRule rule, PrivacyAction action, int category, int purpose, int recipient, int reason, int message, int channel, out bool exempt)
    {
        exempt = false;
        switch (action)
        {
            case PrivacyAction.Collect or PrivacyAction.Use:
                if (!rule.CoversCategory[category] || (rule.Purposes is { } p && !p[purpose]))
                {
                    return false;
                }

                exempt = rule.ExceptPurposes is { } e && e[purpose];
                return true;
            case PrivacyAction.Disclose:
                if (!rule.CoversCategory[category] || (rule.Recipients is { } r && !r[recipient]) || (rule.Reasons is { } s && !s[reason]))
                {
                    return false;
                }

                exempt = rule.ExceptReasons is { } x && x[reason];
                return true;
            default:
                return (rule.Messages is not { } m || m[message]) && (rule.Channels is not { } c || c[channel]);
        }
    }

    private static bool SelectsOnlyWhatTheActionReads(PolicyRule rule, PrivacyAction action)
    {
        var readsCategory = action is PrivacyAction.Collect or PrivacyAction.Use or PrivacyAction.Disclose;
        var readsPurpose = action is PrivacyAction.Collect or PrivacyAction.Use;
        var readsDisclosure = action is PrivacyAction.Disclose;
        var readsMessage = action is PrivacyAction.Communicate;
        return (readsCategory || (rule.Categories.IsEmpty && rule.DataClasses.IsEmpty))
            && (readsPurpose || rule.Purposes.IsEmpty)
            && (readsDisclosure || (rule.Recipients.IsEmpty && rule.Reasons.IsEmpty))
            && (readsMessage || (rule.Messages.IsEmpty && rule.Channels.IsEmpty));
    }
}

/// <summary>A rule with its selectors resolved to dense-id sets (null: the selector is absent and matches everything).</summary>
internal sealed class MatchedRule
{
    public MatchedRule(PolicyRule rule, CompiledVocabulary v)
    {
        Rule = rule;
        CoversCategory = Enumerable.Range(0, v.Categories.Count).Select(c => rule.CoversCategory(new DataCategoryId(v.Categories[c]), v.ClassOf(c))).ToArray();
        Purposes = Within(v.Purposes, rule.Purposes.Select(p => p.Value));
        ExceptPurposes = Within(v.Purposes, rule.ExceptPurposes.Select(p => p.Value));
        Recipients = Exact(v.Recipients, rule.Recipients.Select(r => r.Value));
        Reasons = Exact(v.Reasons, rule.Reasons.Select(r => r.Value));
        ExceptReasons = Exact(v.Reasons, rule.ExceptReasons.Select(r => r.Value));
        Messages = Exact(v.Messages, rule.Messages.Select(m => m.Value));
        Channels = Exact(v.Channels, rule.Channels.Select(c => c.Value));
    }

    public PolicyRule Rule { get; }

    public bool[] CoversCategory { get; }

    public bool[]? Purposes { get; }

    public bool[]? ExceptPurposes { get; }

    public bool[]? Recipients { get; }

    public bool[]? Reasons { get; }

    public bool[]? ExceptReasons { get; }

    public bool[]? Messages { get; }

    public bool[]? Channels { get; }

    private static bool[]? Within(IdTable table, IEnumerable<string> selected)
    {
        var ancestors = selected.Select(s => table.TryGetIndex(s, out var i) ? i : -1).Where(i => i >= 0).ToArray();
        if (ancestors.Length == 0 && !selected.Any())
        {
            return null;
        }

        return Enumerable.Range(0, table.Count).Select(i => ancestors.Any(a => table.IsWithin(i, a))).ToArray();
    }

    private static bool[]? Exact(IdTable table, IEnumerable<string> selected)
    {
        var ids = selected.ToHashSet(System.StringComparer.Ordinal);
        return ids.Count == 0 ? null : Enumerable.Range(0, table.Count).Select(i => ids.Contains(table[i])).ToArray();
    }
}
