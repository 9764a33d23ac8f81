using System.Text.Json;
using Privacy.Cli.Json;
using Privacy.Compilation;
using Privacy.Verification;

namespace Privacy.Cli.Commands;

/// <summary><c>privacy diff --semantic OLD NEW</c>: every combination whose effect (or retention deadline) changes between two versions.</summary>
internal static class SemanticDiffOutput
{
    public static int Run(CompiledPolicy older, CompiledPolicy newer, string format, CliIO io)
    {
        var changes = SemanticDiff.Compare(older, newer);
        if (format == "json")
        {
            io.Out.Flush();
            CliJson.WriteDocument(io.Output, json =>
            {
                json.WriteStartObject();
                Version(json, "old", older);
                Version(json, "new", newer);
                json.WriteNumber("changed", changes.Length);
                json.WriteStartArray("changes");
                foreach (var c in changes)
                {
                    json.WriteStartObject();
                    WriteCell(json, c.Cell);
                    json.WriteString("old", c.Old);
                    json.WriteString("new", c.New);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            });
        }
        else
        {
            var o = io.Out;
            o.WriteLine($"{older.Policy.Id} {older.Policy.Version} -> {newer.Policy.Id} {newer.Policy.Version}: "
                + (changes.IsEmpty ? "no combination changes effect or retention deadline." : $"{changes.Length} combination(s) change effect or retention deadline"));
            foreach (var c in changes)
            {
                o.WriteLine($"  {c.Cell}: {c.Old} -> {c.New}");
            }

            o.Flush();
        }

        return changes.IsEmpty ? ExitCodes.Ok : ExitCodes.Findings;
    }

    /// <summary>Writes a combination's fields: action, the ids it reads, and its conditions or situation.</summary>
    public static void WriteCell(Utf8JsonWriter json, DecisionCell cell)
    {
        json.WriteString("action", cell.Action.ToString().ToLowerInvariant());
        (string Name, string? Value)[] fields =
        [
            ("category", cell.Category), ("purpose", cell.Purpose), ("recipient", cell.Recipient), ("reason", cell.Reason),
            ("message", cell.Message), ("channel", cell.Channel), ("situation", cell.Situation), ("grounds", cell.Grounds),
        ];
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                json.WriteString(name, value);
            }
        }

        if (cell.Action != PrivacyAction.Retain)
        {
            json.WriteStartArray("conditions");
            foreach (var condition in cell.ConditionList)
            {
                json.WriteStringValue(condition);
            }

            json.WriteEndArray();
        }
    }

    private static void Version(Utf8JsonWriter json, string name, CompiledPolicy policy)
    {
        json.WriteStartObject(name);
        json.WriteString("id", policy.Policy.Id);
        json.WriteString("version", policy.Policy.Version);
        json.WriteEndObject();
    }
}
