using System;
using System.Collections.Immutable;
using NodaTime;
using Privacy.Internal;

namespace Privacy;

/// <summary>What a marketing opt-out stops and what continues, from when.</summary>
/// <remarks>Immutable. Equal by value: the arrays compare element by element, in order.</remarks>
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
    ImmutableArray<PurposeId> StoppedPurposes)
{
    /// <inheritdoc/>
    public bool Equals(OptOutScope? other)
        => other is not null
            && From == other.From
            && ValueEquality.SequenceEqual(StoppedMessages, other.StoppedMessages)
            && ValueEquality.SequenceEqual(ContinuingMessages, other.ContinuingMessages)
            && ValueEquality.SequenceEqual(Channels, other.Channels)
            && ValueEquality.SequenceEqual(StoppedPurposes, other.StoppedPurposes);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(From);
        ValueEquality.Add(ref hash, StoppedMessages);
        ValueEquality.Add(ref hash, ContinuingMessages);
        ValueEquality.Add(ref hash, Channels);
        ValueEquality.Add(ref hash, StoppedPurposes);
        return hash.ToHashCode();
    }
}
