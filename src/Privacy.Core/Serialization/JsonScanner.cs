using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Privacy.Serialization;

/// <summary>
/// Explains why a JSON input could not be read, naming the field at fault: a property given twice in
/// one object (also when one spelling uses escapes, as <c>categor\u0079</c>), a string holding a lone
/// UTF-16 surrogate (<c>\ud800</c>) or bytes that are not UTF-8, or JSON that is not well formed. Runs
/// only after a fast reader has refused the input, so well-formed input never pays for it.
/// </summary>
internal static class JsonScanner
{
    /// <summary>The deepest nesting read, as System.Text.Json's serializer allows by default.</summary>
    public const int MaxDepth = 64;

    /// <summary>What is wrong with a JSON text, if anything the typed reader reports less precisely.</summary>
    /// <param name="Code">The stable error code: <c>malformed-json</c>, <c>duplicate-field</c> or <c>invalid-string</c>.</param>
    /// <param name="Field">The field at fault, as a dotted path with indices (<c>subject.events[0].at</c>); null for the whole text.</param>
    /// <param name="Message">What is wrong and how to fix it.</param>
    internal sealed record Finding(string Code, string? Field, string Message)
    {
        /// <summary>The finding as the error every reader throws.</summary>
        public PrivacyRequestException ToException() => new(Code, Field, Message);
    }

    /// <summary>The first problem in <paramref name="utf8"/>, or null when it is well-formed JSON with unique keys and whole strings.</summary>
    /// <param name="utf8">The JSON text.</param>
    /// <param name="prefix">Prepended to field paths, such as <c>line 3.</c>; empty for requests.</param>
    /// <param name="topLevelId">The root object's <c>id</c> string, when it could be read before the problem.</param>
    public static Finding? Find(ReadOnlySpan<byte> utf8, string prefix, out string? topLevelId)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        return Find(ref reader, prefix, out topLevelId);
    }

    /// <summary>
    /// The first problem in what <paramref name="reader"/> holds: the whole text when it has read nothing yet,
    /// otherwise the value whose first token it is on (how a converter is handed a value).
    /// </summary>
    /// <param name="reader">The reader; a copy taken before the fast reader moved it.</param>
    /// <param name="prefix">Prepended to field paths; empty for requests.</param>
    /// <param name="topLevelId">The root object's <c>id</c> string, when it could be read before the problem.</param>
    public static Finding? Find(ref Utf8JsonReader reader, string prefix, out string? topLevelId)
    {
        topLevelId = null;
        var whole = reader.TokenType == JsonTokenType.None;
        var pending = !whole;
        var frames = new List<Frame>();
        try
        {
            while (pending || reader.Read())
            {
                pending = false;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Advance(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartObject));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                    {
                        var frame = frames[^1];
                        if (!TryGetString(ref reader, out var name, out var why))
                        {
                            frame.Name = "?";
                            return new Finding("invalid-string", NullIfEmpty(Path(prefix, frames, includeLast: false)), $"A property name in '{Describe(prefix, frames)}' {why}");
                        }

                        frame.Name = name;
                        frame.NameSet = true;
                        if (!frame.Seen!.Add(name))
                        {
                            var field = Path(prefix, frames, includeLast: true);
                            return new Finding("duplicate-field", field, $"The field '{field}' appears more than once in the same object (perhaps spelled with escapes); give it once.");
                        }

                        break;
                    }

                    case JsonTokenType.String:
                    {
                        Advance(frames);
                        if (!TryGetString(ref reader, out var value, out var why))
                        {
                            var field = Path(prefix, frames, includeLast: true);
                            return new Finding("invalid-string", field, $"'{(field.Length == 0 ? "The value" : field)}' {why}");
                        }

                        if (frames.Count == 1 && frames[0].IsObject && frames[0].Name == "id")
                        {
                            topLevelId = value;
                        }

                        break;
                    }

                    default:
                        Advance(frames);
                        break;
                }

                if (!whole && frames.Count == 0)
                {
                    break;
                }
            }
        }
        catch (JsonException e)
        {
            return new Finding("malformed-json", prefix.Length == 0 ? null : prefix.TrimEnd('.'), $"Not valid JSON: {FirstSentence(e.Message)}");
        }

        return null;
    }

    /// <summary>Throws the first problem in <paramref name="utf8"/> as a <see cref="PrivacyRequestException"/>, naming the field.</summary>
    /// <param name="utf8">The JSON text.</param>
    /// <param name="prefix">Prepended to field paths, such as <c>subject.</c>.</param>
    public static void Require(ReadOnlySpan<byte> utf8, string prefix)
    {
        if (Find(utf8, prefix, out _) is { } finding)
        {
            throw finding.ToException();
        }
    }

    /// <summary>As <see cref="Require(ReadOnlySpan{byte}, string)"/>, for text already decoded.</summary>
    public static void Require(string json, string prefix) => Require(Encoding.UTF8.GetBytes(json), prefix);

    /// <summary>The first sentence of a System.Text.Json message, without the position it appends.</summary>
    public static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..(cut + 1)];
    }

    private static string? NullIfEmpty(string path) => path.Length == 0 ? null : path;

    /// <summary>Reads a string token; false when it has no UTF-16 text: its escapes spell a lone surrogate, or its bytes are not UTF-8.</summary>
    private static bool TryGetString(ref Utf8JsonReader reader, out string value, out string why)
    {
        try
        {
            value = reader.GetString()!;
            why = string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses "\ud800" without its low half, and bytes that are not UTF-8, with exactly this exception.
            value = string.Empty;
            why = reader.ValueIsEscaped
                ? "holds a lone UTF-16 surrogate (half of a pair, such as an escaped U+D800 on its own), which is not text; escape whole surrogate pairs only."
                : "holds bytes that are not UTF-8; JSON text is UTF-8.";
            return false;
        }
    }

    /// <summary>A value starts in the innermost container: in an array it is the next item.</summary>
    private static void Advance(List<Frame> frames)
    {
        if (frames.Count > 0 && !frames[^1].IsObject)
        {
            frames[^1].Index++;
        }
    }

    private static string Path(string prefix, List<Frame> frames, bool includeLast)
    {
        var path = new StringBuilder(prefix.TrimEnd('.'));
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            var last = i == frames.Count - 1;
            if (frame.IsObject)
            {
                if (frame.NameSet && (!last || includeLast))
                {
                    if (path.Length > 0)
                    {
                        path.Append('.');
                    }

                    path.Append(frame.Name);
                }
            }
            else
            {
                path.Append('[').Append(frame.Index).Append(']');
            }
        }

        return path.ToString();
    }

    private static string Describe(string prefix, List<Frame> frames)
    {
        var path = Path(prefix, frames, includeLast: false);
        return path.Length == 0 ? "the top-level object" : path;
    }

    private sealed class Frame(bool isObject)
    {
        public bool IsObject { get; } = isObject;

        public HashSet<string>? Seen { get; } = isObject ? new HashSet<string>(StringComparer.Ordinal) : null;

        public string Name { get; set; } = string.Empty;

        public bool NameSet { get; set; }

        public int Index { get; set; } = -1;
    }
}
