using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Privacy.Fuzz.Targets;

/// <summary>Checks shared by the targets: exit statuses, text output, and what a well-formed JSON line is.</summary>
public static class Oracles
{
    /// <summary>The statuses a command may end with on any input: 0, 1 (findings/significant), 64 or 65.</summary>
    public static void ExpectExitCode(CliResult result, string command, params int[] allowed)
    {
        if (Array.IndexOf(allowed, result.ExitCode) < 0)
        {
            throw new FuzzOracleException($"unexpected exit status: {command} exited {result.ExitCode}; stderr: {Truncate(result.Error)}");
        }
    }

    /// <summary>Text meant for a terminal carries no control characters but line breaks and tabs.</summary>
    public static void ExpectPrintable(string text, string what)
    {
        foreach (var c in text)
        {
            if ((c < 0x20 && c is not '\n' and not '\t') || c is '\u007f' or (>= '\u0080' and <= '\u009f') or '\u2028' or '\u2029')
            {
                throw new FuzzOracleException($"control character in text output: {what} wrote U+{(int)c:X4}");
            }
        }
    }

    /// <summary>
    /// Whether a line is one strict JSON object (RFC 8259): no comments, no trailing commas, every string valid
    /// UTF-16 (no lone surrogate, even escaped), no two properties of an object with the same name once escapes
    /// are decoded.
    /// </summary>
    public static bool IsWellFormedObject(string line, out string reason)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256 });
        var names = new Stack<HashSet<string>>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                reason = "not an object";
                return false;
            }

            names.Push(new HashSet<string>(StringComparer.Ordinal));
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (HasLoneSurrogate(name))
                        {
                            reason = "a name holds a lone surrogate";
                            return false;
                        }

                        if (!names.Peek().Add(name))
                        {
                            reason = $"duplicate name '{name}'";
                            return false;
                        }

                        break;
                    case JsonTokenType.String:
                        if (HasLoneSurrogate(reader.GetString()!))
                        {
                            reason = "a string holds a lone surrogate";
                            return false;
                        }

                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            reason = $"not JSON ({e.GetType().Name})";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    public static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The non-blank lines of a UTF-8 input as the CLI documents reading them: lines end at <c>\n</c>, <c>\r\n</c>
    /// or <c>\r</c>; a UTF-8 byte-order mark is skipped; invalid UTF-8 reads as U+FFFD. Null for UTF-16/32 input.
    /// </summary>
    public static List<string>? NonBlankLines(byte[] input)
    {
        var span = input.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            return null;
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        var lines = new List<string>();
        while (true)
        {
            var i = span.IndexOfAny((byte)'\r', (byte)'\n');
            var line = i < 0 ? span : span[..i];
            var text = Encoding.UTF8.GetString(line);
            if (!string.IsNullOrWhiteSpace(text))
            {
                lines.Add(text);
            }

            if (i < 0)
            {
                return lines;
            }

            span = span[(i + (span[i] == (byte)'\r' && i + 1 < span.Length && span[i + 1] == (byte)'\n' ? 2 : 1))..];
        }
    }

    /// <summary>The lines of a command's standard output, the last line break not counting as a line.</summary>
    public static List<string> OutputLines(CliResult result)
    {
        var text = result.OutputText;
        var lines = new List<string>(text.Split('\n'));
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>A short, digit-free form of a message, to tell outcomes apart without making every input new.</summary>
    public static string Shape(string text)
    {
        var builder = new StringBuilder();
        var quoted = false;
        foreach (var c in text.Length > 160 ? text[..160] : text)
        {
            if (c == '\'')
            {
                quoted = !quoted;
                continue;
            }

            if (!quoted && !char.IsDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Truncate(string text) => text.Length <= 300 ? text.Trim() : text[..300] + "...";
}
