using System.Collections.Immutable;
using NodaTime;

namespace Privacy.DependencyInjection;

/// <summary>Answers <see cref="IPrivacyGate"/> questions at the injected clock's current instant.</summary>
internal sealed class ClockedPrivacyGate(IPrivacyEvaluator evaluator, IClock clock, ISuppressionList suppressions) : IPrivacyGate
{
    public Instant Now => clock.GetCurrentInstant();

    public PrivacyDecision MayCollect(DataSubject subject, DataCategoryId category, PurposeId purpose, RequestContext context = default)
        => evaluator.Decide(new CollectRequest(category, purpose, Now, context), subject);

    public PrivacyDecision MayUse(DataSubject subject, DataCategoryId category, PurposeId purpose, RequestContext context = default)
        => evaluator.Decide(new UseRequest(category, purpose, Now, context), subject);

    public PrivacyDecision MayDisclose(DataSubject subject, DataCategoryId category, RecipientId recipient, DisclosureReasonId reason, RequestContext context = default)
        => evaluator.Decide(new DiscloseRequest(category, recipient, reason, Now, context), subject);

    public PrivacyDecision MaySend(DataSubject subject, MessageKindId message, ChannelId channel)
        => evaluator.Decide(new CommunicateRequest(message, channel, Now), subject);

    public PrivacyDecision MaySend(DataSubject subject, MessageKindId message, ChannelId channel, string contactAddress)
    {
        var now = Now;
        if (suppressions.Find(contactAddress) is { } entry && entry.Since <= now)
        {
            // A suppressed address is treated as erased from its entry's instant, whatever the host still holds.
            subject = subject.WithEvent(PrivacyEvent.ErasureRequested(entry.Since));
        }

        return evaluator.Decide(new CommunicateRequest(message, channel, now), subject);
    }

    public PrivacyDecision Retention(DataSubject subject, DataCategoryId category, Instant collectedAt, ImmutableArray<RetentionGroundId> grounds = default)
        => evaluator.Decide(new RetainRequest(category, collectedAt, Now, grounds), subject);
}
