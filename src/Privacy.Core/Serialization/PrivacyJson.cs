using System;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Privacy.Compilation;
using Privacy.Internal;

namespace Privacy.Serialization;

/// <summary>
/// The library's JSON contract: the same shapes the <c>privacy</c> command reads and writes, for hosts
/// that serialise decisions, subjects and rights plans themselves (an ASP.NET Core endpoint, a queue message).
/// </summary>
/// <remarks>
/// Ids are strings (<c>"rights.erasure"</c>), instants ISO-8601 in UTC with <c>Z</c>, effects lowercase
/// names (<c>"permit"</c>). Reading is fail-closed: an unknown field, a field given twice, a missing
/// required field, a bad id or instant is a <see cref="JsonException"/> naming the field, never a default.
/// Everything here is trimming- and native-AOT-safe. The members are thread-safe.
/// <para>Policy diffs (<see cref="Versioning.PolicyDiff"/>), breach incidents (<see cref="Breach.BreachIncident"/>)
/// and breach plans (<see cref="Breach.BreachPlan"/>) have the shapes of <c>privacy diff</c>, the input of
/// <c>privacy breach</c> and its answer. A breach incident that cannot be read fails with the command's error
/// codes: the <see cref="JsonException"/>'s <see cref="Exception.InnerException"/> is a
/// <see cref="PrivacyRequestException"/> with the <see cref="PrivacyRequestException.Code"/> and
/// <see cref="PrivacyRequestException.Field"/> (none when the text is not JSON at all).</para>
/// <para>Requests (<see cref="PrivacyRequest"/> and the five request types) have the shape of a <c>privacy decide</c>
/// line and are read by the command's own reader: see <see cref="ReadRequest(ReadOnlySpan{byte}, CompiledPolicy?)"/>.</para>
/// </remarks>
public static class PrivacyJson
{
    /// <summary>Gets read-only options with the library's converters and source-generated metadata.</summary>
    /// <value>Options that serialise the library's types exactly as the <c>privacy</c> command does (compact, relaxed escaping).</value>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Gets the source-generated metadata for the library's types (trimming- and AOT-safe).</summary>
    /// <value>A resolver for <see cref="PrivacyDecision"/>, <see cref="DataSubject"/>, <see cref="PrivacyEvent"/>,
    /// <see cref="RightsPlan"/>, the ids, <see cref="NodaTime.Instant"/> and <see cref="Effect"/>; use it with options
    /// that carry the library's converters (see <see cref="Configure(JsonSerializerOptions)"/>).</value>
    /// <remarks>It also covers <see cref="PrivacyRequest"/> and <see cref="CollectRequest"/>, <see cref="UseRequest"/>,
    /// <see cref="DiscloseRequest"/>, <see cref="CommunicateRequest"/> and <see cref="RetainRequest"/>.</remarks>
    public static IJsonTypeInfoResolver TypeInfoResolver => PrivacyJsonSerializerContext.Default;

    /// <summary>
    /// Adds the library's converters and source-generated metadata to existing options,
    /// such as an ASP.NET Core host's <c>JsonOptions.SerializerOptions</c>.
    /// </summary>
    /// <param name="options">The options to change; they must not be read-only yet.</param>
    /// <returns>The same options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/> are read-only.</exception>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        Preconditions.CheckNotNull(options, nameof(options));
        foreach (var converter in CreateConverters())
        {
            options.Converters.Add(converter);
        }

