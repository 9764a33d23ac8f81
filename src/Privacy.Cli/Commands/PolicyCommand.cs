using System.CommandLine;
using System.Linq;
using System.Text.Json;
using Privacy.Cli.Json;
using Privacy.Compilation;
using Privacy.Documents;
using Privacy.Policies;

namespace Privacy.Cli.Commands;

/// <summary><c>privacy policy</c>: a policy's vocabulary and clauses.</summary>
internal static class PolicyCommand
{
    public static Command Create(CliIO io)
    {
        var policy = CommonOptions.Policy();
        var format = CommonOptions.JsonOrText();
        var command = new Command("policy", "Show a policy's vocabulary and clauses.")
        {
            policy,
            format,
            ExportCommand(io),
        };
        command.SetAction(parse =>
        {
            var compiled = PolicyReference.TryLoad(parse.GetValue(policy)!, io.Error);
            if (compiled is null)
            {
                return ExitCodes.Usage;
            }

            if (parse.GetValue(format) == "json")
            {
                WriteJson(io, compiled.Policy);
            }
            else
            {
                WriteText(io, compiled);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ExportCommand(CliIO io)
    {
        var legacy = CommonOptions.LegacyPolicy("policy");
        var reference = CommonOptions.Policy();
        var output = new Option<string?>("--output", "-o") { Description = "Write the document to FILE instead of standard output.", HelpName = "FILE" };
        var command = new Command("export", "Write a policy as a policy document (JSON, formatVersion 1), to copy and adapt.") { reference, legacy, output };
        command.SetAction(parse =>
        {
            var compiled = CommonOptions.PolicyValue(parse, reference, legacy, io) is { } given ? PolicyReference.TryLoad(given, io.Error) : null;
            if (compiled is null)
            {
                return ExitCodes.Usage;
            }

            return CommonOptions.WriteOutput(parse.GetValue(output), io, stream => PolicyDocument.Write(compiled.Policy, stream));
        });
        return command;
    }

    private static void WriteText(CliIO io, CompiledPolicy compiled)
    {
        var p = compiled.Policy;
        var o = io.Out;
        o.WriteLine($"{TextOutput.Escape(p.Name)} ({p.Id}, version {TextOutput.Escape(p.Version)}); time zone {TextOutput.Escape(p.TimeZoneId)}");
        o.WriteLine();
        o.WriteLine("Data categories:");
        foreach (var c in p.Categories)
        {
            o.WriteLine($"  {c.Id,-34} {ClassName(c.Class),-13} {TextOutput.Escape(c.Description)}");
        }

        Section(o, "Purposes", p.Purposes.Select(t => (t.Id.Value, t.Description)));
        Section(o, "Recipients", p.Recipients.Select(t => (t.Id.Value, t.Description)));
        Section(o, "Disclosure reasons", p.Reasons.Select(t => (t.Id.Value, t.Description)));
        Section(o, "Message kinds", p.Messages.Select(t => (t.Id.Value, t.Description)));
        Section(o, "Channels", p.Channels.Select(t => (t.Id.Value, t.Description)));
        Section(o, "Obligations", p.Obligations.Select(t => (t.Id.Value, t.Description)));
        Section(o, "Retention grounds", p.Grounds.Select(g => (g.Id.Value, $"{g.Description} (at most {g.MaximumExtension} more)")));
        Section(o, "Retention", p.RetentionRules.Select(r => (r.Category.Value, $"{r.Period} from collection ({r.Clause})")).Append(("erasure", $"{p.ErasurePeriod} after the request ({p.ErasureClause})")));
        Section(o, "Clauses", p.Clauses.Select(c => (c.Id.Value, c.Summary)));
        if (!p.Notes.IsEmpty)
        {
            o.WriteLine();
            o.WriteLine("Notes:");
            foreach (var note in p.Notes)
            {
                o.WriteLine($"  - {TextOutput.Escape(note)}");
            }
        }

        o.Flush();
    }

    private static void Section(System.IO.TextWriter o, string title, System.Collections.Generic.IEnumerable<(string Id, string Text)> items)
    {
        o.WriteLine();
        o.WriteLine($"{title}:");
        foreach (var (id, text) in items)
        {
            o.WriteLine($"  {id,-34} {TextOutput.Escape(text)}");
        }
    }

    private static string ClassName(DataClass c) => c switch
    {
        DataClass.Personal => "personal",
        DataClass.Sensitive => "sensitive",
        DataClass.NonPersonal => "non-personal",
        _ => "device-local",
    };

    private static void WriteJson(CliIO io, PrivacyPolicy p)
    {
        CliJson.WriteDocument(io.Output, json =>
        {
            json.WriteStartObject();
            json.WriteString("id", p.Id);
            json.WriteString("version", p.Version);
            json.WriteString("name", p.Name);
            json.WriteString("timeZone", p.TimeZoneId);
            json.WriteStartArray("categories");
            foreach (var c in p.Categories)
            {
                json.WriteStartObject();
                json.WriteString("id", c.Id.Value);
                json.WriteString("class", ClassName(c.Class));
                json.WriteString("description", c.Description);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            Terms(json, "purposes", p.Purposes.Select(t => (t.Id.Value, t.Description)));
            Terms(json, "recipients", p.Recipients.Select(t => (t.Id.Value, t.Description)));
            Terms(json, "reasons", p.Reasons.Select(t => (t.Id.Value, t.Description)));
            Terms(json, "messages", p.Messages.Select(t => (t.Id.Value, t.Description)));
            Terms(json, "channels", p.Channels.Select(t => (t.Id.Value, t.Description)));
            Terms(json, "obligations", p.Obligations.Select(t => (t.Id.Value, t.Description)));
            Terms(json, "grounds", p.Grounds.Select(g => (g.Id.Value, g.Description)));
            json.WriteStartArray("clauses");
            foreach (var c in p.Clauses)
            {
                json.WriteStartObject();
                json.WriteString("id", c.Id.Value);
                json.WriteString("summary", c.Summary);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void Terms(Utf8JsonWriter json, string name, System.Collections.Generic.IEnumerable<(string Id, string Description)> terms)
    {
        json.WriteStartArray(name);
        foreach (var (id, description) in terms)
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("description", description);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
