using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Unicode;

using Privacy.Internal;

namespace Privacy.Documents;

/// <summary>
/// Finds strings and property names whose escapes spell a lone UTF-16 surrogate (<c>"\ud800"</c>), or whose
/// bytes are not UTF-8: well-formed JSON to the reader, but not text, which <see cref="JsonElement.GetString"/>
/// refuses to decode.
/// </summary>
internal static class BrokenStrings
{
    /// <summary>The JSON Pointers of every such string in a well-formed document, in document order, each with whether its bytes are not UTF-8.</summary>
    public static List<(string Pointer, bool InvalidUtf8)> Find(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        var found = new List<(string Pointer, bool InvalidUtf8)>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });

        // Per open container: the current property name (objects) or the index of the current item (arrays).
        var path = new List<(bool IsObject, string Name, int Index)>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    Next(path);
                    path.Add((reader.TokenType == JsonTokenType.StartObject, string.Empty, -1));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    break;
                case JsonTokenType.PropertyName:
                    var name = Decode(ref reader, out var invalidName);
                    path[^1] = (true, name ?? "\uFFFD", -1);
                    if (name is null)
                    {
                        found.Add((Pointer(path), invalidName));
                    }

                    break;
                case JsonTokenType.String:
                    Next(path);
                    if (Decode(ref reader, out var invalidValue) is null)
                    {
                        found.Add((Pointer(path), invalidValue));
                    }

                    break;
                default:
                    Next(path);
                    break;
            }
        }

        return found;
    }

    private static string? Decode(ref Utf8JsonReader reader, out bool invalidUtf8)
    {
        // The reader checks the JSON syntax, not the bytes inside strings; escapes are ASCII, so the raw bytes tell.
        invalidUtf8 = !Utf8.IsValid(reader.ValueSpan);
        if (invalidUtf8)
        {
            return null;
        }

        if (!reader.ValueIsEscaped)
        {
            return reader.GetString();
        }

        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses an escaped lone surrogate with exactly this exception.
            return null;
        }
    }

    private static void Next(List<(bool IsObject, string Name, int Index)> path)
    {
        if (path.Count > 0 && !path[^1].IsObject)
        {
            path[^1] = (false, string.Empty, path[^1].Index + 1);
        }
    }

    private static string Pointer(List<(bool IsObject, string Name, int Index)> path)
    {
        var pointer = string.Empty;
        foreach (var (isObject, name, index) in path)
        {
            pointer += "/" + (isObject ? JsonPointer.Escape(name) : index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return pointer;
    }
}
