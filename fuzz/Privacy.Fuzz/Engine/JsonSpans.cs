using System.Collections.Generic;

namespace Privacy.Fuzz.Engine;

/// <summary>
/// A forgiving scan of JSON-looking bytes for string literals, property names and their values, so the
/// mutator can change values and keys without a parser (the input is often no longer valid JSON).
/// </summary>
public static class JsonSpans
{
    /// <summary>A span of bytes: <c>[Start, End)</c>.</summary>
    public readonly record struct Span(int Start, int End)
    {
        public int Length => End - Start;
    }

    /// <summary>A property: its name literal (quotes included) and its value.</summary>
    public readonly record struct Property(Span Name, Span Value);

    /// <summary>Every string literal (quotes included) and every property found.</summary>
    public static (List<Span> Strings, List<Property> Properties, List<Span> Numbers) Scan(IReadOnlyList<byte> data)
    {
        var strings = new List<Span>();
        var properties = new List<Property>();
        var numbers = new List<Span>();
        var i = 0;
        while (i < data.Count)
        {
            var b = data[i];
            if (b == (byte)'"')
            {
                var end = StringEnd(data, i);
                var literal = new Span(i, end);
                strings.Add(literal);
                var colon = SkipSpace(data, end);
                if (colon < data.Count && data[colon] == (byte)':')
                {
                    var valueStart = SkipSpace(data, colon + 1);
                    if (valueStart < data.Count)
                    {
                        properties.Add(new Property(literal, new Span(valueStart, ValueEnd(data, valueStart))));
                    }
                }

                i = end;
            }
            else if (b == (byte)'-' || (b >= (byte)'0' && b <= (byte)'9'))
            {
                var end = i + 1;
                while (end < data.Count && IsNumberByte(data[end]))
                {
                    end++;
                }

                numbers.Add(new Span(i, end));
                i = end;
            }
            else
            {
                i++;
            }
        }

        return (strings, properties, numbers);
    }

    /// <summary>The end (exclusive) of the value that starts at <paramref name="start"/>.</summary>
    public static int ValueEnd(IReadOnlyList<byte> data, int start)
    {
        var b = data[start];
        if (b == (byte)'"')
        {
            return StringEnd(data, start);
        }

        if (b is (byte)'{' or (byte)'[')
        {
            var depth = 0;
            var i = start;
            while (i < data.Count)
            {
                var c = data[i];
                if (c == (byte)'"')
                {
                    i = StringEnd(data, i);
                    continue;
                }

                if (c is (byte)'{' or (byte)'[')
                {
                    depth++;
                }
                else if (c is (byte)'}' or (byte)']')
                {
                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }

                i++;
            }

            return data.Count;
        }

        var end = start;
        while (end < data.Count && data[end] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            end++;
        }

        return end == start ? start + 1 : end;
    }

    private static int StringEnd(IReadOnlyList<byte> data, int start)
    {
        var i = start + 1;
        while (i < data.Count)
        {
            var c = data[i];
            if (c == (byte)'\\')
            {
                i += 2;
                continue;
            }

            if (c == (byte)'"')
            {
                return i + 1;
            }

            if (c == (byte)'\n')
            {
                return i;
            }

            i++;
        }

        return data.Count;
    }

    private static int SkipSpace(IReadOnlyList<byte> data, int i)
    {
        while (i < data.Count && data[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    private static bool IsNumberByte(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (byte)'.' or (byte)'e' or (byte)'E' or (byte)'+' or (byte)'-';
}
