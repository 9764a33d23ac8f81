using NodaTime;

namespace Privacy.Telemetry;

/// <summary>One decision as an <see cref="IDecisionObserver"/> sees it: the question's ids, the instant, the policy and the answer; never a contact address.</summary>
/// <param name="Action">What was asked about.</param>
/// <param name="At">The instant the decision is about.</param>
/// <param name="PolicyId">The id of the policy that decided.</param>
/// <param name="Decision">The decision, with its clauses and obligations.</param>
/// <param name="Category">The data category (collect, use, disclose, retain).</param>
/// <param name="Purpose">The purpose (collect, use).</param>
/// <param name="Recipient">The recipient (disclose).</param>
/// <param name="Reason">The disclosure reason (disclose).</param>
/// <param name="Message">The message kind (communicate).</param>
/// <param name="Channel">The channel (communicate).</param>
public readonly record struct DecisionRecord(
    PrivacyAction Action,
    Instant At,
    string PolicyId,
    PrivacyDecision Decision,
    DataCategoryId? Category = null,
    PurposeId? Purpose = null,
    RecipientId? Recipient = null,
    DisclosureReasonId? Reason = null,
    MessageKindId? Message = null,
    ChannelId? Channel = null);
