using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using NodaTime;
using Privacy.Breach;
using Privacy.Serialization;
using Privacy.Versioning;

namespace Privacy.Fuzz.Targets;

/// <summary>
/// The public JSON contract (<see cref="PrivacyJson.Options"/>, <c>src/Privacy.Core/Serialization</c>) as a host uses it on
/// an untrusted body: every input is deserialised as each contract type in turn. Promises: the only error is
/// <see cref="JsonException"/>; a value that reads writes back, reads again as an equal value, and writes the same bytes.
/// </summary>
/// <remarks>
/// Every type, not one chosen from a hash of the input: an input that reads as a subject, a plan or a diff always runs as
/// that type, so its mutations do too. The outcome is coarse on purpose (per type: read, null, the inner error code, or
/// refused): the corpus then keeps the inputs that read as something, and mutations stay close to valid values.
/// </remarks>
public sealed class JsonTarget : FuzzTarget
{
    /// <summary>Every type <c>PrivacyJsonSerializerContext</c> registers, in a fixed order.</summary>
    internal static readonly Type[] Types =
    [
        typeof(PrivacyRequest), typeof(CollectRequest), typeof(UseRequest), typeof(DiscloseRequest), typeof(CommunicateRequest),
        typeof(RetainRequest), typeof(PrivacyDecision), typeof(DataSubject), typeof(PrivacyEvent), typeof(RightsPlan),
        typeof(PolicyDiff), typeof(BreachIncident), typeof(BreachPlan), typeof(ClauseId), typeof(ObligationId),
        typeof(RetentionGroundId), typeof(DataCategoryId), typeof(PurposeId), typeof(RecipientId), typeof(DisclosureReasonId),
        typeof(MessageKindId), typeof(ChannelId), typeof(Instant), typeof(Effect),
    ];

    public override string Name => "json";

    public override string Description => "PrivacyJson.Options: read as every contract type, write, read again";

    public override int MaxInputLength => 8 * 1024;

    public override IReadOnlyList<string> Keys { get; } =
    [
        "id", "action", "at", "category", "purpose", "recipient", "reason", "message", "channel", "collectedAt", "grounds", "subject",
        "context", "hasEmail", "events", "type", "version", "locationFeatureInUse", "confidentialityAgreement", "effect", "clauses",
        "until", "obligations", "right", "receivedAt", "respondBy", "extendedRespondBy", "items", "problems", "suppression", "optOut",
        "record", "error", "code", "field", "old", "new", "significant", "changes", "kind", "path", "description", "awareAt",
        "categories", "subjects", "unintelligible", "affected", "risk", "riskReason", "timeZone", "steps", "skipped", "by", "byLocal",
        "legalBasis", "notices", "send", "incident",
    ];

    public override IReadOnlyList<string> Words { get; } =
    [
        .. Vocabulary.Words, "permit", "deny", "retain", "delete", "access", "erase", "rectify", "opt-out", "Europe/Oslo", "UTC",
        "high", "low", "none", "notify-authority", "notify-subjects", "2026-04-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
    ];

    public override string Execute(byte[] input)
    {
        var outcome = new StringBuilder(Types.Length * 4);
        foreach (var type in Types)
        {
            outcome.Append(Run(type, input)).Append(',');
        }

        return outcome.ToString();
    }

    /// <summary>One type: the outcome's short form (<c>ok</c>, <c>null</c>, the inner error code, or <c>x</c> for any other refusal).</summary>
    private static string Run(Type type, byte[] input)
    {
        var info = PrivacyJson.Options.GetTypeInfo(type);
        object? value;
        try
        {
            value = JsonSerializer.Deserialize(input, info);
        }
        catch (JsonException e)
        {
            return e.InnerException is PrivacyRequestException inner ? inner.Code : "x";
        }

        if (value is null)
        {
            return "null";
        }

        var written = JsonSerializer.SerializeToUtf8Bytes(value, info);
        object? again;
        try
        {
            again = JsonSerializer.Deserialize(written, info);
        }
        catch (JsonException e)
        {
            throw new FuzzOracleException($"written value does not read back: {type.Name}: {e.Message}; written {Oracles.Truncate(Encoding.UTF8.GetString(written))}", e);
        }

        if (!Equals(value, again))
        {
            throw new FuzzOracleException($"written value reads back as another value: {type.Name}: written {Oracles.Truncate(Encoding.UTF8.GetString(written))}");
        }

        var rewritten = JsonSerializer.SerializeToUtf8Bytes(again, info);
        if (!rewritten.AsSpan().SequenceEqual(written))
        {
            throw new FuzzOracleException($"written value changes when read and written again: {type.Name}: {Oracles.Truncate(Encoding.UTF8.GetString(written))} then {Oracles.Truncate(Encoding.UTF8.GetString(rewritten))}");
        }

        return "ok";
    }
}
