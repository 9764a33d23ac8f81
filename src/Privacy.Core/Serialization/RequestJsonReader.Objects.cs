using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Privacy.Serialization;

/// <summary>The first step for the objects inside a request: <c>subject</c>, its events, <c>context</c>, and fields the contract does not have.</summary>
internal sealed partial class RequestJsonReader
{
    private static readonly byte[][] SubjectFields = ["id"u8.ToArray(), "hasEmail"u8.ToArray(), "events"u8.ToArray()];

    private static readonly byte[][] EventFields = ["type"u8.ToArray(), "at"u8.ToArray(), "purpose"u8.ToArray(), "recipient"u8.ToArray(), "version"u8.ToArray()];

    private static readonly string[] EventFieldNames = ["type", "at", "purpose", "recipient", "version"];

    private static readonly byte[][] ContextFields = ["locationFeatureInUse"u8.ToArray(), "confidentialityAgreement"u8.ToArray()];

    private static readonly string[] EventPaths = [.. Enumerable.Range(0, 16).Select(i => $"subject.events[{i}]")];

    /// <summary>The path of the event at <paramref name="index"/>, such as <c>subject.events[0]</c>.</summary>
    private static string EventPath(int index) => index < EventPaths.Length ? EventPaths[index] : $"subject.events[{index}]";

    private void ReadSubject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new Refused("subject");
        }

        var subject = _raw.Subject;
        _raw.HasSubject = true;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            var field = Match(ref reader, SubjectFields);
            if (field < 0)
            {
                Unknown(ref reader, subject.Unknown);
                continue;
            }

            Once(ref seen, field);
            reader.Read();
            switch (field)
            {
                case 0:
                    subject.Id = Text(ref reader, "subject.id");
                    break;
                case 1:
                    subject.HasEmail = Flag(ref reader, "subject.hasEmail");
                    break;
                default:
                    ReadEvents(ref reader, subject);
                    break;
            }
        }
    }

    private static void ReadEvents(ref Utf8JsonReader reader, RawSubject subject)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new Refused("subject.events");
        }

        subject.HasEvents = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var index = subject.Events.Count;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    subject.Events.Add(null);
                    break;
                case JsonTokenType.StartObject:
                    var e = subject.NextEvent();
                    ReadEvent(ref reader, e, index);
                    subject.Events.Add(e);
                    break;
                default:
                    throw new Refused(EventPath(index));
            }
        }
    }

    private static void ReadEvent(ref Utf8JsonReader reader, RawEvent e, int index)
    {
        var seen = 0;
        while (NextProperty(ref reader))
        {
            var field = Match(ref reader, EventFields);
            if (field < 0)
            {
                Unknown(ref reader, e.Unknown);
                continue;
            }

            Once(ref seen, field);
            reader.Read();
            if (field == 1)
            {
                e.At = reader.TokenType is JsonTokenType.String or JsonTokenType.Null ? Instant(ref reader, string.Empty) : throw new Refused(EventPath(index) + ".at");
                continue;
            }

            var text = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Null => null,
                _ => throw new Refused(EventPath(index) + "." + EventFieldNames[field]),
            };
            switch (field)
            {
                case 0:
                    e.Type = text;
                    break;
                case 2:
                    e.Purpose = text;
                    break;
                case 3:
                    e.Recipient = text;
                    break;
                default:
                    e.Version = text;
                    break;
            }
        }
    }

    private void ReadContext(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new Refused("context");
        }

        _raw.HasContext = true;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            var field = Match(ref reader, ContextFields);
            if (field < 0)
            {
                Unknown(ref reader, _raw.ContextUnknown);
                continue;
            }

            Once(ref seen, field);
            reader.Read();
            if (field == 0)
            {
                _raw.LocationFeatureInUse = Flag(ref reader, "context.locationFeatureInUse");
            }
            else
            {
                _raw.ConfidentialityAgreement = Flag(ref reader, "context.confidentialityAgreement");
            }
        }
    }

    /// <summary>
    /// A field the contract does not have: its name is kept for the <c>unknown-field</c> error, and its value is
    /// read through with the rules of the whole text (no name twice in an object, no property name that is not
    /// text), while its strings are left undecoded: they never become anything.
    /// </summary>
    private static void Unknown(ref Utf8JsonReader reader, List<string> names)
    {
        var name = reader.GetString()!;
        if (names.Contains(name))
        {
            throw new Refused(null);
        }

        names.Add(name);
        reader.Read();
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var objects = new List<HashSet<string>?> { reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null };
        while (objects.Count > 0)
        {
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    objects.Add(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.StartArray:
                    objects.Add(null);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    objects.RemoveAt(objects.Count - 1);
                    break;
                case JsonTokenType.PropertyName:
                    if (!objects[^1]!.Add(reader.GetString()!))
                    {
                        throw new Refused(null);
                    }

                    break;
            }
        }
    }
}
