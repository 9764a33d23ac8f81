using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Privacy.Breach;
using Privacy.Cli.Json;
using Privacy.Cli.Requests;
using Privacy.Compilation;

namespace Privacy.Cli.Commands;

/// <summary><c>privacy breach --input INCIDENT.json</c>: the response plan for a personal-data breach.</summary>
internal static partial class BreachCommand
{
    private static readonly string[] Fields = ["id", "description", "awareAt", "categories", "subjects", "unintelligible", "affected"];

    public static Command Create(CliIO io)
    {
        var policy = CommonOptions.Policy();
        var input = new Option<string>("--input", "-i")
        {
            Description = "The incident, one JSON object: awareAt, categories, subjects, unintelligible, and optionally the affected subjects; '-' reads standard input.",
            Required = true,
            HelpName = "FILE|-",
        };
        var format = CommonOptions.Format("json", "text");
        var command = new Command("breach", "Plan a breach response: contain it, tell the authority within 72 hours, tell the people when the risk is high.")
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
            WriteJson(io, plan, policy.TimeZone);
        }
        else
        {
            WriteText(io, plan, policy.TimeZone);
        }

        return ExitCodes.Ok;
    }

    internal static BreachIncident Parse(string text, CompiledPolicy policy)
    {
        JsonScan.Require(text, string.Empty);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new PrivacyRequestException("malformed-json", null, $"The incident is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new PrivacyRequestException("malformed-json", null, "The incident must be one JSON object with awareAt, categories and subjects.");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (!Fields.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw new PrivacyRequestException("unknown-field", property.Name, $"Unknown field '{property.Name}'; an incident has {string.Join(", ", Fields)}.");
                }
            }

            var awareAt = JsonFields.Instant(OptionalString(root, "awareAt"), "awareAt");
            if (!root.TryGetProperty("categories", out var categoriesElement) || categoriesElement.ValueKind != JsonValueKind.Array || categoriesElement.GetArrayLength() == 0)
            {
                throw new PrivacyRequestException(root.TryGetProperty("categories", out _) ? "invalid-field" : "missing-field", "categories", "'categories' must be a non-empty array of data category ids, such as [\"personal.email\"].");
            }

            var categories = new List<DataCategoryId>();
            var index = 0;
            foreach (var c in categoriesElement.EnumerateArray())
            {
                var field = $"categories[{index++}]";
                if (c.ValueKind != JsonValueKind.String)
                {
                    throw new PrivacyRequestException("invalid-field", field, $"'{field}' must be a data category id string.");
                }

                categories.Add(new DataCategoryId(policy.Vocabulary.Categories[policy.Vocabulary.Categories.GetIndex(c.GetString(), field)]));
            }

            var affected = new List<DataSubject>();
            if (root.TryGetProperty("affected", out var affectedElement))
            {
                if (affectedElement.ValueKind != JsonValueKind.Array)
                {
                    throw new PrivacyRequestException("invalid-field", "affected", "'affected' must be an array of subjects, each like a request's 'subject'.");
                }

                index = 0;
                foreach (var s in affectedElement.EnumerateArray())
                {
                    var field = $"affected[{index++}]";
                    SubjectDocument? subject;
                    try
                    {
                        subject = s.ValueKind == JsonValueKind.Object ? s.Deserialize(CliJsonContext.Default.SubjectDocument) : null;
                    }
                    catch (JsonException e)
                    {
                        throw new PrivacyRequestException("invalid-field", field, $"'{field}' is not a valid subject: {e.Message}");
                    }

                    affected.Add(subject is null
                        ? throw new PrivacyRequestException("invalid-field", field, $"'{field}' must be a subject object with id, hasEmail and events.")
                        : JsonFields.Subject(subject, policy.Vocabulary, field));
                }
            }

            int subjects;
            if (root.TryGetProperty("subjects", out var subjectsElement))
            {
                if (subjectsElement.ValueKind != JsonValueKind.Number || !subjectsElement.TryGetInt32(out subjects) || subjects < 0)
                {
                    throw new PrivacyRequestException("invalid-field", "subjects", "'subjects' must be the number of affected people, a whole number of zero or more.");
                }
            }
            else if (affected.Count > 0)
            {
                subjects = affected.Count;
            }
            else
            {
                throw new PrivacyRequestException("missing-field", "subjects", "The incident needs 'subjects', the number of affected people (or an 'affected' list).");
            }

            var unintelligible = false;
            if (root.TryGetProperty("unintelligible", out var u))
            {
                unintelligible = u.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw new PrivacyRequestException("invalid-field", "unintelligible", "'unintelligible' must be true or false (true when the data was encrypted and the key is safe)."),
                };
            }

            foreach (var name in new[] { "id", "description" })
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.String)
                {
                    throw new PrivacyRequestException("invalid-field", name, $"'{name}' must be a string.");
                }
            }

            return new BreachIncident(awareAt, categories, subjects, unintelligible, affected);
        }
    }

    private static string? OptionalString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new PrivacyRequestException("invalid-field", name, $"'{name}' must be a string.");
    }
}
