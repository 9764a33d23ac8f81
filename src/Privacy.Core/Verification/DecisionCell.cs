using System.Collections.Immutable;
using System.Linq;
using Privacy.Policies;

namespace Privacy.Verification;

/// <summary>
/// One combination of a policy's finite domain: an action, the ids it reads, and the conditions that
/// hold (for retention: the subject's situation and the grounds claimed).
/// </summary>
/// <param name="Action">The action.</param>
/// <param name="Category">The data category (collect, use, disclose, retain).</param>
/// <param name="Purpose">The purpose (collect, use).</param>
/// <param name="Recipient">The recipient (disclose).</param>
/// <param name="Reason">The disclosure reason (disclose).</param>
/// <param name="Message">The message kind (communicate).</param>
/// <param name="Channel">The channel (communicate).</param>
/// <param name="Conditions">The conditions that hold (collect, use, disclose, communicate).</param>
/// <param name="Situation">The subject's situation (retain), for example <c>erasure requested</c>.</param>
/// <param name="Grounds">The retention grounds claimed (retain).</param>
public sealed record DecisionCell(
    PrivacyAction Action,
    string? Category = null,
    string? Purpose = null,
    string? Recipient = null,
    string? Reason = null,
    string? Message = null,
    string? Channel = null,
    RuleConditions Conditions = RuleConditions.None,
    string? Situation = null,
    string? Grounds = null)
{
    private static readonly (string Name, RuleConditions Value)[] ConditionNames =
    [
        ("erasure-requested", RuleConditions.ErasureRequested),
        ("marketing-opted-out", RuleConditions.MarketingOptedOut),
        ("consent", RuleConditions.Consent),
        ("location-feature-in-use", RuleConditions.LocationFeatureInUse),
        ("confidentiality-agreement", RuleConditions.ConfidentialityAgreement),
    ];

    /// <summary>Gets the names of the conditions that hold, as policy documents spell them.</summary>
    /// <value>For example <c>[consent, marketing-opted-out]</c>; empty when none holds.</value>
    public ImmutableArray<string> ConditionList => [.. ConditionNames.Where(c => (Conditions & c.Value) != 0).Select(c => c.Name)];

    /// <summary>Describes the combination.</summary>
    /// <returns>For example <c>use personal.email for marketing.own when consent</c>.</returns>
    public override string ToString()
    {
        var when = ConditionList.IsEmpty ? "when no condition holds" : $"when {string.Join(" + ", ConditionList)}";
        return Action switch
        {
            PrivacyAction.Collect or PrivacyAction.Use => $"{Action.ToString().ToLowerInvariant()} {Category} for {Purpose} {when}",
            PrivacyAction.Disclose => $"disclose {Category} to {Recipient} for {Reason} {when}",
            PrivacyAction.Communicate => $"communicate {Message} by {Channel} {when}",
            _ => $"retain {Category} ({Situation}; grounds: {Grounds ?? "none"})",
        };
    }
}
