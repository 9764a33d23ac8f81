using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Privacy.Breach;

namespace Privacy.Serialization;

/// <summary>
/// Reads and writes a <see cref="BreachIncident"/> in the shape <c>privacy breach --input</c> reads:
/// <c>{"id"?:…,"description"?:…,"awareAt":…,"categories":[…],"subjects":N,"unintelligible"?:bool,"affected"?:[subject…]}</c>.
/// </summary>
/// <remarks>
/// Reading fails with the command's error codes (see <see cref="CodedJsonReader"/>): <c>missing-field</c>
/// for a missing <c>awareAt</c> or <c>subjects</c> (which may be left out when <c>affected</c> lists people),
/// <c>invalid-field</c>, <c>invalid-instant</c>, <c>unknown-field</c>, <c>unknown-category</c> for text that
/// is not a category id, <c>unknown-event-type</c> in an affected subject's history. Whether the ids are the
/// policy's is the planner's question (<see cref="BreachPlanner"/>), not the document's.
/// </remarks>
internal sealed partial class BreachIncidentJsonConverter : JsonConverter<BreachIncident>
{
    private const string Fields = "an incident has id, description, awareAt, categories, subjects, unintelligible and affected";

    private static readonly DataSubjectJsonConverter SubjectWriter = new();

    public override BreachIncident Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadIncident(ref reader, string.Empty);

    public override void Write(Utf8JsonWriter writer, BreachIncident value, JsonSerializerOptions options) => WriteIncident(writer, value, options);

    internal static void WriteIncident(Utf8JsonWriter writer, BreachIncident incident, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (incident.Id is { } id)
        {
            writer.WriteString("id", id);
        }

        if (incident.Description is { } description)
        {
            writer.WriteString("description", description);
        }

        writer.WriteString("awareAt", InstantJsonConverter.Format(incident.AwareAt));
        JsonFieldReader.WriteStrings(writer, "categories", incident.Categories, c => c.Value);
        writer.WriteNumber("subjects", incident.Subjects);
        writer.WriteBoolean("unintelligible", incident.Unintelligible);
        writer.WriteStartArray("affected");
        foreach (var subject in incident.Affected)
        {
            SubjectWriter.Write(writer, subject, options);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    internal static BreachIncident ReadIncident(ref Utf8JsonReader reader, string prefix)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var where = prefix.Length == 0 ? null : prefix.TrimEnd('.');
            throw prefix.Length == 0
                ? CodedJsonReader.Fail("malformed-json", null, "The incident must be one JSON object with awareAt, categories and subjects.")
                : CodedJsonReader.Fail("invalid-field", where, $"'{where}' must be an incident object with awareAt, categories and subjects.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? id = null, description = null;
        Instant awareAt = default;
        List<DataCategoryId>? categories = null;
        int? subjects = null;
        var unintelligible = false;
        var affected = new List<DataSubject>();
        while (CodedJsonReader.NextProperty(ref reader, seen, prefix, out var name))
        {
            var field = prefix + name;
            switch (name)
            {
                case "id":
                    id = CodedJsonReader.String(ref reader, field);
                    break;
                case "description":
                    description = CodedJsonReader.String(ref reader, field);
                    break;
                case "awareAt":
                    awareAt = CodedJsonReader.Instant(ref reader, field);
                    break;
                case "categories":
                    categories = ReadCategories(ref reader, field);
                    break;
                case "subjects":
                    subjects = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var count) && count >= 0
                        ? count
                        : throw CodedJsonReader.Fail("invalid-field", field, $"'{field}' must be the number of affected people, a whole number of zero or more.");
                    break;
                case "unintelligible":
                    unintelligible = CodedJsonReader.Boolean(ref reader, field, " (true when the data was encrypted and the key is safe)");
                    break;
                case "affected":
                    ReadAffected(ref reader, field, affected);
                    break;
                default:
                    throw CodedJsonReader.Unknown(prefix, name, Fields);
            }
        }

        if (!seen.Contains("awareAt"))
        {
            throw CodedJsonReader.Fail("missing-field", prefix + "awareAt", $"The incident needs '{prefix}awareAt', when the controller became aware of the breach.");
        }

        if (categories is null)
        {
            throw CodedJsonReader.Fail("missing-field", prefix + "categories", $"The incident needs '{prefix}categories', a non-empty array of data category ids, such as [\"personal.email\"].");
        }

        if (subjects is null && affected.Count == 0)
        {
            throw CodedJsonReader.Fail("missing-field", prefix + "subjects", $"The incident needs '{prefix}subjects', the number of affected people (or an 'affected' list).");
        }

        return new BreachIncident(awareAt, categories, subjects ?? affected.Count, unintelligible, affected) { Id = id, Description = description };
    }

    private static List<DataCategoryId> ReadCategories(ref Utf8JsonReader reader, string field)
    {
        var categories = new List<DataCategoryId>();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var item = $"{field}[{categories.Count}]";
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw CodedJsonReader.Fail("invalid-field", item, $"'{item}' must be a data category id string.");
                }

                categories.Add(CodedJsonReader.Id(CodedJsonReader.String(ref reader, item)!, item, DataCategoryId.Parse, "unknown-category"));
            }
        }

        return categories.Count > 0
            ? categories
            : throw CodedJsonReader.Fail("invalid-field", field, $"'{field}' must be a non-empty array of data category ids, such as [\"personal.email\"].");
    }

    private static void ReadAffected(ref Utf8JsonReader reader, string field, List<DataSubject> affected)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw CodedJsonReader.Fail("invalid-field", field, $"'{field}' must be an array of subjects, each like a request's 'subject'.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            affected.Add(ReadSubject(ref reader, $"{field}[{affected.Count}]"));
        }
    }
}
