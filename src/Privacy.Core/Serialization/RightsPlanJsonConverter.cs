using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Privacy.Serialization;

/// <summary>
/// Reads and writes a <see cref="RightsPlan"/> in the shape of <c>privacy rights --format json</c>:
/// <c>right</c>, <c>receivedAt</c>, <c>respondBy</c>, <c>extendedRespondBy</c>, <c>clauses</c>, <c>items</c>,
/// <c>problems</c>, and for erasure <c>suppression</c>, for opt-out <c>optOut</c>.
/// </summary>
/// <remarks>
/// An item's <c>purposes</c> (or <c>stops</c>) and <c>recipients</c> are written only for the rights that
/// report them (access; opt-out for <c>stops</c>), as the command does.
/// </remarks>
internal sealed partial class RightsPlanJsonConverter : JsonConverter<RightsPlan>
{
    public override RightsPlan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonFieldReader.RequireStartObject(ref reader, "rights plan");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        RightKind right = default;
        Instant receivedAt = default, respondBy = default, extendedRespondBy = default;
        var clauses = ImmutableArray<ClauseId>.Empty;
        var items = ImmutableArray<RightsPlanItem>.Empty;
        var problems = ImmutableArray<RecordProblem>.Empty;
        var suppressions = ImmutableArray<SuppressionEntry>.Empty;
        OptOutScope? optOut = null;
        while (JsonFieldReader.NextProperty(ref reader, seen, string.Empty, out var name))
        {
            switch (name)
            {
                case "right":
                    right = ParseRight(JsonFieldReader.String(ref reader, name));
                    break;
                case "subject":
                    // The subject's id, echoed by the command for the reader's sake; not part of the plan.
                    JsonFieldReader.String(ref reader, name);
                    break;
                case "receivedAt":
                    receivedAt = JsonFieldReader.Instant(ref reader, name);
                    break;
                case "respondBy":
                    respondBy = JsonFieldReader.Instant(ref reader, name);
                    break;
                case "extendedRespondBy":
                    extendedRespondBy = JsonFieldReader.Instant(ref reader, name);
                    break;
                case "clauses":
                    clauses = JsonFieldReader.Strings(ref reader, name, ClauseId.Parse);
                    break;
                case "items":
                    items = JsonFieldReader.Objects(ref reader, name, options, ReadItem);
                    break;
                case "problems":
                    problems = JsonFieldReader.Objects(ref reader, name, options, ReadProblem);
                    break;
                case "suppression":
                    suppressions = JsonFieldReader.Objects(ref reader, name, options, ReadSuppression);
                    break;
                case "optOut":
                    optOut = ReadOptOut(ref reader, "optOut.");
                    break;
                default:
                    throw JsonFieldReader.Unknown(string.Empty, name);
            }
        }

        foreach (var required in (ReadOnlySpan<string>)["right", "receivedAt", "respondBy", "extendedRespondBy", "clauses", "items", "problems"])
        {
            JsonFieldReader.Require(seen, string.Empty, required);
        }

