using System.CommandLine;
using System.IO;
using System.Text.Json;
using Privacy.Breach;
using Privacy.Cli.Json;
using Privacy.Compilation;
using Privacy.Serialization;

namespace Privacy.Cli.Commands;

/// <summary><c>privacy breach --input INCIDENT.json</c>: the response plan for a personal-data breach.</summary>
internal static partial class BreachCommand
{
    public static Command Create(CliIO io)
    {
        var policy = CommonOptions.Policy();
        var input = new Option<string>("--input", "-i")
        {
            Description = "The incident, one JSON object: awareAt, categories, subjects, unintelligible, and optionally the affected subjects; '-' reads standard input.",
            Required = true,
            HelpName = "FILE|-",
        };
        var format = CommonOptions.JsonOrText();
        var command = new Command("breach", "Plan a breach response: contain it, tell the authority within 72 hours, tell every person whose readable personal data leaked.")
        {
            policy,
            input,
            format,
        };
        command.SetAction(parse =>
        {
            var compiled = PolicyReference.TryLoad(parse.GetValue(policy)!, io.Error);
            if (compiled is null)
            {
                return ExitCodes.Usage;
            }

            string text;
            var path = parse.GetValue(input)!;
            using (var stream = CommonOptions.OpenInput(path, io))
            {
                if (stream is null)
                {
                    return ExitCodes.NoInput;
                }

                try
                {
                    text = InputFiles.ReadText(stream, InputFiles.MaxDocumentBytes, "The incident");
                }
                catch (IOException e)
                {
                    io.Error.WriteLine($"privacy: cannot read the incident: {TextOutput.Escape(e.Message)}");
                    return ExitCodes.Usage;
                }
            }

            return Run(text, compiled, parse.GetValue(format)!, io);
        });
        return command;
    }

    /// <summary>Parses an incident, plans the response and writes it.</summary>
    internal static int Run(string incidentJson, CompiledPolicy policy, string format, CliIO io)
    {
        BreachPlan plan;
        try
        {
            plan = new BreachPlanner().Plan(Parse(incidentJson, policy), policy);
        }
        catch (PrivacyRequestException e)
        {
            io.Error.WriteLine($"privacy: invalid incident: {(e.Field is null ? string.Empty : TextOutput.Escape(e.Field) + ": ")}{TextOutput.Escape(e.Message)}");
            if (format == "json")
            {
                CliJson.WriteDocument(io.Output, json =>
                {
                    json.WriteStartObject();
                    json.WriteError(e.Code, e.Field, e.Message);
                    json.WriteEndObject();
                }, indented: false);
            }

            return ExitCodes.BadInput;
        }

        if (format == "json")
        {
            CliJson.WriteDocument(io.Output, json => JsonSerializer.Serialize(json, plan, PrivacyJson.Options.GetTypeInfo(typeof(BreachPlan))));
        }
        else
        {
            WriteText(io, plan);
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// Reads an incident through the library's JSON contract (<see cref="PrivacyJson"/>), then checks its ids against
    /// the policy: each error is a <see cref="PrivacyRequestException"/> naming the field.
    /// </summary>
    internal static BreachIncident Parse(string text, CompiledPolicy policy)
    {
        BreachIncident? incident;
        try
        {
            incident = (BreachIncident?)JsonSerializer.Deserialize(text, PrivacyJson.Options.GetTypeInfo(typeof(BreachIncident)));
        }
        catch (JsonException e)
        {
            throw e.InnerException as PrivacyRequestException
                ?? new PrivacyRequestException("malformed-json", null, $"The incident is not valid JSON: {e.Message}");
        }

        if (incident is null)
        {
            throw new PrivacyRequestException("malformed-json", null, "The incident must be one JSON object with awareAt, categories and subjects.");
        }

        var vocabulary = policy.Vocabulary;
        for (var i = 0; i < incident.Categories.Length; i++)
        {
            vocabulary.Categories.GetIndex(incident.Categories[i].Value, $"categories[{i}]");
        }

        for (var s = 0; s < incident.Affected.Length; s++)
        {
            var events = incident.Affected[s].Events;
            for (var e = 0; e < events.Length; e++)
            {
                if (events[e].Purpose is { } purpose)
                {
                    vocabulary.Purposes.GetIndex(purpose.Value, $"affected[{s}].events[{e}].purpose");
                }

                if (events[e].Recipient is { } recipient)
                {
                    vocabulary.Recipients.GetIndex(recipient.Value, $"affected[{s}].events[{e}].recipient");
                }
            }
        }

        return incident;
    }
}
