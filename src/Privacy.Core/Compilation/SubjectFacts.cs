using System.Runtime.CompilerServices;
using NodaTime;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.Compilation;

/// <summary>
/// A subject's state at an instant, folded once against a compiled policy, so that any number of
/// decisions on it are a few table reads each.
/// </summary>
/// <remarks>
/// Make one with <see cref="CompiledPolicy.Fold(SubjectState)"/>. The default value is a subject
/// with no history. Immutable and thread-safe.
/// </remarks>
public readonly struct SubjectFacts
{
    internal SubjectFacts(Instant at, RuleConditions flags, Instant erasureRequestedAt, ConsentFact[]? consents, SubjectState? state = null, ulong[]? granted = null)
    {
        Granted = granted;
        At = at;
        Flags = flags;
        ErasureRequestedAt = erasureRequestedAt;
        Consents = consents;
        LastActivityAt = state?.LastActivityAt;
        AccountClosedAt = state?.AccountClosedAt;
        IsUnderLegalHold = state?.IsUnderLegalHold ?? false;
    }

    /// <summary>Gets the instant the facts describe.</summary>
    /// <value>The instant the state was folded at; <see cref="Instant.MinValue"/> for the default value.</value>
    public Instant At { get; }

    /// <summary>Gets a value indicating whether the subject has asked for erasure.</summary>
    /// <value>True after an erasure request.</value>
    public bool IsErased => (Flags & RuleConditions.ErasureRequested) != 0;

    /// <summary>Gets a value indicating whether a marketing opt-out stands.</summary>
    /// <value>True while opted out.</value>
    public bool IsOptedOutOfMarketing => (Flags & RuleConditions.MarketingOptedOut) != 0;

    /// <summary>Gets a value indicating whether a legal hold stands.</summary>
    /// <value>True while nothing of the subject's may be deleted.</value>
    public bool IsUnderLegalHold { get; }

    /// <summary>Gets when the subject last used the service.</summary>
    /// <value>Null when unknown.</value>
    public Instant? LastActivityAt { get; }

    /// <summary>Gets when the subject's account was closed.</summary>
    /// <value>Null while open.</value>
    public Instant? AccountClosedAt { get; }

    internal RuleConditions Flags { get; }

    internal Instant ErasureRequestedAt { get; }

    internal ConsentFact[]? Consents { get; }

    /// <summary>
    /// One bit per purpose, then one per recipient (by dense id): whether consent stands for it, resolved
    /// once at the fold so that a decision reads one bit. Null when not resolved; then <see cref="Consents"/> is read.
    /// </summary>
    internal ulong[]? Granted { get; }

    /// <summary>What retention reads of these facts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal RetentionSubject ForRetention() => new(IsUnderLegalHold, IsErased, ErasureRequestedAt, LastActivityAt, AccountClosedAt);
}

/// <summary>The latest consent event for one purpose/recipient pair, by dense ids (-1 when absent).</summary>
internal readonly record struct ConsentFact(int Purpose, int Recipient, Instant At, bool Granted);