        return new RightsPlan(right, receivedAt, respondBy, extendedRespondBy, items, problems, clauses, suppressions, optOut);
    }

    public override void Write(Utf8JsonWriter writer, RightsPlan value, JsonSerializerOptions options) => WritePlan(writer, value, null);

    internal static void WritePlan(Utf8JsonWriter json, RightsPlan plan, string? subjectId)
    {
        json.WriteStartObject();
        json.WriteString("right", RightName(plan.Right));
        if (subjectId is not null)
        {
            json.WriteString("subject", subjectId);
        }

        json.WriteString("receivedAt", InstantJsonConverter.Format(plan.ReceivedAt));
        json.WriteString("respondBy", InstantJsonConverter.Format(plan.RespondBy));
        json.WriteString("extendedRespondBy", InstantJsonConverter.Format(plan.ExtendedRespondBy));
        JsonFieldReader.WriteStrings(json, "clauses", plan.Clauses, c => c.Value);
        json.WriteStartArray("items");
        foreach (var item in plan.Items)
        {
            json.WriteStartObject();
            json.WriteString("record", item.Record);
            json.WriteString("category", item.Category.Value);
            json.WriteString("action", ActionName(item.Action));
            if (item.Deadline is { } deadline)
            {
                json.WriteString(item.Action is PlanAction.Delete or PlanAction.Rectify ? "by" : "until", InstantJsonConverter.Format(deadline));
            }

            if (item.BackupsBy is { } backups)
            {
                json.WriteString("backupsBy", InstantJsonConverter.Format(backups));
            }

            JsonFieldReader.WriteStrings(json, "grounds", item.Grounds, g => g.Value);
            JsonFieldReader.WriteStrings(json, "clauses", item.Clauses, c => c.Value);
            if (plan.Right is RightKind.Access or RightKind.MarketingOptOut)
            {
                JsonFieldReader.WriteStrings(json, plan.Right == RightKind.Access ? "purposes" : "stops", item.Purposes, p => p.Value);
            }

            if (plan.Right == RightKind.Access)
            {
                JsonFieldReader.WriteStrings(json, "recipients", item.Recipients, r => r.Value);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("problems");
        foreach (var problem in plan.Problems)
        {
            json.WriteStartObject();
            WriteStringOrNull(json, "record", problem.Record);
            json.WriteStartObject("error");
            json.WriteString("code", problem.Code);
            WriteStringOrNull(json, "field", problem.Field);
            json.WriteString("message", problem.Message);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (plan.Right == RightKind.Erasure)
        {
            json.WriteStartArray("suppression");
            foreach (var entry in plan.Suppressions)
            {
                json.WriteStartObject();
                json.WriteString("hash", entry.Hash);
                json.WriteString("since", InstantJsonConverter.Format(entry.Since));
                if (entry.KeyId is { } keyId)
                {
                    json.WriteString("keyId", keyId);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (plan.OptOut is { } optOut)
        {
            json.WriteStartObject("optOut");
            json.WriteString("from", InstantJsonConverter.Format(optOut.From));
            JsonFieldReader.WriteStrings(json, "stoppedMessages", optOut.StoppedMessages, m => m.Value);
            JsonFieldReader.WriteStrings(json, "continuingMessages", optOut.ContinuingMessages, m => m.Value);
            JsonFieldReader.WriteStrings(json, "stoppedPurposes", optOut.StoppedPurposes, p => p.Value);
            JsonFieldReader.WriteStrings(json, "channels", optOut.Channels, c => c.Value);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    internal static string RightName(RightKind right) => right switch
    {
        RightKind.Access => "access",
        RightKind.Erasure => "erasure",
        RightKind.Rectification => "rectification",
        RightKind.MarketingOptOut => "marketing-opt-out",
        _ => throw new JsonException($"{(int)right} is not a right."),
    };

    internal static string ActionName(PlanAction action) => action switch
    {
        PlanAction.Held => "held",
        PlanAction.Delete => "delete",
        PlanAction.Retain => "retain",
        PlanAction.Rectify => "rectify",
        PlanAction.Restrict => "restrict",
        _ => throw new JsonException($"{(int)action} is not a plan action."),
    };

    private static RightKind ParseRight(string text) => text switch
    {
        "access" => RightKind.Access,
        "erasure" => RightKind.Erasure,
        "rectification" => RightKind.Rectification,
        "marketing-opt-out" => RightKind.MarketingOptOut,
        _ => throw new JsonException($"'right' is access, erasure, rectification or marketing-opt-out; found '{text}'."),
    };

    private static PlanAction ParseAction(string text, string field) => text switch
    {
        "held" => PlanAction.Held,
        "delete" => PlanAction.Delete,
        "retain" => PlanAction.Retain,
        "rectify" => PlanAction.Rectify,
        "restrict" => PlanAction.Restrict,
        _ => throw new JsonException($"'{field}' is held, delete, retain, rectify or restrict; found '{text}'."),
    };

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