        options.TypeInfoResolverChain.Insert(0, PrivacyJsonSerializerContext.Default);
        return options;
    }

    /// <summary>
    /// Writes one result of <c>privacy decide</c>: <c>{"id":…,"effect":…,"clauses":[…],…}</c>, with
    /// <c>id</c> null when the request had none. Allocates nothing for the usual decisions.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="requestId">The request's id, echoed back; null for none.</param>
    /// <param name="decision">The decision.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public static void WriteDecision(Utf8JsonWriter writer, string? requestId, in PrivacyDecision decision)
    {
        Preconditions.CheckNotNull(writer, nameof(writer));
        PrivacyDecisionJsonConverter.WriteResult(writer, requestId, decision);
    }

    /// <summary>Writes a rights plan as <c>privacy rights --format json</c> does, with the subject's id when given.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="subjectId">The subject's id, written as <c>subject</c>; null leaves it out.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="plan"/> is null.</exception>
    public static void WriteRightsPlan(Utf8JsonWriter writer, RightsPlan plan, string? subjectId = null)
    {
        Preconditions.CheckNotNull(writer, nameof(writer));
        Preconditions.CheckNotNull(plan, nameof(plan));
        RightsPlanJsonConverter.WritePlan(writer, plan, subjectId);
    }

    /// <summary>
    /// Reads one request in the shape of a <c>privacy decide</c> line, exactly as the command reads it: the same
    /// checks in the same order, the same error codes and fields. For a body or a message that holds one request.
    /// </summary>
    /// <remarks>
    /// <para>The text is one strict JSON object (RFC 8259: no comments, no trailing commas, no field given twice, also
    /// when spelled with escapes, no string with a lone surrogate) of at most 1 MiB, with only the contract's fields.</para>
    /// <para>Deserialising a <see cref="PrivacyRequest"/> through <see cref="Options"/> runs the same reader without a
    /// policy, and reports the same errors as a <see cref="JsonException"/> whose <see cref="Exception.InnerException"/>
    /// is the <see cref="PrivacyRequestException"/>.</para>
    /// </remarks>
    /// <param name="utf8Json">The request, UTF-8 JSON text.</param>
    /// <param name="policy">
    /// The policy the request is for: every id the request names must be known to it, also ids its action does not
    /// use and the purposes and recipients of the subject's events (<c>unknown-category</c>, <c>unknown-purpose</c>…).
    /// Null checks ids for their syntax only; the policy then checks the ids the action uses when it decides.
    /// </param>
    /// <returns>The request, to decide with <see cref="PrivacyEvaluatorExtensions.Decide(IPrivacyEvaluator, PrivacyRequest)"/>.</returns>
    /// <exception cref="PrivacyRequestException">
    /// The text is not such a request. <see cref="PrivacyRequestException.Code"/> says why (<c>malformed-json</c>,
    /// <c>duplicate-field</c>, <c>invalid-string</c>, <c>invalid-field</c>, <c>unknown-field</c>, <c>missing-field</c>,
    /// <c>unknown-action</c>, <c>invalid-instant</c>, <c>unknown-event-type</c>, <c>unknown-category</c> and the other
    /// unknown ids, <c>line-too-long</c>) and <see cref="PrivacyRequestException.Field"/> names the field, such as
    /// <c>subject.events[0].at</c>.
    /// </exception>
    public static PrivacyRequest ReadRequest(ReadOnlySpan<byte> utf8Json, CompiledPolicy? policy = null)
    {
        if (utf8Json.Length > RequestJsonReader.MaxBytes)
        {
            throw new PrivacyRequestException("line-too-long", null, $"The request is {utf8Json.Length} bytes long; a request may have at most {RequestJsonReader.MaxBytes} bytes (1 MiB).");
        }

        return RequestJsonReader.ForThisThread.Read(utf8Json, policy?.Vocabulary, out _);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        Configure(options);
        options.MakeReadOnly();
        return options;
    }

    private static JsonConverter[] CreateConverters() =>
    [
        new InstantJsonConverter(), new EffectJsonConverter(), new PrivacyDecisionJsonConverter(),
        new DataSubjectJsonConverter(), new PrivacyEventJsonConverter(), new RightsPlanJsonConverter(),
        new ClauseIdJsonConverter(), new ObligationIdJsonConverter(), new RetentionGroundIdJsonConverter(),
        new DataCategoryIdJsonConverter(), new PurposeIdJsonConverter(), new RecipientIdJsonConverter(),
        new DisclosureReasonIdJsonConverter(), new MessageKindIdJsonConverter(), new ChannelIdJsonConverter(),
        new PolicyDiffJsonConverter(), new BreachIncidentJsonConverter(), new BreachPlanJsonConverter(),
        new PrivacyRequestJsonConverter(), new CollectRequestJsonConverter(), new UseRequestJsonConverter(),
        new DiscloseRequestJsonConverter(), new CommunicateRequestJsonConverter(), new RetainRequestJsonConverter(),
    ];
}
