using System;
using System.Linq;
using System.Text.Json;

namespace Privacy.Serialization;

/// <summary>The first step token by token: names matched without decoding, values of the expected type or a refusal.</summary>
internal sealed partial class RequestJsonReader
{
    /// <summary>Moves to the next property name of an object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>The index of the name or string the reader is on among <paramref name="names"/>, escapes decoded; -1 when none.</summary>
    private static int Match(ref Utf8JsonReader reader, byte[][] names)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var span = reader.ValueSpan;
            for (var i = 0; i < names.Length; i++)
            {
                if (span.SequenceEqual(names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Refuses a field given twice in one object.</summary>
    private static void Once(ref int seen, int field)
    {
        if ((seen & (1 << field)) != 0)
        {
            throw new Refused(null);
        }

        seen |= 1 << field;
    }

    /// <summary>A string field (or null); anything else is a value of the wrong type.</summary>
    private static string? Text(ref Utf8JsonReader reader, string field)
        => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new Refused(field),
        };

    /// <summary>An instant field: parsed at once when it has the usual form, otherwise kept as text for the checks.</summary>
    private static RawInstant Instant(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (!reader.ValueIsEscaped && !reader.HasValueSequence && RequestValues.TryUtcSeconds(reader.ValueSpan, out var instant))
                {
                    return new RawInstant { Present = true, Parsed = true, Value = instant };
                }

                return new RawInstant { Present = true, Text = reader.GetString() };
            case JsonTokenType.Null:
                return default;
            default:
                throw new Refused(field);
        }
    }

    /// <summary>What a field of the contract holds, for the wrong-type error.</summary>
    private static string Expected(string field)
    {
        var name = field[(field.LastIndexOf('.') + 1)..];
        return name switch
        {
            "hasEmail" or "locationFeatureInUse" or "confidentialityAgreement" => "it is true or false",
            "grounds" => "it is an array of ground ids",
            "subject" => "it is an object with 'id', 'hasEmail' and 'events'",
            "events" => "it is an array of event objects",
            "context" => "it is an object with 'locationFeatureInUse' and 'confidentialityAgreement'",
            _ when name.EndsWith(']') && name.StartsWith("events", StringComparison.Ordinal) => "each event is an object with 'type' and 'at'",
            _ => "it is a string",
        };
    }

    private static string GroundField(int index) => index < GroundFields.Length ? GroundFields[index] : $"grounds[{index}]";

    private static readonly string[] GroundFields = [.. Enumerable.Range(0, 16).Select(i => $"grounds[{i}]")];

    /// <summary>The first step refused the input; <see cref="Field"/> names a value of the wrong type, null for anything else.</summary>
    private sealed class Refused(string? field) : Exception
    {
        public string? Field { get; } = field;
    }
    /// <summary>A true/false field (or null); anything else is a value of the wrong type.</summary>
    private static bool? Flag(ref Utf8JsonReader reader, string field)
        => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => null,
            _ => throw new Refused(field),
        };
}
