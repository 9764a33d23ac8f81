using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using Privacy.Internal;

namespace Privacy;

/// <summary>
/// What a data subject's history means at one instant: erased or not, opted out of marketing or
/// not, which consents stand, which policy versions they accepted.
/// </summary>
/// <remarks>
/// <para>Folding never depends on the order of events. Only events at or before <see cref="At"/>
/// count. Of two events on the same matter the later wins; when they share an instant, the one
/// that protects the subject wins (opt-out over opt-in, withdrawal over consent), so that a tie
/// can never permit. An erasure request is final.</para>
/// <para>Immutable, equal by value and thread-safe.</para>
/// </remarks>
public sealed class SubjectState : IEquatable<SubjectState>
{
    private SubjectState(
        Instant at,
        bool hasEmail,
        Instant? erasureRequestedAt,
        Instant? marketingOptOutAt,
        ImmutableArray<PrivacyEvent> consents,
        ImmutableArray<string> acceptedVersions,
        Activity activity)
    {
        At = at;
        HasEmail = hasEmail;
        ErasureRequestedAt = erasureRequestedAt;
        MarketingOptOutAt = marketingOptOutAt;
        Consents = consents;
        AcceptedVersions = acceptedVersions;
        LastActivityAt = activity.LastUse;
        AccountClosedAt = activity.AccountClosed;
        LegalHoldSince = activity.LegalHold;
        Notifications = activity.Notifications.IsDefault ? [] : activity.Notifications;
    }

    /// <summary>Gets the instant this state describes.</summary>
    /// <value>The decision's instant.</value>
    public Instant At { get; }

    /// <summary>Gets a value indicating whether the controller holds an email address for the subject.</summary>
    /// <value>As given by the subject.</value>
    public bool HasEmail { get; }

    /// <summary>Gets when the subject first asked for erasure.</summary>
    /// <value>Null when no erasure request counts at <see cref="At"/>.</value>
    public Instant? ErasureRequestedAt { get; }

    /// <summary>Gets a value indicating whether the subject has asked for erasure.</summary>
    /// <value>True once any erasure request counts.</value>
    public bool IsErased => ErasureRequestedAt.HasValue;

    /// <summary>Gets when the standing marketing opt-out was made.</summary>
    /// <value>Null when the subject has not opted out, or opted back in later.</value>
    public Instant? MarketingOptOutAt { get; }

    /// <summary>Gets a value indicating whether a marketing opt-out stands.</summary>
    /// <value>True when the latest of opt-out and opt-in is an opt-out.</value>
    public bool IsOptedOutOfMarketing => MarketingOptOutAt.HasValue;

    /// <summary>Gets the latest consent event for each purpose and recipient combination, sorted.</summary>
    /// <value>Grants and withdrawals that count at <see cref="At"/>.</value>
    public ImmutableArray<PrivacyEvent> Consents { get; }

    /// <summary>Gets the policy versions the subject accepted by an explicit event, sorted ordinally.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<string> AcceptedVersions { get; }

    /// <summary>Gets when the subject last used the service.</summary>
    /// <value>Null when no use counts at <see cref="At"/>.</value>
    public Instant? LastActivityAt { get; }

    /// <summary>Gets when the subject's account was closed.</summary>
    /// <value>The latest closure that counts; null while the account is open.</value>
    public Instant? AccountClosedAt { get; }

    /// <summary>Gets when the standing legal hold was placed.</summary>
    /// <value>Null when no hold stands (none placed, or released later).</value>
    public Instant? LegalHoldSince { get; }

    /// <summary>Gets a value indicating whether a legal hold stands: nothing of the subject's is deleted meanwhile.</summary>
    /// <value>True while a hold stands.</value>
    public bool IsUnderLegalHold => LegalHoldSince.HasValue;

    /// <summary>Gets, per policy version, when the subject was first notified of it, sorted by version.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<KeyValuePair<string, Instant>> Notifications { get; }

    /// <summary>Gets the state of a subject with no history.</summary>
    /// <param name="at">The instant.</param>
    /// <param name="hasEmail">Whether an email address is on file.</param>
    /// <returns>The state.</returns>
    public static SubjectState Empty(Instant at, bool hasEmail = false)
        => new(at, hasEmail, null, null, ImmutableArray<PrivacyEvent>.Empty, ImmutableArray<string>.Empty, default);

