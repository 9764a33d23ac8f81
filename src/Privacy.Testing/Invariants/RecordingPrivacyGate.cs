using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace Privacy.Testing.Invariants;

/// <summary>
/// An <see cref="IPrivacyGate"/> decorator that answers with the gate it wraps and records every
/// question and answer, so that a test can check what the host asked before it acted, for
/// example with <see cref="PrivacyAssert.NoMessageWithoutPermit"/>.
/// </summary>
/// <remarks>Thread-safe: a host may ask from several threads; <see cref="Calls"/> is a snapshot in the order answered.</remarks>
public sealed class RecordingPrivacyGate : IPrivacyGate
{
    private readonly IPrivacyGate _inner;
    private readonly ConcurrentQueue<GateCall> _calls = new();

    /// <summary>Wraps a gate.</summary>
    /// <param name="inner">The gate that decides.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is null.</exception>
    public RecordingPrivacyGate(IPrivacyGate inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <inheritdoc/>
    public Instant Now => _inner.Now;

    /// <summary>Gets every question asked so far, with its answer, in the order answered.</summary>
    /// <value>A snapshot.</value>
    public ImmutableArray<GateCall> Calls => [.. _calls];

    /// <summary>Forgets the questions asked so far.</summary>
    public void Clear() => _calls.Clear();

    /// <summary>Whether the gate permitted a message of a kind on a channel to a subject.</summary>
    /// <param name="subjectId">The subject's id.</param>
    /// <param name="message">The message kind.</param>
    /// <param name="channel">The channel.</param>
    /// <returns>True when it was asked and answered permit at least once.</returns>
    public bool WasPermitted(string? subjectId, MessageKindId message, ChannelId channel)
        => _calls.Any(c => c.Action == PrivacyAction.Communicate && c.SubjectId == subjectId && c.Message == message && c.Channel == channel && c.Decision.Effect == Effect.Permit);

    /// <inheritdoc/>
    public PrivacyDecision MayCollect(DataSubject subject, DataCategoryId category, PurposeId purpose, RequestContext context = default)
        => Record(new GateCall(PrivacyAction.Collect, subject?.Id, Now, _inner.MayCollect(subject!, category, purpose, context)) { Category = category, Purpose = purpose });

    /// <inheritdoc/>
    public PrivacyDecision MayUse(DataSubject subject, DataCategoryId category, PurposeId purpose, RequestContext context = default)
        => Record(new GateCall(PrivacyAction.Use, subject?.Id, Now, _inner.MayUse(subject!, category, purpose, context)) { Category = category, Purpose = purpose });

    /// <inheritdoc/>
    public PrivacyDecision MayDisclose(DataSubject subject, DataCategoryId category, RecipientId recipient, DisclosureReasonId reason, RequestContext context = default)
        => Record(new GateCall(PrivacyAction.Disclose, subject?.Id, Now, _inner.MayDisclose(subject!, category, recipient, reason, context)) { Category = category, Recipient = recipient, Reason = reason });

    /// <inheritdoc/>
    public PrivacyDecision MaySend(DataSubject subject, MessageKindId message, ChannelId channel)
        => Record(new GateCall(PrivacyAction.Communicate, subject?.Id, Now, _inner.MaySend(subject!, message, channel)) { Message = message, Channel = channel });

    /// <inheritdoc/>
    public PrivacyDecision MaySend(DataSubject subject, MessageKindId message, ChannelId channel, string contactAddress)
        => Record(new GateCall(PrivacyAction.Communicate, subject?.Id, Now, _inner.MaySend(subject!, message, channel, contactAddress)) { Message = message, Channel = channel });

    /// <inheritdoc/>
    public PrivacyDecision Retention(DataSubject subject, DataCategoryId category, Instant collectedAt, ImmutableArray<RetentionGroundId> grounds = default)
        => Record(new GateCall(PrivacyAction.Retain, subject?.Id, Now, _inner.Retention(subject!, category, collectedAt, grounds)) { Category = category });

    private PrivacyDecision Record(GateCall call)
    {
        _calls.Enqueue(call);
        return call.Decision;
    }
}
