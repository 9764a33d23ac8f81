using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;

namespace Privacy.Serialization;

/// <summary>
/// Reading helpers shared by the converters: every failure is a <see cref="JsonException"/> that names
/// the field, so a malformed document can never be read as a default (and never as a permit).
/// </summary>
internal static class JsonFieldReader
{
    public static void RequireStartObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A {what} is a JSON object; found {reader.TokenType}.");
        }
    }

    /// <summary>Moves to the next property name; false at the end of the object.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader, HashSet<string> seen, string prefix, out string name)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON document ends inside an object.");
        }

        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = string.Empty;
            return false;
        }

        name = String(ref reader, prefix + "(name)");
        if (!seen.Add(name))
        {
            throw new JsonException($"Field '{prefix}{name}' appears twice.");
        }

        if (!reader.Read())
        {
            throw new JsonException($"The JSON document ends before the value of '{prefix}{name}'.");
        }

        return true;
    }

    public static JsonException Unknown(string prefix, string name) => new($"Unknown field '{prefix}{name}'.");

    public static void Require(HashSet<string> seen, string prefix, string name)
    {
        if (!seen.Contains(name))
        {
            throw new JsonException($"Missing field '{prefix}{name}'.");
        }
    }

    public static string String(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            throw new JsonException($"'{field}' is a string; found {reader.TokenType}.");
        }

        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            // A lone surrogate (\uD800) has no UTF-16 string: the text is bad, and so is the field.
            throw new JsonException($"'{field}' is not valid text: {e.Message}", e);
        }
    }

    public static string? NullableString(ref Utf8JsonReader reader, string field)
        => reader.TokenType == JsonTokenType.Null ? null : String(ref reader, field);

    public static bool Boolean(ref Utf8JsonReader reader, string field)
        => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw new JsonException($"'{field}' is true or false; found {reader.TokenType}."),
        };

    public static Instant Instant(ref Utf8JsonReader reader, string field)
        => InstantJsonConverter.Parse(String(ref reader, field), field);

    public static ImmutableArray<T> Strings<T>(ref Utf8JsonReader reader, string field, Func<string, T> parse)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"'{field}' is an array of strings; found {reader.TokenType}.");
        }

        var items = ImmutableArray.CreateBuilder<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(Id(String(ref reader, $"{field}[{items.Count}]"), $"{field}[{items.Count}]", parse));
        }

        return items.ToImmutable();
    }

    public static T Id<T>(string text, string field, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"'{field}' is not a valid id: {e.Message}", e);
        }
    }

    public static ImmutableArray<T> Objects<T>(ref Utf8JsonReader reader, string field, JsonSerializerOptions options, ReadItem<T> read)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"'{field}' is an array of objects; found {reader.TokenType}.");
        }

        var items = ImmutableArray.CreateBuilder<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(read(ref reader, $"{field}[{items.Count}].", options));
        }

        return items.ToImmutable();
    }

    public delegate T ReadItem<out T>(ref Utf8JsonReader reader, string prefix, JsonSerializerOptions options);

    public static void WriteStrings<T>(Utf8JsonWriter writer, string name, ImmutableArray<T> values, Func<T, string> text)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(text(value));
        }

        writer.WriteEndArray();
    }
}