    /// <summary>Folds a history into the state at an instant.</summary>
    /// <param name="events">The events, in any order.</param>
    /// <param name="at">The instant; later events are ignored.</param>
    /// <param name="hasEmail">Whether an email address is on file.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> or one of its items is null.</exception>
    public static SubjectState Fold(IEnumerable<PrivacyEvent> events, Instant at, bool hasEmail = false)
    {
        Preconditions.CheckNotNull(events, nameof(events));
        Instant? erasure = null;
        Instant? optOut = null;
        Instant? optIn = null;
        var consents = new Dictionary<(string?, string?), PrivacyEvent>();
        var versions = new SortedSet<string>(StringComparer.Ordinal);
        var notified = new SortedDictionary<string, Instant>(StringComparer.Ordinal);
        Instant? lastUse = null;
        Instant? closed = null;
        Instant? holdPlaced = null;
        Instant? holdReleased = null;
        foreach (var e in events)
        {
            Preconditions.CheckNotNull(e, nameof(events));
            if (e.At > at)
            {
                continue;
            }

            switch (e.Kind)
            {
                case PrivacyEventKind.ErasureRequested:
                    erasure = Min(erasure, e.At);
                    break;
                case PrivacyEventKind.MarketingOptOut:
                    optOut = Max(optOut, e.At);
                    break;
                case PrivacyEventKind.MarketingOptIn:
                    optIn = Max(optIn, e.At);
                    break;
                case PrivacyEventKind.ConsentGranted or PrivacyEventKind.ConsentWithdrawn:
                    var key = (e.Purpose?.Value, e.Recipient?.Value);
                    if (!consents.TryGetValue(key, out var current) || Supersedes(e, current))
                    {
                        consents[key] = e;
                    }

                    break;
                case PrivacyEventKind.PolicyAccepted:
                    versions.Add(e.Version!);
                    break;
                case PrivacyEventKind.PolicyNotified:
                    notified[e.Version!] = notified.TryGetValue(e.Version!, out var first) ? Min(first, e.At) : e.At;
                    break;
                case PrivacyEventKind.ServiceUsed:
                    lastUse = Max(lastUse, e.At);
                    break;
                case PrivacyEventKind.AccountClosed:
                    closed = Max(closed, e.At);
                    break;
                case PrivacyEventKind.LegalHoldPlaced:
                    holdPlaced = Max(holdPlaced, e.At);
                    break;
                case PrivacyEventKind.LegalHoldReleased:
                    holdReleased = Max(holdReleased, e.At);
                    break;
            }
        }

        // Opt-out stands unless a strictly later opt-in follows it.
        Instant? standingOptOut = optOut is { } o && !(optIn is { } i && i > o) ? o : null;
        var sortedConsents = consents
            .OrderBy(pair => pair.Key.Item1, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Item2, StringComparer.Ordinal)
            .Select(pair => pair.Value)
            .ToImmutableArray();
        // A hold stands unless a strictly later release follows it: at a tie, nothing is deleted.
        Instant? standingHold = holdPlaced is { } h && !(holdReleased is { } r && r > h) ? h : null;
        var activity = new Activity(lastUse, closed, standingHold, [.. notified]);
        return new SubjectState(at, hasEmail, erasure, standingOptOut, sortedConsents, versions.ToImmutableArray(), activity);
    }

    /// <summary>Whether a standing consent covers disclosure to a recipient.</summary>
    /// <param name="recipient">The recipient.</param>
    /// <returns>True when the latest consent event naming the recipient grants consent.</returns>
    public bool HasConsent(RecipientId recipient)
    {
        PrivacyEvent? latest = null;
        foreach (var e in Consents)
        {
            if (e.Recipient == recipient && (latest is null || Supersedes(e, latest)))
            {
                latest = e;
            }
        }

        return latest?.Kind == PrivacyEventKind.ConsentGranted;
    }

    /// <summary>Whether a standing consent covers a purpose (consent to <c>marketing</c> covers <c>marketing.own</c>).</summary>
    /// <param name="purpose">The purpose.</param>
    /// <returns>True when the latest consent event naming the purpose or one of its ancestors grants consent.</returns>
    public bool HasConsent(PurposeId purpose)
    {
        PrivacyEvent? latest = null;
        foreach (var e in Consents)
        {
            if (e.Purpose is { } p && purpose.IsWithin(p) && (latest is null || Supersedes(e, latest)))
            {
                latest = e;
            }
        }

        return latest?.Kind == PrivacyEventKind.ConsentGranted;
    }

    /// <summary>Whether the subject accepted a policy version by an explicit event.</summary>
    /// <param name="version">The version.</param>
    /// <returns>True when a <see cref="PrivacyEventKind.PolicyAccepted"/> event names it.</returns>
    public bool HasAccepted(string version) => AcceptedVersions.Contains(version, StringComparer.Ordinal);

    /// <summary>
    /// Whether the subject has accepted a policy version: by an explicit acceptance, or by using the
    /// service at or after the version's entry into force and after being notified of it.
    /// </summary>
    /// <param name="version">The version.</param>
    /// <param name="entryIntoForce">When the version entered into force.</param>
    /// <returns>True when the subject is bound by the version at <see cref="At"/>.</returns>
    public bool HasAccepted(string version, Instant entryIntoForce)
    {
        if (HasAccepted(version))
        {
            return true;
        }

        foreach (var notice in Notifications)
        {
            if (string.Equals(notice.Key, version, StringComparison.Ordinal))
            {
                return LastActivityAt is { } used && used >= entryIntoForce && used >= notice.Value;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public bool Equals(SubjectState? other)
        => other is not null
            && At == other.At
            && HasEmail == other.HasEmail
            && ErasureRequestedAt == other.ErasureRequestedAt
            && MarketingOptOutAt == other.MarketingOptOutAt
            && Consents.SequenceEqual(other.Consents)
            && AcceptedVersions.SequenceEqual(other.AcceptedVersions, StringComparer.Ordinal)
            && LastActivityAt == other.LastActivityAt
            && AccountClosedAt == other.AccountClosedAt
            && LegalHoldSince == other.LegalHoldSince
            && Notifications.SequenceEqual(other.Notifications);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SubjectState);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(At, HasEmail, ErasureRequestedAt, MarketingOptOutAt, Consents.Length);

    /// <summary>A later event wins; at the same instant, a withdrawal beats a grant.</summary>
    internal static bool Supersedes(PrivacyEvent candidate, PrivacyEvent current)
        => candidate.At > current.At
            || (candidate.At == current.At && candidate.Kind == PrivacyEventKind.ConsentWithdrawn && current.Kind == PrivacyEventKind.ConsentGranted);

    private readonly record struct Activity(Instant? LastUse, Instant? AccountClosed, Instant? LegalHold, ImmutableArray<KeyValuePair<string, Instant>> Notifications);

    private static Instant Min(Instant? a, Instant b) => a is { } x && x < b ? x : b;

    private static Instant Max(Instant? a, Instant b) => a is { } x && x > b ? x : b;
}
