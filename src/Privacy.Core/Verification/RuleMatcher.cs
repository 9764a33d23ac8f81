using System.Linq;
using Privacy.Compilation;
using Privacy.Policies;

namespace Privacy.Verification;

/// <summary>
/// The rules of a compiled policy as <see cref="RuleSemantics"/> reads them, on dense ids: which rules
/// take part in deciding an action, whether a rule's selectors cover a request, whether its conditions
/// hold, and whether a prohibition's exceptions exempt the request. The verifier judges the compiled
/// decision tables against it, so it shares the compiler's and the analyzer's one reading of a rule
/// rather than keeping its own.
/// </summary>
internal sealed class RuleMatcher
{
    private readonly CompiledVocabulary _v;
    private readonly DataCategory[] _categories;
    private readonly PolicyRule[][] _byAction;

    public RuleMatcher(CompiledPolicy policy)
    {
        _v = policy.Vocabulary;
        _categories = [.. Enumerable.Range(0, _v.Categories.Count).Select(c => new DataCategory(new DataCategoryId(_v.Categories[c]), _v.ClassOf(c), string.Empty))];
        _byAction = new PolicyRule[(int)PrivacyAction.Communicate + 1][];
        for (var action = PrivacyAction.Collect; action <= PrivacyAction.Communicate; action++)
        {
            var a = action;
            _byAction[(int)action] = [.. policy.Policy.Rules.Where(r => RuleSemantics.AppliesTo(r, a))];
        }
    }

    /// <summary>The rules that take part in deciding an action's requests, in policy order.</summary>
    public PolicyRule[] Considered(PrivacyAction action) => _byAction[(int)action];

    /// <summary>Whether every condition a rule names holds.</summary>
    public static bool Holds(PolicyRule rule, RuleConditions holding) => (rule.Conditions & holding) == rule.Conditions;

    /// <summary>The request of dense ids (a negative index: the action does not carry that field).</summary>
    public RuleRequest Request(int category, int purpose, int recipient, int reason, int message, int channel)
        => new(
            category >= 0 ? _categories[category] : null,
            purpose >= 0 ? _v.Purposes[purpose] : null,
            recipient >= 0 ? _v.Recipients[recipient] : null,
            reason >= 0 ? _v.Reasons[reason] : null,
            message >= 0 ? _v.Messages[message] : null,
            channel >= 0 ? _v.Channels[channel] : null);

    /// <summary>Whether the rule's selectors cover the request; <paramref name="exempt"/> says whether a prohibition's exceptions exempt it.</summary>
    public static bool Matches(PolicyRule rule, PrivacyAction action, in RuleRequest request, out bool exempt)
    {
        exempt = false;
        if (!RuleSemantics.Matches(rule, action, request))
        {
            return false;
        }

        exempt = rule.Effect == RuleEffect.Prohibit && RuleSemantics.Exempts(rule, action, request);
        return true;
    }

    /// <summary>The first prohibition that covers the request, whose conditions hold and whose exceptions do not exempt it.</summary>
    public PolicyRule? Prohibition(PrivacyAction action, in RuleRequest request, RuleConditions holding)
    {
        foreach (var rule in Considered(action))
        {
            if (rule.Effect == RuleEffect.Prohibit && Holds(rule, holding) && Matches(rule, action, request, out var exempt) && !exempt)
            {
                return rule;
            }
        }

        return null;
    }
}
