using System;
using NodaTime;
using Privacy.Internal;

namespace Privacy;

/// <summary>
/// One event in a data subject's privacy history: a consent, an opt-out, an erasure request…
/// </summary>
/// <remarks>
/// Immutable and equal by value. Consent events name a purpose, a recipient or both; a
/// <see cref="PrivacyEventKind.PolicyAccepted"/> event names the accepted version.
/// </remarks>
public sealed record PrivacyEvent
{
    /// <summary>Creates an event, checking that it carries what its kind needs.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="at">When it happened.</param>
    /// <param name="purpose">For consent events: the purpose consented to or withdrawn.</param>
    /// <param name="recipient">For consent events: the recipient consented to or withdrawn.</param>
    /// <param name="version">For <see cref="PrivacyEventKind.PolicyAccepted"/> and <see cref="PrivacyEventKind.PolicyNotified"/>: the policy version.</param>
    /// <exception cref="ArgumentException">A consent event names neither purpose nor recipient, an acceptance names no version, or an id is the default value.</exception>
    public PrivacyEvent(PrivacyEventKind kind, Instant at, PurposeId? purpose = null, RecipientId? recipient = null, string? version = null)
    {
        Preconditions.CheckDefined(kind, nameof(kind));
        Preconditions.CheckArgument(purpose is not { IsDefault: true }, nameof(purpose), "The purpose must not be the default id.");
        Preconditions.CheckArgument(recipient is not { IsDefault: true }, nameof(recipient), "The recipient must not be the default id.");
        if (kind is PrivacyEventKind.ConsentGranted or PrivacyEventKind.ConsentWithdrawn)
        {
            Preconditions.CheckArgument(purpose is not null || recipient is not null, nameof(purpose), $"A {kind.ToName()} event names a purpose, a recipient or both.");
        }

        if (kind is PrivacyEventKind.PolicyAccepted or PrivacyEventKind.PolicyNotified)
        {
            Preconditions.CheckNotEmpty(version, nameof(version));
        }

        Kind = kind;
        At = at;
        Purpose = purpose;
        Recipient = recipient;
        Version = version;
    }

    /// <summary>Gets what happened.</summary>
    /// <value>The event kind.</value>
    public PrivacyEventKind Kind { get; }

    /// <summary>Gets when it happened. Only events at or before a decision's instant count.</summary>
    /// <value>The instant of the event.</value>
    public Instant At { get; }

    /// <summary>Gets the purpose a consent event concerns.</summary>
    /// <value>Null when the event concerns no purpose.</value>
    public PurposeId? Purpose { get; }

    /// <summary>Gets the recipient a consent event concerns.</summary>
    /// <value>Null when the event concerns no recipient.</value>
    public RecipientId? Recipient { get; }

    /// <summary>Gets the policy version a <see cref="PrivacyEventKind.PolicyAccepted"/> or <see cref="PrivacyEventKind.PolicyNotified"/> event names.</summary>
    /// <value>Null for other kinds.</value>
    public string? Version { get; }

    /// <summary>Creates a consent event for a recipient.</summary>
    /// <param name="recipient">The recipient the subject allows disclosure to.</param>
    /// <param name="at">When consent was given.</param>
    /// <returns>The event.</returns>
    public static PrivacyEvent ConsentGranted(RecipientId recipient, Instant at) => new(PrivacyEventKind.ConsentGranted, at, recipient: recipient);

    /// <summary>Creates a consent event for a purpose.</summary>
    /// <param name="purpose">The purpose the subject allows.</param>
    /// <param name="at">When consent was given.</param>
    /// <returns>The event.</returns>
    public static PrivacyEvent ConsentGranted(PurposeId purpose, Instant at) => new(PrivacyEventKind.ConsentGranted, at, purpose: purpose);

    /// <summary>Creates a withdrawal of consent for a recipient.</summary>
    /// <param name="recipient">The recipient.</param>
    /// <param name="at">When consent was withdrawn.</param>
    /// <returns>The event.</returns>
    public static PrivacyEvent ConsentWithdrawn(RecipientId recipient, Instant at) => new(PrivacyEventKind.ConsentWithdrawn, at, recipient: recipient);

    /// <summary>Creates a withdrawal of consent for a purpose.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <param name="at">When consent was withdrawn.</param>
    /// <returns>The event.</returns>
    public static PrivacyEvent ConsentWithdrawn(PurposeId purpose, Instant at) => new(PrivacyEventKind.ConsentWithdrawn, at, purpose: purpose);

    /// <summary>Creates a marketing opt-out.</summary>
    /// <param name="at">When the subject opted out.</param>
    /// <returns>The event.</returns>
    public static PrivacyEvent MarketingOptOut(Instant at) => new(PrivacyEventKind.MarketingOptOut, at);

    /// <summary>Creates a marketing opt-in.</summary>
    /// <param name="at">When the subject opted in.</param>
    /// <returns>The event.</returns>
    public static PrivacyEvent MarketingOptIn(Instant at) => new(PrivacyEventKind.MarketingOptIn, at);

    /// <summary>Creates an erasure request.</summary>
    /// <param name="at">When the subject asked.</param>
    /// <returns>The event.</returns>
    public static PrivacyEvent ErasureRequested(Instant at) => new(PrivacyEventKind.ErasureRequested, at);

    /// <summary>Creates an acceptance of a policy version.</summary>
    /// <param name="version">The accepted version.</param>
    /// <param name="at">When the subject accepted it.</param>
    /// <returns>The event.</returns>
    public static PrivacyEvent PolicyAccepted(string version, Instant at) => new(PrivacyEventKind.PolicyAccepted, at, version: version);

    /// <summary>Creates a use of the service.</summary>
    /// <param name="at">When the subject used it.</param>
    /// <returns>The event.</returns>
    public static PrivacyEvent ServiceUsed(Instant at) => new(PrivacyEventKind.ServiceUsed, at);

    /// <summary>Creates an account closure.</summary>
    /// <param name="at">When the account was closed.</param>
    /// <returns>The event.</returns>
    public static PrivacyEvent AccountClosed(Instant at) => new(PrivacyEventKind.AccountClosed, at);

    /// <summary>Creates a legal hold.</summary>
    /// <param name="at">When the hold was placed.</param>
    /// <returns>The event.</returns>
    public static PrivacyEvent LegalHoldPlaced(Instant at) => new(PrivacyEventKind.LegalHoldPlaced, at);

    /// <summary>Creates the release of a legal hold.</summary>
    /// <param name="at">When the hold was released.</param>
    /// <returns>The event.</returns>
    public static PrivacyEvent LegalHoldReleased(Instant at) => new(PrivacyEventKind.LegalHoldReleased, at);

    /// <summary>Creates a notification of a policy version.</summary>
    /// <param name="version">The version the subject was told about.</param>
    /// <param name="at">When the notice reached them.</param>
    /// <returns>The event.</returns>
    public static PrivacyEvent PolicyNotified(string version, Instant at) => new(PrivacyEventKind.PolicyNotified, at, version: version);
}
