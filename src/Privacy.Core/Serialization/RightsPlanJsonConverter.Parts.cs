using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;

namespace Privacy.Serialization;

/// <summary>Reading the parts of a rights plan: items, problems, the suppression entry and the opt-out scope.</summary>
internal sealed partial class RightsPlanJsonConverter
{
    private static RightsPlanItem ReadItem(ref Utf8JsonReader reader, string prefix, JsonSerializerOptions options)
    {
        JsonFieldReader.RequireStartObject(ref reader, "plan item");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string record = string.Empty;
        DataCategoryId category = default;
        PlanAction action = default;
        Instant? deadline = null, backupsBy = null;
        var grounds = ImmutableArray<RetentionGroundId>.Empty;
        var clauses = ImmutableArray<ClauseId>.Empty;
        var purposes = ImmutableArray<PurposeId>.Empty;
        var recipients = ImmutableArray<RecipientId>.Empty;
        while (JsonFieldReader.NextProperty(ref reader, seen, prefix, out var name))
        {
            var field = prefix + name;
            switch (name)
            {
                case "record":
                    record = JsonFieldReader.String(ref reader, field);
                    break;
                case "category":
                    category = JsonFieldReader.Id(JsonFieldReader.String(ref reader, field), field, DataCategoryId.Parse);
                    break;
                case "action":
                    action = ParseAction(JsonFieldReader.String(ref reader, field), field);
                    break;
                case "by" or "until":
                    if (deadline is not null)
                    {
                        throw new JsonException($"'{prefix}by' and '{prefix}until' cannot both be given.");
                    }

                    deadline = JsonFieldReader.Instant(ref reader, field);
                    break;
                case "backupsBy":
                    backupsBy = JsonFieldReader.Instant(ref reader, field);
                    break;
                case "grounds":
                    grounds = JsonFieldReader.Strings(ref reader, field, RetentionGroundId.Parse);
                    break;
                case "clauses":
                    clauses = JsonFieldReader.Strings(ref reader, field, ClauseId.Parse);
                    break;
                case "purposes" or "stops":
                    if (seen.Contains("purposes") && seen.Contains("stops"))
                    {
                        throw new JsonException($"'{prefix}purposes' and '{prefix}stops' cannot both be given.");
                    }

                    purposes = JsonFieldReader.Strings(ref reader, field, PurposeId.Parse);
                    break;
                case "recipients":
                    recipients = JsonFieldReader.Strings(ref reader, field, RecipientId.Parse);
                    break;
                default:
                    throw JsonFieldReader.Unknown(prefix, name);
            }
        }

        foreach (var required in (ReadOnlySpan<string>)["record", "category", "action", "grounds", "clauses"])
        {
            JsonFieldReader.Require(seen, prefix, required);
        }

        return new RightsPlanItem(record, category, action, deadline, grounds, clauses, purposes, recipients, backupsBy);
    }

    private static RecordProblem ReadProblem(ref Utf8JsonReader reader, string prefix, JsonSerializerOptions options)
    {
        JsonFieldReader.RequireStartObject(ref reader, "problem");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? record = null, code = null, field = null, message = null;
        while (JsonFieldReader.NextProperty(ref reader, seen, prefix, out var name))
        {
            switch (name)
            {
                case "record":
                    record = JsonFieldReader.NullableString(ref reader, prefix + name);
                    break;
                case "error":
                    var errorPrefix = prefix + "error.";
                    JsonFieldReader.RequireStartObject(ref reader, "error");
                    var errorSeen = new HashSet<string>(StringComparer.Ordinal);
                    while (JsonFieldReader.NextProperty(ref reader, errorSeen, errorPrefix, out var inner))
                    {
                        switch (inner)
                        {
                            case "code":
                                code = JsonFieldReader.String(ref reader, errorPrefix + inner);
                                break;
                            case "field":
                                field = JsonFieldReader.NullableString(ref reader, errorPrefix + inner);
                                break;
                            case "message":
                                message = JsonFieldReader.String(ref reader, errorPrefix + inner);
                                break;
                            default:
                                throw JsonFieldReader.Unknown(errorPrefix, inner);
                        }
                    }

                    JsonFieldReader.Require(errorSeen, errorPrefix, "code");
                    JsonFieldReader.Require(errorSeen, errorPrefix, "message");
                    break;
                default:
                    throw JsonFieldReader.Unknown(prefix, name);
            }
        }

        JsonFieldReader.Require(seen, prefix, "error");
        return new RecordProblem(record, code!, field, message!);
    }

    private static SuppressionEntry ReadSuppression(ref Utf8JsonReader reader, string prefix, JsonSerializerOptions options)
    {
        JsonFieldReader.RequireStartObject(ref reader, "suppression entry");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? hash = null, keyId = null;
        Instant since = default;
        while (JsonFieldReader.NextProperty(ref reader, seen, prefix, out var name))
        {
            switch (name)
            {
                case "hash":
                    hash = JsonFieldReader.String(ref reader, prefix + name);
                    break;
                case "since":
                    since = JsonFieldReader.Instant(ref reader, prefix + name);
                    break;
                case "keyId":
                    keyId = JsonFieldReader.String(ref reader, prefix + name);
                    break;
                default:
                    throw JsonFieldReader.Unknown(prefix, name);
            }
        }

        JsonFieldReader.Require(seen, prefix, "hash");
        JsonFieldReader.Require(seen, prefix, "since");
        return new SuppressionEntry(hash!, since, keyId);
    }

    private static OptOutScope ReadOptOut(ref Utf8JsonReader reader, string prefix)
    {
        JsonFieldReader.RequireStartObject(ref reader, "optOut");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Instant from = default;
        var stopped = ImmutableArray<MessageKindId>.Empty;
        var continuing = ImmutableArray<MessageKindId>.Empty;
        var purposes = ImmutableArray<PurposeId>.Empty;
        var channels = ImmutableArray<ChannelId>.Empty;
        while (JsonFieldReader.NextProperty(ref reader, seen, prefix, out var name))
        {
            var field = prefix + name;
            switch (name)
            {
                case "from":
                    from = JsonFieldReader.Instant(ref reader, field);
                    break;
                case "stoppedMessages":
                    stopped = JsonFieldReader.Strings(ref reader, field, MessageKindId.Parse);
                    break;
                case "continuingMessages":
                    continuing = JsonFieldReader.Strings(ref reader, field, MessageKindId.Parse);
                    break;
                case "stoppedPurposes":
                    purposes = JsonFieldReader.Strings(ref reader, field, PurposeId.Parse);
                    break;
                case "channels":
                    channels = JsonFieldReader.Strings(ref reader, field, ChannelId.Parse);
                    break;
                default:
                    throw JsonFieldReader.Unknown(prefix, name);
            }
        }

        foreach (var required in (ReadOnlySpan<string>)["from", "stoppedMessages", "continuingMessages", "stoppedPurposes", "channels"])
        {
            JsonFieldReader.Require(seen, prefix, required);
        }

        return new OptOutScope(from, stopped, continuing, channels, purposes);
    }
}
