using System;
using System.Collections.Generic;
using System.Text.Json;
using NodaTime;

namespace Privacy.Serialization;

/// <content>Reading the affected subjects of an incident, each like a request's <c>subject</c>, with the command's error codes.</content>
internal sealed partial class BreachIncidentJsonConverter
{
    private const string SubjectFields = "a subject has id, hasEmail and events";
    private const string EventFields = "an event has type, at, purpose, recipient and version";

    /// <summary>Reads one subject: <c>{"id"?:…,"hasEmail"?:bool,"events"?:[…]}</c>; a null or absent id is an anonymous subject.</summary>
    internal static DataSubject ReadSubject(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw CodedJsonReader.Fail("invalid-field", field, $"'{field}' must be a subject object with id, hasEmail and events.");
        }

        var prefix = field + ".";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? id = null;
        var hasEmail = false;
        var events = new List<PrivacyEvent>();
        while (CodedJsonReader.NextProperty(ref reader, seen, prefix, out var name))
        {
            switch (name)
            {
                case "id":
                    id = CodedJsonReader.String(ref reader, prefix + name, nullable: true);
                    if (id is not null && string.IsNullOrWhiteSpace(id))
                    {
                        throw CodedJsonReader.Fail("invalid-field", prefix + name, $"'{prefix}id' must not be empty or blank; leave it out for an anonymous subject.");
                    }

                    break;
                case "hasEmail":
                    hasEmail = reader.TokenType != JsonTokenType.Null && CodedJsonReader.Boolean(ref reader, prefix + name, string.Empty);
                    break;
                case "events":
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        break;
                    }

                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw CodedJsonReader.Fail("invalid-field", prefix + name, $"'{prefix}events' must be an array of events.");
                    }

                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        events.Add(ReadEvent(ref reader, $"{prefix}events[{events.Count}]"));
                    }

                    break;
                default:
                    throw CodedJsonReader.Unknown(prefix, name, SubjectFields);
            }
        }

        return new DataSubject(id, hasEmail, events);
    }

    private static PrivacyEvent ReadEvent(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw CodedJsonReader.Fail("missing-field", field, $"'{field}' is null; each event is an object with 'type' and 'at'.");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw CodedJsonReader.Fail("invalid-field", field, $"'{field}' must be an event object with 'type' and 'at'.");
        }

        var prefix = field + ".";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        PrivacyEventKind? kind = null;
        Instant? at = null;
        PurposeId? purpose = null;
        RecipientId? recipient = null;
        string? version = null;
        while (CodedJsonReader.NextProperty(ref reader, seen, prefix, out var name))
        {
            var path = prefix + name;
            switch (name)
            {
                case "type":
                    var type = CodedJsonReader.String(ref reader, path, nullable: true);
                    if (string.IsNullOrEmpty(type))
                    {
                        break;
                    }

                    kind = PrivacyEventKinds.TryParse(type, out var parsed)
                        ? parsed
                        : throw CodedJsonReader.Fail("unknown-event-type", path, $"'{path}' is an unknown event type '{type}'; use one of {string.Join(", ", PrivacyEventKinds.All)}.");
                    break;
                case "at":
                    at = reader.TokenType == JsonTokenType.Null ? null : CodedJsonReader.Instant(ref reader, path);
                    break;
                case "purpose":
                    purpose = CodedJsonReader.String(ref reader, path, nullable: true) is { } p ? CodedJsonReader.Id(p, path, PurposeId.Parse, "unknown-purpose") : null;
                    break;
                case "recipient":
                    recipient = CodedJsonReader.String(ref reader, path, nullable: true) is { } r ? CodedJsonReader.Id(r, path, RecipientId.Parse, "unknown-recipient") : null;
                    break;
                case "version":
                    version = CodedJsonReader.String(ref reader, path, nullable: true);
                    break;
                default:
                    throw CodedJsonReader.Unknown(prefix, name, EventFields);
            }
        }

        if (kind is not { } k)
        {
            throw CodedJsonReader.Fail("missing-field", prefix + "type", $"The event needs '{prefix}type'.");
        }

        if (at is not { } instant)
        {
            throw CodedJsonReader.Fail("missing-field", prefix + "at", $"The event needs '{prefix}at', an ISO-8601 instant with an offset.");
        }

        if (k is PrivacyEventKind.ConsentGranted or PrivacyEventKind.ConsentWithdrawn && purpose is null && recipient is null)
        {
            throw CodedJsonReader.Fail("missing-field", prefix + "recipient", $"'{prefix}purpose' or '{prefix}recipient' is needed: a {k.ToName()} event names a purpose, a recipient or both.");
        }

        if (k is PrivacyEventKind.PolicyAccepted or PrivacyEventKind.PolicyNotified && string.IsNullOrWhiteSpace(version))
        {
            throw CodedJsonReader.Fail("missing-field", prefix + "version", $"'{prefix}version' is needed: a {k.ToName()} event names the policy version.");
        }

        return new PrivacyEvent(k, instant, purpose, recipient, version);
    }
}
