using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Privacy.Serialization;

/// <summary>
/// Reads and writes a <see cref="PrivacyDecision"/> in the shape of a <c>privacy decide</c> result:
/// <c>{"effect":"permit","clauses":[…],"until"?:…,"grounds"?:[…],"obligations":[{"id":…}]}</c>.
/// </summary>
internal sealed class PrivacyDecisionJsonConverter : JsonConverter<PrivacyDecision>
{
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText EffectName = JsonEncodedText.Encode("effect");
    private static readonly JsonEncodedText ClausesName = JsonEncodedText.Encode("clauses");
    private static readonly JsonEncodedText UntilName = JsonEncodedText.Encode("until");
    private static readonly JsonEncodedText GroundsName = JsonEncodedText.Encode("grounds");
    private static readonly JsonEncodedText ObligationsName = JsonEncodedText.Encode("obligations");

    public override PrivacyDecision Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonFieldReader.RequireStartObject(ref reader, "decision");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var effect = Effect.Deny;
        var clauses = ImmutableArray<ClauseId>.Empty;
        var obligations = ImmutableArray<ObligationId>.Empty;
        var grounds = ImmutableArray<RetentionGroundId>.Empty;
        Instant? until = null;
        while (JsonFieldReader.NextProperty(ref reader, seen, string.Empty, out var name))
        {
            switch (name)
            {
                case "effect":
                    effect = EffectJsonConverter.Parse(JsonFieldReader.String(ref reader, name), name);
                    break;
                case "clauses":
                    clauses = JsonFieldReader.Strings(ref reader, name, ClauseId.Parse);
                    break;
                case "until":
                    until = JsonFieldReader.Instant(ref reader, name);
                    break;
                case "grounds":
                    grounds = JsonFieldReader.Strings(ref reader, name, RetentionGroundId.Parse);
                    break;
                case "obligations":
                    obligations = JsonFieldReader.Objects(ref reader, name, options, ReadObligation);
                    break;
                default:
                    throw JsonFieldReader.Unknown(string.Empty, name);
            }
        }

        JsonFieldReader.Require(seen, string.Empty, "effect");
        JsonFieldReader.Require(seen, string.Empty, "clauses");
        JsonFieldReader.Require(seen, string.Empty, "obligations");
        if (clauses.IsEmpty)
        {
            throw new JsonException("'clauses' is empty; a decision cites at least one clause.");
        }

        return new PrivacyDecision(effect, clauses, obligations, until, grounds);
    }

    public override void Write(Utf8JsonWriter writer, PrivacyDecision value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WriteFields(writer, value);
        writer.WriteEndObject();
    }

    /// <summary>Writes a <c>privacy decide</c> result line's object: <c>id</c> (null when absent) first, then the decision.</summary>
    internal static void WriteResult(Utf8JsonWriter writer, string? requestId, in PrivacyDecision decision)
    {
        writer.WriteStartObject();
        if (requestId is null)
        {
            writer.WriteNull(IdName);
        }
        else
        {
            writer.WriteString(IdName, requestId);
        }

        WriteFields(writer, decision);
        writer.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter writer, in PrivacyDecision decision)
    {
        writer.WriteString(EffectName, EffectJsonConverter.Name(decision.Effect));
        writer.WriteStartArray(ClausesName);
        foreach (var clause in decision.Clauses)
        {
            writer.WriteStringValue(clause.Value);
        }

        writer.WriteEndArray();
        if (decision.Deadline is { } until)
        {
            Span<byte> text = stackalloc byte[20];
            if (InstantJsonConverter.TryFormatWholeSeconds(until, text))
            {
                writer.WriteString(UntilName, text);
            }
            else
            {
                writer.WriteString(UntilName, InstantJsonConverter.Format(until));
            }
        }

        if (!decision.Grounds.IsDefaultOrEmpty)
        {
            writer.WriteStartArray(GroundsName);
            foreach (var ground in decision.Grounds)
            {
                writer.WriteStringValue(ground.Value);
            }

            writer.WriteEndArray();
        }

        writer.WriteStartArray(ObligationsName);
        foreach (var obligation in decision.Obligations)
        {
            writer.WriteStartObject();
            writer.WriteString(IdName, obligation.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static ObligationId ReadObligation(ref Utf8JsonReader reader, string prefix, JsonSerializerOptions options)
    {
        JsonFieldReader.RequireStartObject(ref reader, "obligation");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ObligationId id = default;
        while (JsonFieldReader.NextProperty(ref reader, seen, prefix, out var name))
        {
            id = name == "id"
                ? JsonFieldReader.Id(JsonFieldReader.String(ref reader, prefix + name), prefix + name, ObligationId.Parse)
                : throw JsonFieldReader.Unknown(prefix, name);
        }

        JsonFieldReader.Require(seen, prefix, "id");
        return id;
    }
}
