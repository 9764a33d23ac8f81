using NodaTime;

namespace Privacy.Testing.Invariants;

/// <summary>One question a host asked a <see cref="RecordingPrivacyGate"/>, and the answer.</summary>
/// <param name="Action">The action asked about.</param>
/// <param name="SubjectId">The subject's id, if it has one.</param>
/// <param name="At">The gate's instant when asked.</param>
/// <param name="Decision">The answer.</param>
public sealed record GateCall(PrivacyAction Action, string? SubjectId, Instant At, PrivacyDecision Decision)
{
    /// <summary>Gets the data category asked about (collect, use, disclose, retain).</summary>
    /// <value>Null for a message.</value>
    public DataCategoryId? Category { get; init; }

    /// <summary>Gets the purpose asked about (collect, use).</summary>
    /// <value>Null otherwise.</value>
    public PurposeId? Purpose { get; init; }

    /// <summary>Gets the recipient asked about (disclose).</summary>
    /// <value>Null otherwise.</value>
    public RecipientId? Recipient { get; init; }

    /// <summary>Gets the disclosure reason asked about (disclose).</summary>
    /// <value>Null otherwise.</value>
    public DisclosureReasonId? Reason { get; init; }

    /// <summary>Gets the message kind asked about (communicate).</summary>
    /// <value>Null otherwise.</value>
    public MessageKindId? Message { get; init; }

    /// <summary>Gets the channel asked about (communicate).</summary>
    /// <value>Null otherwise.</value>
    public ChannelId? Channel { get; init; }
}
