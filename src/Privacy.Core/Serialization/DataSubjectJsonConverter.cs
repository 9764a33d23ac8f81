using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Privacy.Serialization;

/// <summary>
/// Reads and writes a <see cref="DataSubject"/> in the shape of a request's <c>subject</c>:
/// <c>{"id"?:…,"hasEmail":bool,"events":[…]}</c>; <c>hasEmail</c> and <c>events</c> may be left out when false and empty.
/// </summary>
internal sealed class DataSubjectJsonConverter : JsonConverter<DataSubject>
{
    public override DataSubject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadSubject(ref reader, string.Empty, options);

    public override void Write(Utf8JsonWriter writer, DataSubject value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Id is { } id)
        {
            writer.WriteString("id", id);
        }

        writer.WriteBoolean("hasEmail", value.HasEmail);
        writer.WriteStartArray("events");
        foreach (var e in value.Events)
        {
            PrivacyEventJsonConverter.WriteEvent(writer, e);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    internal static DataSubject ReadSubject(ref Utf8JsonReader reader, string prefix, JsonSerializerOptions options)
    {
        JsonFieldReader.RequireStartObject(ref reader, "subject");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? id = null;
        var hasEmail = false;
        var events = ImmutableArray<PrivacyEvent>.Empty;
        while (JsonFieldReader.NextProperty(ref reader, seen, prefix, out var name))
        {
            switch (name)
            {
                case "id":
                    id = JsonFieldReader.NullableString(ref reader, prefix + name);
                    if (id is { Length: 0 })
                    {
                        throw new JsonException($"'{prefix}id' is empty; leave it out for an anonymous subject.");
                    }

                    break;
                case "hasEmail":
                    hasEmail = JsonFieldReader.Boolean(ref reader, prefix + name);
                    break;
                case "events":
                    events = JsonFieldReader.Objects(ref reader, prefix + name, options, PrivacyEventJsonConverter.ReadEvent);
                    break;
                default:
                    throw JsonFieldReader.Unknown(prefix, name);
            }
        }

        try
        {
            return new DataSubject(id, hasEmail, events);
        }
        catch (ArgumentException e)
        {
            // A blank or whitespace-only id (also line separators) passes the empty check above.
            throw new JsonException($"'{prefix}id' is not a valid subject id: {e.Message}", e);
        }
    }
}

/// <summary>
/// Reads and writes a <see cref="PrivacyEvent"/> as an event of a subject's history:
/// <c>{"type":"consent-granted","at":…,"purpose"?:…,"recipient"?:…,"version"?:…}</c>.
/// </summary>
internal sealed class PrivacyEventJsonConverter : JsonConverter<PrivacyEvent>
{
    public override PrivacyEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadEvent(ref reader, string.Empty, options);

    public override void Write(Utf8JsonWriter writer, PrivacyEvent value, JsonSerializerOptions options) => WriteEvent(writer, value);

    internal static void WriteEvent(Utf8JsonWriter writer, PrivacyEvent value)
    {
        writer.WriteStartObject();
        writer.WriteString("type", value.Kind.ToName());
        writer.WriteString("at", InstantJsonConverter.Format(value.At));
        if (value.Purpose is { } purpose)
        {
            writer.WriteString("purpose", purpose.Value);
        }

        if (value.Recipient is { } recipient)
        {
            writer.WriteString("recipient", recipient.Value);
        }

        if (value.Version is { } version)
        {
            writer.WriteString("version", version);
        }

        writer.WriteEndObject();
    }

    internal static PrivacyEvent ReadEvent(ref Utf8JsonReader reader, string prefix, JsonSerializerOptions options)
    {
        JsonFieldReader.RequireStartObject(ref reader, "event");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        PrivacyEventKind kind = default;
        Instant at = default;
        PurposeId? purpose = null;
        RecipientId? recipient = null;
        string? version = null;
        while (JsonFieldReader.NextProperty(ref reader, seen, prefix, out var name))
        {
            var field = prefix + name;
            switch (name)
            {
                case "type":
                    var type = JsonFieldReader.String(ref reader, field);
                    if (!PrivacyEventKinds.TryParse(type, out kind))
                    {
                        throw new JsonException($"'{field}' is one of {string.Join(", ", PrivacyEventKinds.All)}; found '{type}'.");
                    }

                    break;
                case "at":
                    at = JsonFieldReader.Instant(ref reader, field);
                    break;
                case "purpose":
                    purpose = JsonFieldReader.Id(JsonFieldReader.String(ref reader, field), field, PurposeId.Parse);
                    break;
                case "recipient":
                    recipient = JsonFieldReader.Id(JsonFieldReader.String(ref reader, field), field, RecipientId.Parse);
                    break;
                case "version":
                    version = JsonFieldReader.String(ref reader, field);
                    break;
                default:
                    throw JsonFieldReader.Unknown(prefix, name);
            }
        }

        JsonFieldReader.Require(seen, prefix, "type");
        JsonFieldReader.Require(seen, prefix, "at");
        try
        {
            return new PrivacyEvent(kind, at, purpose, recipient, version);
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"'{prefix.TrimEnd('.')}' is not a valid event: {e.Message}", e);
        }
    }
}
