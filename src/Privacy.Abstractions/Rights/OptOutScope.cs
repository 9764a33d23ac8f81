using System.Collections.Immutable;
using NodaTime;

namespace Privacy;

/// <summary>What a marketing opt-out stops and what continues, from when.</summary>
/// <param name="From">When the opt-out takes effect.</param>
/// <param name="StoppedMessages">Message kinds no longer sent.</param>
/// <param name="ContinuingMessages">Message kinds still sent.</param>
/// <param name="Channels">The channels both lists apply to.</param>
/// <param name="StoppedPurposes">Purposes of processing that stop.</param>
public sealed record OptOutScope(
    Instant From,
    ImmutableArray<MessageKindId> StoppedMessages,
    ImmutableArray<MessageKindId> ContinuingMessages,
    ImmutableArray<ChannelId> Channels,
    ImmutableArray<PurposeId> StoppedPurposes);
