using NodaTime;

namespace Privacy;

/// <summary>"May I send this subject a message of this kind over this channel now?"</summary>
/// <remarks>Immutable and equal by value. Ids the action needs are checked on construction: a default id is a
/// <see cref="PrivacyRequestException"/> with code <c>missing-field</c> naming the field.</remarks>
public readonly record struct CommunicateRequest
{
    private readonly MessageKindId _message;
    private readonly ChannelId _channel;
    private readonly Instant _at;
    private readonly RequestContext _context;

    /// <summary>Creates the request.</summary>
    /// <param name="message">The kind of message.</param>
    /// <param name="channel">The channel it would travel by.</param>
    /// <param name="at">The decision's instant.</param>
    /// <param name="context">Circumstances rules may require.</param>
    /// <exception cref="PrivacyRequestException">A required id is the default value.</exception>
    public CommunicateRequest(MessageKindId message, ChannelId channel, Instant at, RequestContext context = default)
    {
        Message = message;
        Channel = channel;
        At = at;
        Context = context;
    }

    /// <summary>Gets the kind of message.</summary>
    /// <value>Never the default id.</value>
    public MessageKindId Message { get => _message; init => _message = RequestFields.Required(value, "message"); }

    /// <summary>Gets the channel it would travel by.</summary>
    /// <value>Never the default id.</value>
    public ChannelId Channel { get => _channel; init => _channel = RequestFields.Required(value, "channel"); }

    /// <summary>Gets the decision's instant.</summary>
    /// <value>As given.</value>
    public Instant At { get => _at; init => _at = value; }

    /// <summary>Gets circumstances rules may require.</summary>
    /// <value>As given.</value>
    public RequestContext Context { get => _context; init => _context = value; }
}
