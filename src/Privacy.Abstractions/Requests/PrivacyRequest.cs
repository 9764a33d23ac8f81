using System;
using System.Collections.Immutable;
using NodaTime;
using Privacy.Internal;

namespace Privacy;

/// <summary>
/// A request as a host receives it and <c>privacy decide</c> reads it, one a line: an optional id to
/// echo back, one of the five questions (<see cref="Privacy.CollectRequest"/>, <see cref="Privacy.UseRequest"/>,
/// <see cref="Privacy.DiscloseRequest"/>, <see cref="Privacy.CommunicateRequest"/>, <see cref="Privacy.RetainRequest"/>),
/// and the subject it is about.
/// </summary>
/// <remarks>
/// <para>Decide it with <see cref="PrivacyEvaluatorExtensions.Decide(IPrivacyEvaluator, PrivacyRequest)"/>; read
/// and write it in the command's JSON shape with <c>Privacy.Serialization.PrivacyJson</c> (in <c>Privacy.Core</c>).</para>
/// <para>Exactly one of <see cref="CollectRequest"/>, <see cref="UseRequest"/>, <see cref="DiscloseRequest"/>,
/// <see cref="CommunicateRequest"/> and <see cref="RetainRequest"/> has a value: the one <see cref="Action"/> names.</para>
/// <para>Immutable and equal by value (the subject included); thread-safe.</para>
/// </remarks>
public sealed class PrivacyRequest : IEquatable<PrivacyRequest>
{
    private readonly DataCategoryId _category;
    private readonly PurposeId _purpose;
    private readonly RecipientId _recipient;
    private readonly DisclosureReasonId _reason;
    private readonly MessageKindId _message;
    private readonly ChannelId _channel;
    private readonly Instant _collectedAt;
    private readonly ImmutableArray<RetentionGroundId> _grounds;

    /// <summary>Creates a request to collect data.</summary>
    /// <param name="request">The question.</param>
    /// <param name="subject">The subject it is about; null for one with no history.</param>
    /// <param name="id">The host's id for the request, echoed back with the answer; null for none.</param>
    public PrivacyRequest(in CollectRequest request, DataSubject? subject = null, string? id = null)
        : this(PrivacyAction.Collect, request.At, request.Context, subject, id)
    {
        _category = request.Category;
        _purpose = request.Purpose;
    }

    /// <summary>Creates a request to use data.</summary>
    /// <param name="request">The question.</param>
    /// <param name="subject">The subject it is about; null for one with no history.</param>
    /// <param name="id">The host's id for the request, echoed back with the answer; null for none.</param>
    public PrivacyRequest(in UseRequest request, DataSubject? subject = null, string? id = null)
        : this(PrivacyAction.Use, request.At, request.Context, subject, id)
    {
        _category = request.Category;
        _purpose = request.Purpose;
    }

    /// <summary>Creates a request to disclose data.</summary>
    /// <param name="request">The question.</param>
    /// <param name="subject">The subject it is about; null for one with no history.</param>
    /// <param name="id">The host's id for the request, echoed back with the answer; null for none.</param>
    public PrivacyRequest(in DiscloseRequest request, DataSubject? subject = null, string? id = null)
        : this(PrivacyAction.Disclose, request.At, request.Context, subject, id)
    {
        _category = request.Category;
        _recipient = request.Recipient;
        _reason = request.Reason;
    }

    /// <summary>Creates a request to send the subject a message.</summary>
    /// <param name="request">The question.</param>
    /// <param name="subject">The subject it is about; null for one with no history.</param>
    /// <param name="id">The host's id for the request, echoed back with the answer; null for none.</param>
    public PrivacyRequest(in CommunicateRequest request, DataSubject? subject = null, string? id = null)
        : this(PrivacyAction.Communicate, request.At, request.Context, subject, id)
    {
        _message = request.Message;
        _channel = request.Channel;
    }

    /// <summary>Creates a request to keep a stored record.</summary>
    /// <param name="request">The question.</param>
    /// <param name="subject">The subject the record is about; null for one with no history.</param>
    /// <param name="id">The host's id for the request, echoed back with the answer; null for none.</param>
    public PrivacyRequest(in RetainRequest request, DataSubject? subject = null, string? id = null)
        : this(PrivacyAction.Retain, request.At, default, subject, id)
    {
        _category = request.Category;
        _collectedAt = request.CollectedAt;
        _grounds = request.Grounds.IsDefault ? [] : request.Grounds;
    }

    private PrivacyRequest(PrivacyAction action, Instant at, RequestContext context, DataSubject? subject, string? id)
    {
        Action = action;
        At = at;
        Context = context;
        Subject = subject;
        Id = id;
    }

    private PrivacyRequest(PrivacyRequest other, DataSubject? subject, string? id)
        : this(other.Action, other.At, other.Context, subject, id)
    {
        _category = other._category;
        _purpose = other._purpose;
        _recipient = other._recipient;
        _reason = other._reason;
        _message = other._message;
        _channel = other._channel;
        _collectedAt = other._collectedAt;
        _grounds = other._grounds;
    }

