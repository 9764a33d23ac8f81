using System;
using System.Collections.Generic;
using System.Text.Json;
using NodaTime;

namespace Privacy.Serialization;

/// <summary>
/// Reading helpers for documents a person writes and the <c>privacy</c> command reads, such as a breach
/// incident: every failure is a <see cref="JsonException"/> whose <see cref="Exception.InnerException"/> is a
/// <see cref="PrivacyRequestException"/> with the command's stable code (<c>duplicate-field</c>,
/// <c>invalid-string</c>, <c>invalid-instant</c>, <c>invalid-field</c>, <c>missing-field</c>,
/// <c>unknown-field</c>, …) and the field at fault, so a host and the command report the same error.
/// </summary>
internal static class CodedJsonReader
{
    /// <summary>A failure with a stable code, naming the field.</summary>
    public static JsonException Fail(string code, string? field, string message)
        => new(message, new PrivacyRequestException(code, field, message));

    /// <summary>Moves to the next property name; false at the end of the object. A name given twice or one that is not text fails.</summary>
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

        var where = prefix.Length == 0 ? null : prefix.TrimEnd('.');
        if (!TryGetText(ref reader, out name))
        {
            throw Fail("invalid-string", where, $"A property name in '{where ?? "the top-level object"}' holds a lone UTF-16 surrogate (half of a pair, such as an escaped U+D800 on its own), which is not text; escape whole surrogate pairs only.");
        }

        if (!seen.Add(name))
        {
            throw Fail("duplicate-field", prefix + name, $"The field '{prefix}{name}' appears more than once in the same object (perhaps spelled with escapes); give it once.");
        }

        if (!reader.Read())
        {
            throw new JsonException($"The JSON document ends before the value of '{prefix}{name}'.");
        }

        return true;
    }

    public static JsonException Unknown(string prefix, string name, string expected)
        => Fail("unknown-field", prefix + name, $"Unknown field '{prefix}{name}'; {expected}.");

    /// <summary>A string value; null for JSON null when <paramref name="nullable"/>.</summary>
    public static string? String(ref Utf8JsonReader reader, string field, bool nullable = false)
    {
        if (nullable && reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw Fail("invalid-field", field, $"'{field}' must be a string; found {Describe(reader.TokenType)}.");
        }

        return TryGetText(ref reader, out var text)
            ? text
            : throw Fail("invalid-string", field, $"'{field}' holds a lone UTF-16 surrogate (half of a pair, such as an escaped U+D800 on its own), which is not text; escape whole surrogate pairs only.");
    }

    /// <summary>An instant given as ISO-8601 text with an offset; empty text is a missing field.</summary>
    public static Instant Instant(ref Utf8JsonReader reader, string field, bool nullable = false)
    {
        var text = String(ref reader, field, nullable);
        if (string.IsNullOrEmpty(text))
        {
            throw Fail("missing-field", field, $"The input needs '{field}', an ISO-8601 instant with an offset such as 2026-03-01T09:30:00Z.");
        }

        try
        {
            return InstantJsonConverter.Parse(text, field);
        }
        catch (JsonException e)
        {
            // The text is echoed when it is short enough to be an instant at all; a longer one is described by its length.
            var message = text.Length > InstantJsonConverter.MaxLength ? e.Message : $"{e.Message.TrimEnd('.')}: '{text}'.";
            throw Fail("invalid-instant", field, message);
        }
    }

    public static bool Boolean(ref Utf8JsonReader reader, string field, string hint)
        => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Fail("invalid-field", field, $"'{field}' must be true or false{hint}."),
        };

    /// <summary>
    /// An id of a policy's vocabulary: empty text is a missing field, text that is not an id fails with
    /// <paramref name="unknownCode"/> (<c>unknown-category</c>, …), as an id no policy knows.
    /// </summary>
    public static T Id<T>(string text, string field, Func<string, T> parse, string unknownCode)
    {
        if (text.Length == 0)
        {
            throw Fail("missing-field", field, $"'{field}' is empty; it names an id of the policy.");
        }

        try
        {
            return parse(text);
        }
        catch (ArgumentException e)
        {
            throw Fail(unknownCode, field, $"'{field}' is not an id of any policy: {e.Message}");
        }
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>Reads a string or property name; false when its escapes spell a lone surrogate, which is not text.</summary>
    private static bool TryGetText(ref Utf8JsonReader reader, out string text)
    {
        try
        {
            text = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses "\ud800" without its low half with exactly this exception.
            text = string.Empty;
            return false;
        }
    }
}
