using NodaTime;

namespace Privacy;

/// <summary>"May I send this subject a message of this kind over this channel now?"</summary>
/// <param name="Message">The kind of message.</param>
/// <param name="Channel">The channel it would travel by.</param>
/// <param name="At">The decision's instant.</param>
/// <param name="Context">Circumstances rules may require.</param>
public readonly record struct CommunicateRequest(MessageKindId Message, ChannelId Channel, Instant At, RequestContext Context = default);
