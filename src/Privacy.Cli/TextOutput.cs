using System;
using System.Globalization;
using System.Text;

namespace Privacy.Cli;

/// <summary>
/// Makes untrusted text safe to print in a human-readable output: every text output of the command
/// (explain, plans, findings, diffs, problems on standard error) passes ids, values and messages that
/// came from an input through <see cref="Escape(string?)"/>, so that a newline or a terminal escape
/// sequence in an id cannot start a line of its own or rewrite the screen.
/// </summary>
internal static class TextOutput
{
    /// <summary>The longest stretch of one untrusted value printed; the rest is cut and counted.</summary>
    public const int MaxValueLength = 1000;

    /// <summary>
    /// <paramref name="text"/> with control characters (C0, DEL, C1), line and paragraph separators,
    /// bidirectional overrides and lone surrogates written as <c>\n</c>, <c>\r</c>, <c>\t</c> or
    /// <c>\uXXXX</c>, and backslashes doubled so that an escape cannot be forged either. Text longer
    /// than <see cref="MaxValueLength"/> characters is cut, saying how many were left out.
    /// </summary>
    public static string Escape(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var length = Math.Min(text.Length, MaxValueLength);
        var i = 0;
        while (i < length && !NeedsEscape(text, i))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        // A pair cut in half by the length limit is not split.
        if (length < text.Length && char.IsHighSurrogate(text[length - 1]) && char.IsLowSurrogate(text[length]))
        {
            length++;
        }

        var builder = new StringBuilder(length + 16);
        builder.Append(text, 0, i);
        for (; i < length; i++)
        {
            var c = text[i];
            if (!NeedsEscape(text, i))
            {
                builder.Append(c);
                continue;
            }

            builder.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }

        if (length < text.Length)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… ({text.Length - length} more characters)");
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        return c < 0x20 || c is '\\' or (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C'
            || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));
    }
}
