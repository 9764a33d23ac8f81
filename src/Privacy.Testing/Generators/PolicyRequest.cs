using System;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using Privacy.Compilation;

namespace Privacy.Testing.Generators;

/// <summary>
/// A generated request of any action on a policy's vocabulary: every id is filled in, and
/// <see cref="Action"/> says which of them the request reads.
/// </summary>
/// <param name="Action">The action asked about.</param>
/// <param name="Category">The data category (collect, use, disclose, retain).</param>
/// <param name="Purpose">The purpose (collect, use).</param>
/// <param name="Recipient">The recipient (disclose).</param>
/// <param name="Reason">The disclosure reason (disclose).</param>
/// <param name="Message">The message kind (communicate).</param>
/// <param name="Channel">The channel (communicate).</param>
/// <param name="At">The decision's instant.</param>
/// <param name="CollectedAt">When the data was collected (retain); at or before <paramref name="At"/>.</param>
/// <param name="Grounds">The retention grounds claimed (retain).</param>
/// <param name="Context">The request's circumstances (collect, use, disclose, communicate).</param>
/// <remarks>Equal by value: the grounds compare one by one, in order.</remarks>
public sealed record PolicyRequest(
    PrivacyAction Action,
    DataCategoryId Category,
    PurposeId Purpose,
    RecipientId Recipient,
    DisclosureReasonId Reason,
    MessageKindId Message,
    ChannelId Channel,
    Instant At,
    Instant CollectedAt,
    ImmutableArray<RetentionGroundId> Grounds,
    RequestContext Context)
{
    /// <inheritdoc/>
    public bool Equals(PolicyRequest? other)
        => other is not null
            && Action == other.Action
            && Category == other.Category
            && Purpose == other.Purpose
            && Recipient == other.Recipient
            && Reason == other.Reason
            && Message == other.Message
            && Channel == other.Channel
            && At == other.At
            && CollectedAt == other.CollectedAt
            && Grounds.AsSpan().SequenceEqual(other.Grounds.AsSpan())
            && Context == other.Context;

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Action);
        hash.Add(Category);
        hash.Add(Purpose);
        hash.Add(Recipient);
        hash.Add(Reason);
        hash.Add(Message);
        hash.Add(Channel);
        hash.Add(At);
        hash.Add(CollectedAt);
        foreach (var ground in Grounds.AsSpan())
        {
            hash.Add(ground);
        }

        hash.Add(Context);
        return hash.ToHashCode();
    }

    /// <summary>Decides the request with an evaluator, folding the subject at <see cref="At"/>.</summary>
    /// <param name="evaluator">The evaluator: a compiled policy, or the host's wrapper around one.</param>
    /// <param name="subject">The subject.</param>
    /// <returns>The decision.</returns>
    public PrivacyDecision Decide(IPrivacyEvaluator evaluator, DataSubject subject)
        => Decide(evaluator, (subject ?? throw new ArgumentNullException(nameof(subject))).StateAt(At));

    /// <summary>Decides the request with an evaluator on a subject's state.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="state">The subject's state at <see cref="At"/>.</param>
    /// <returns>The decision.</returns>
    public PrivacyDecision Decide(IPrivacyEvaluator evaluator, SubjectState state)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        return Action switch
        {
            PrivacyAction.Collect => evaluator.Decide(new CollectRequest(Category, Purpose, At, Context), state),
            PrivacyAction.Use => evaluator.Decide(new UseRequest(Category, Purpose, At, Context), state),
            PrivacyAction.Disclose => evaluator.Decide(new DiscloseRequest(Category, Recipient, Reason, At, Context), state),
            PrivacyAction.Communicate => evaluator.Decide(new CommunicateRequest(Message, Channel, At, Context), state),
            _ => evaluator.Decide(new RetainRequest(Category, CollectedAt, At, Grounds), state),
        };
    }

    /// <summary>Decides the request on a compiled policy's hot path (dense ids, folded facts).</summary>
    /// <param name="policy">The compiled policy.</param>
    /// <param name="subject">The subject.</param>
    /// <returns>The decision.</returns>
    public PrivacyDecision DecideResolved(CompiledPolicy policy, DataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var v = policy.Vocabulary;
        var facts = policy.Fold(subject, At);
        return Action switch
        {
            PrivacyAction.Collect => policy.DecideCollect(v.Categories.GetIndex(Category.Value), v.Purposes.GetIndex(Purpose.Value), facts, Context),
            PrivacyAction.Use => policy.DecideUse(v.Categories.GetIndex(Category.Value), v.Purposes.GetIndex(Purpose.Value), facts, Context),
            PrivacyAction.Disclose => policy.DecideDisclose(v.Categories.GetIndex(Category.Value), v.Recipients.GetIndex(Recipient.Value), v.Reasons.GetIndex(Reason.Value), facts, Context),
            PrivacyAction.Communicate => policy.DecideCommunicate(v.Messages.GetIndex(Message.Value), v.Channels.GetIndex(Channel.Value), facts, Context),
            _ => policy.DecideRetain(v.Categories.GetIndex(Category.Value), CollectedAt, At, facts, Grounds.IsDefault ? [] : Grounds.Select(g => v.Grounds.GetIndex(g.Value, "grounds")).ToArray()),
        };
    }

    /// <summary>Asks a gate the question this request stands for; the gate answers about its own clock's instant, not <see cref="At"/>.</summary>
    /// <param name="gate">The gate.</param>
    /// <param name="subject">The subject.</param>
    /// <returns>The gate's decision.</returns>
    public PrivacyDecision Ask(IPrivacyGate gate, DataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return Action switch
        {
            PrivacyAction.Collect => gate.MayCollect(subject, Category, Purpose, Context),
            PrivacyAction.Use => gate.MayUse(subject, Category, Purpose, Context),
            PrivacyAction.Disclose => gate.MayDisclose(subject, Category, Recipient, Reason, Context),
            PrivacyAction.Communicate => gate.MaySend(subject, Message, Channel),
            _ => gate.Retention(subject, Category, CollectedAt, Grounds),
        };
    }

    /// <summary>Describes the request by the fields its action reads, for counterexamples.</summary>
    /// <returns>For example <c>use personal.email for marketing.own at 2026-03-01T09:00:00Z</c>.</returns>
    public override string ToString()
    {
        var context = Context == default ? string.Empty : $" {Context}";
        return Action switch
        {
            PrivacyAction.Collect or PrivacyAction.Use => $"{Action.ToString().ToLowerInvariant()} {Category} for {Purpose} at {At}{context}",
            PrivacyAction.Disclose => $"disclose {Category} to {Recipient} for {Reason} at {At}{context}",
            PrivacyAction.Communicate => $"communicate {Message} by {Channel} at {At}{context}",
            _ => $"retain {Category} collected {CollectedAt} at {At} grounds [{string.Join(", ", Grounds.IsDefault ? [] : Grounds)}]",
        };
    }
}
