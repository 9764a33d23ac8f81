using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Privacy.Cli.Json;

/// <summary>How every command writes a JSON answer: one readable document on standard output, then a newline.</summary>
internal static class CliJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteDocument(Stream output, Action<Utf8JsonWriter> write, bool indented = true)
    {
        using (var json = new Utf8JsonWriter(output, indented ? Indented : Compact))
        {
            write(json);
        }

        output.WriteByte((byte)'\n');
        output.Flush();
    }

    public static void WriteStringOrNull(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    public static void WriteStringArray(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>Writes <c>"error": { "code", "field", "message" }</c>, the shape every command reports bad input in.</summary>
    public static void WriteError(this Utf8JsonWriter json, string code, string? field, string message)
    {
        json.WriteStartObject("error");
        json.WriteString("code", code);
        json.WriteStringOrNull("field", field);
        json.WriteString("message", message);
        json.WriteEndObject();
    }
}