    /// <summary>Gets the host's id for the request, echoed back with the answer.</summary>
    /// <value>Any text, the empty string included; null when the request has none.</value>
    public string? Id { get; }

    /// <summary>Gets which of the five questions this is.</summary>
    /// <value>The action; the property of the same name as its request type has the question.</value>
    public PrivacyAction Action { get; }

    /// <summary>Gets the decision's instant.</summary>
    /// <value>The question's <c>At</c>.</value>
    public Instant At { get; }

    /// <summary>Gets the circumstances the host asserts.</summary>
    /// <value>The question's <c>Context</c>; none for <see cref="PrivacyAction.Retain"/>, which no circumstance changes.</value>
    public RequestContext Context { get; }

    /// <summary>Gets the subject the request is about.</summary>
    /// <value>Null when none was given: decided as a subject with no history and no email address.</value>
    public DataSubject? Subject { get; }

    /// <summary>Gets the question when this is a collection.</summary>
    /// <value>Null unless <see cref="Action"/> is <see cref="PrivacyAction.Collect"/>.</value>
    public CollectRequest? CollectRequest => Action == PrivacyAction.Collect ? new CollectRequest(_category, _purpose, At, Context) : null;

    /// <summary>Gets the question when this is a use.</summary>
    /// <value>Null unless <see cref="Action"/> is <see cref="PrivacyAction.Use"/>.</value>
    public UseRequest? UseRequest => Action == PrivacyAction.Use ? new UseRequest(_category, _purpose, At, Context) : null;

    /// <summary>Gets the question when this is a disclosure.</summary>
    /// <value>Null unless <see cref="Action"/> is <see cref="PrivacyAction.Disclose"/>.</value>
    public DiscloseRequest? DiscloseRequest => Action == PrivacyAction.Disclose ? new DiscloseRequest(_category, _recipient, _reason, At, Context) : null;

    /// <summary>Gets the question when this is a message.</summary>
    /// <value>Null unless <see cref="Action"/> is <see cref="PrivacyAction.Communicate"/>.</value>
    public CommunicateRequest? CommunicateRequest => Action == PrivacyAction.Communicate ? new CommunicateRequest(_message, _channel, At, Context) : null;

    /// <summary>Gets the question when this is about keeping a record.</summary>
    /// <value>Null unless <see cref="Action"/> is <see cref="PrivacyAction.Retain"/>; its grounds are never default.</value>
    public RetainRequest? RetainRequest => Action == PrivacyAction.Retain ? new RetainRequest(_category, _collectedAt, At, _grounds) : null;

    /// <summary>Returns a copy of this request with another id.</summary>
    /// <param name="id">The new id; null for none.</param>
    /// <returns>The copy.</returns>
    public PrivacyRequest WithId(string? id) => new(this, Subject, id);

    /// <summary>Returns a copy of this request about another subject.</summary>
    /// <param name="subject">The new subject; null for one with no history.</param>
    /// <returns>The copy.</returns>
    public PrivacyRequest WithSubject(DataSubject? subject) => new(this, subject, Id);

    /// <inheritdoc/>
    public bool Equals(PrivacyRequest? other)
        => other is not null
            && string.Equals(Id, other.Id, StringComparison.Ordinal)
            && Action == other.Action
            && At == other.At
            && Context == other.Context
            && Equals(Subject, other.Subject)
            && _category == other._category
            && _purpose == other._purpose
            && _recipient == other._recipient
            && _reason == other._reason
            && _message == other._message
            && _channel == other._channel
            && _collectedAt == other._collectedAt
            && _grounds.AsSpan().SequenceEqual(other._grounds.AsSpan());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PrivacyRequest);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Action, At, _category, _purpose, _message, Subject);

    /// <summary>Decides the question with an evaluator, folding the subject's history at <see cref="At"/>.</summary>
    internal PrivacyDecision DecideWith(IPrivacyEvaluator evaluator)
    {
        Preconditions.CheckNotNull(evaluator, nameof(evaluator));
        var state = (Subject ?? DataSubject.Anonymous).StateAt(At);
        return Action switch
        {
            PrivacyAction.Collect => evaluator.Decide(new Privacy.CollectRequest(_category, _purpose, At, Context), state),
            PrivacyAction.Use => evaluator.Decide(new Privacy.UseRequest(_category, _purpose, At, Context), state),
            PrivacyAction.Disclose => evaluator.Decide(new Privacy.DiscloseRequest(_category, _recipient, _reason, At, Context), state),
            PrivacyAction.Communicate => evaluator.Decide(new Privacy.CommunicateRequest(_message, _channel, At, Context), state),
            _ => evaluator.Decide(new Privacy.RetainRequest(_category, _collectedAt, At, _grounds), state),
        };
    }
}
