using System.Text.Json.Serialization;
using NodaTime;
using Privacy.Breach;
using Privacy.Versioning;

namespace Privacy.Serialization;

/// <summary>
/// Source-generated System.Text.Json metadata for the library's public types, in the shape of the
/// <c>privacy</c> command's JSON (decisions, subjects and their events, rights plans, ids, instants,
/// effects); safe under trimming and native AOT.
/// </summary>
/// <remarks>
/// Hosts reach it through <see cref="PrivacyJson.Options"/>, <see cref="PrivacyJson.TypeInfoResolver"/> or
/// <see cref="PrivacyJson.Configure(System.Text.Json.JsonSerializerOptions)"/>, which also add the converters
/// that give these types their shape.
/// </remarks>
[JsonSourceGenerationOptions(
    Converters =
    [
        typeof(InstantJsonConverter), typeof(EffectJsonConverter), typeof(PrivacyDecisionJsonConverter),
        typeof(DataSubjectJsonConverter), typeof(PrivacyEventJsonConverter), typeof(RightsPlanJsonConverter),
        typeof(ClauseIdJsonConverter), typeof(ObligationIdJsonConverter), typeof(RetentionGroundIdJsonConverter),
        typeof(DataCategoryIdJsonConverter), typeof(PurposeIdJsonConverter), typeof(RecipientIdJsonConverter),
        typeof(DisclosureReasonIdJsonConverter), typeof(MessageKindIdJsonConverter), typeof(ChannelIdJsonConverter),
        typeof(PolicyDiffJsonConverter), typeof(BreachIncidentJsonConverter), typeof(BreachPlanJsonConverter),
        typeof(PrivacyRequestJsonConverter), typeof(CollectRequestJsonConverter), typeof(UseRequestJsonConverter),
        typeof(DiscloseRequestJsonConverter), typeof(CommunicateRequestJsonConverter), typeof(RetainRequestJsonConverter),
    ])]
[JsonSerializable(typeof(PrivacyDecision))]
[JsonSerializable(typeof(DataSubject))]
[JsonSerializable(typeof(PrivacyEvent))]
[JsonSerializable(typeof(RightsPlan))]
[JsonSerializable(typeof(Instant))]
[JsonSerializable(typeof(Effect))]
[JsonSerializable(typeof(ClauseId))]
[JsonSerializable(typeof(ObligationId))]
[JsonSerializable(typeof(RetentionGroundId))]
[JsonSerializable(typeof(DataCategoryId))]
[JsonSerializable(typeof(PurposeId))]
[JsonSerializable(typeof(RecipientId))]
[JsonSerializable(typeof(DisclosureReasonId))]
[JsonSerializable(typeof(MessageKindId))]
[JsonSerializable(typeof(ChannelId))]
[JsonSerializable(typeof(PolicyDiff))]
[JsonSerializable(typeof(BreachIncident))]
[JsonSerializable(typeof(BreachPlan))]
[JsonSerializable(typeof(PrivacyRequest))]
[JsonSerializable(typeof(CollectRequest))]
[JsonSerializable(typeof(UseRequest))]
[JsonSerializable(typeof(DiscloseRequest))]
[JsonSerializable(typeof(CommunicateRequest))]
[JsonSerializable(typeof(RetainRequest))]
internal sealed partial class PrivacyJsonSerializerContext : JsonSerializerContext
{
}
