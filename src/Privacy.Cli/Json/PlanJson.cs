using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Privacy.Cli.Json;

/// <summary>Writes a rights plan as one JSON object: <c>respondBy</c>, <c>items</c> (one per record), <c>problems</c>, and what the right adds.</summary>
internal static class PlanJson
{
    public static void Write(Stream output, RightsPlan plan, DataSubject subject, IReadOnlyList<RecordProblem> problems)
    {
        CliJson.WriteDocument(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("right", RightName(plan.Right));
            if (subject.Id is { } id)
            {
                json.WriteString("subject", id);
            }

            json.WriteString("receivedAt", DecisionWriter.FormatInstant(plan.ReceivedAt));
            json.WriteString("respondBy", DecisionWriter.FormatInstant(plan.RespondBy));
            json.WriteString("extendedRespondBy", DecisionWriter.FormatInstant(plan.ExtendedRespondBy));
            Strings(json, "clauses", plan.Clauses.Select(c => c.Value));
            json.WriteStartArray("items");
            foreach (var item in plan.Items)
            {
                json.WriteStartObject();
                json.WriteString("record", item.Record);
                json.WriteString("category", item.Category.Value);
                json.WriteString("action", ActionName(item.Action));
                if (item.Deadline is { } deadline)
                {
                    json.WriteString(item.Action is PlanAction.Delete or PlanAction.Rectify ? "by" : "until", DecisionWriter.FormatInstant(deadline));
                }

                if (item.BackupsBy is { } backups)
                {
                    json.WriteString("backupsBy", DecisionWriter.FormatInstant(backups));
                }

                Strings(json, "grounds", item.Grounds.Select(g => g.Value));
                Strings(json, "clauses", item.Clauses.Select(c => c.Value));
                if (plan.Right is RightKind.Access or RightKind.MarketingOptOut)
                {
                    Strings(json, plan.Right == RightKind.Access ? "purposes" : "stops", item.Purposes.Select(p => p.Value));
                }

                if (plan.Right == RightKind.Access)
                {
                    Strings(json, "recipients", item.Recipients.Select(r => r.Value));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("problems");
            foreach (var problem in problems)
            {
                json.WriteStartObject();
                json.WriteStringOrNull("record", problem.Record);
                json.WriteError(problem.Code, problem.Field, problem.Message);
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
                    json.WriteString("since", DecisionWriter.FormatInstant(entry.Since));
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
                json.WriteString("from", DecisionWriter.FormatInstant(optOut.From));
                Strings(json, "stoppedMessages", optOut.StoppedMessages.Select(m => m.Value));
                Strings(json, "continuingMessages", optOut.ContinuingMessages.Select(m => m.Value));
                Strings(json, "stoppedPurposes", optOut.StoppedPurposes.Select(p => p.Value));
                Strings(json, "channels", optOut.Channels.Select(c => c.Value));
                json.WriteEndObject();
            }

            json.WriteEndObject();
        });
    }

    public static string RightName(RightKind right) => right switch
    {
        RightKind.Access => "access",
        RightKind.Erasure => "erasure",
        RightKind.Rectification => "rectification",
        _ => "marketing-opt-out",
    };

    public static string ActionName(PlanAction action) => action switch
    {
        PlanAction.Held => "held",
        PlanAction.Delete => "delete",
        PlanAction.Retain => "retain",
        PlanAction.Rectify => "rectify",
        _ => "restrict",
    };

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
