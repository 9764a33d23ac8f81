using NodaTime;
using Privacy.BuiltIn;
using Privacy.Compilation;

namespace Privacy.Benchmarks;

/// <summary>One request of each action on the built-in policy, as strings, dense ids and typed requests, with a subject that has consents, an opt-out and activity.</summary>
public sealed class BuiltInRequests
{
    public static readonly Instant At = Instant.FromUtc(2026, 3, 1, 9, 0);

    /// <summary>The subject's facts; a field, so that passing it by reference copies nothing.</summary>
    public readonly SubjectFacts Facts;

    public BuiltInRequests()
    {
        var v = Policy.Vocabulary;
        Category = v.Categories.GetIndex(CategoryId);
        Purpose = v.Purposes.GetIndex(PurposeId);
        Recipient = v.Recipients.GetIndex(RecipientId);
        Reason = v.Reasons.GetIndex(ReasonId);
        Message = v.Messages.GetIndex(MessageId);
        Channel = v.Channels.GetIndex(ChannelId);
        Grounds = [v.Grounds.GetIndex(GroundId)];
        State = Subject.StateAt(At);
        Facts = Policy.Fold(State);
    }

    public CompiledPolicy Policy { get; } = BuiltInPolicies.IsmartviewPro2018Compiled;

    public string CategoryId { get; } = "personal.email";

    public string PurposeId { get; } = "marketing.own";

    public string RecipientId { get; } = "third-party";

    public string ReasonId { get; } = "consent";

    public string MessageId { get; } = "marketing";

    public string ChannelId { get; } = "email";

    public string GroundId { get; } = "fraud-prevention";

    public Instant CollectedAt { get; } = At - Duration.FromDays(200);

    public RequestContext Context { get; } = new(LocationFeatureInUse: true, ConfidentialityAgreement: false);

    public DataSubject Subject { get; } = new("u", true, [
        PrivacyEvent.ConsentGranted(new PurposeId("marketing.own"), At - Duration.FromDays(40)),
        PrivacyEvent.ConsentGranted(new RecipientId("third-party"), At - Duration.FromDays(30)),
        PrivacyEvent.MarketingOptIn(At - Duration.FromDays(10)),
        PrivacyEvent.ServiceUsed(At - Duration.FromDays(2)),
    ]);

    public SubjectState State { get; }

    public int Category { get; }

    public int Purpose { get; }

    public int Recipient { get; }

    public int Reason { get; }

    public int Message { get; }

    public int Channel { get; }

    public int[] Grounds { get; }
}
