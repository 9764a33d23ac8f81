using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Privacy.Fuzz.Engine;

/// <summary>
/// Deterministic mutations of JSON inputs from a seeded <see cref="Random"/>: byte-level havoc (bit flips,
/// insertions, deletions, duplicated ranges, splicing with another input) and JSON-aware changes (values
/// and keys replaced by dictionary tokens, duplicate and escaped keys, deep nesting, huge numbers).
/// </summary>
public sealed class Mutator
{
    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1B, 0x20, 0x22, 0x2C, 0x2D, 0x2E, 0x30, 0x39, 0x3A, 0x5B, 0x5C, 0x5D, 0x7B, 0x7D, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFE, 0xFF];

    private readonly Random _random;
    private readonly byte[][] _stringContents;
    private readonly byte[][] _values;
    private readonly byte[][] _raw;
    private readonly string[] _keys;

    /// <param name="random">The source of every choice; the same seed gives the same mutations.</param>
    /// <param name="keys">Field names of the input format.</param>
    /// <param name="words">Extra strings for the target (vocabulary ids, event types).</param>
    public Mutator(Random random, IEnumerable<string> keys, IEnumerable<string> words)
    {
        _random = random;
        _keys = [.. keys];
        _stringContents = [.. Dictionary.StringContents.Concat(words).Concat(keys).Select(Encoding.UTF8.GetBytes)];
        _values = [.. Dictionary.Values.Select(Encoding.UTF8.GetBytes)];
        _raw = [.. Dictionary.Raw.Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>A mutated copy of <paramref name="input"/>, at most <paramref name="maxLength"/> bytes long.</summary>
    /// <param name="input">The input to start from; not changed.</param>
    /// <param name="other">Another corpus input, for splicing.</param>
    /// <param name="maxLength">The longest result.</param>
    public byte[] Mutate(byte[] input, byte[] other, int maxLength)
    {
        var data = new List<byte>(input);
        var count = 1 << _random.Next(3);
        for (var i = 0; i < count; i++)
        {
            MutateOnce(data, other);
        }

        if (data.Count > maxLength)
        {
            data.RemoveRange(maxLength, data.Count - maxLength);
        }

        return [.. data];
    }

    private void MutateOnce(List<byte> data, byte[] other)
    {
        switch (_random.Next(20))
        {
            case 0:
                FlipBit(data);
                break;
            case 1:
                SetByte(data);
                break;
            case 2:
                InsertRandomBytes(data);
                break;
            case 3:
                DeleteRange(data);
                break;
            case 4:
                DuplicateRange(data);
                break;
            case 5:
                Splice(data, other);
                break;
            case 6:
                data.InsertRange(Position(data), Pick(_raw));
                break;
            case 7 or 8 or 9:
                ReplaceStringContent(data);
                break;
            case 10:
                ReplaceValue(data);
                break;
            case 11 or 12:
                DuplicateKey(data);
                break;
            case 13:
                EscapeKeyCharacter(data);
                break;
            case 14:
                Nest(data);
                break;
            case 15:
                ReplaceNumber(data);
                break;
            case 16:
                ChangeDigit(data);
                break;
            case 17:
                RemoveProperty(data);
                break;
            case 18:
                AddProperty(data);
                break;
            default:
                SpliceLines(data, other);
                break;
        }
    }

    private int Position(List<byte> data) => _random.Next(data.Count + 1);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private void FlipBit(List<byte> data)
    {
        if (data.Count > 0)
        {
            var i = _random.Next(data.Count);
            data[i] ^= (byte)(1 << _random.Next(8));
        }
    }

    private void SetByte(List<byte> data)
    {
        if (data.Count > 0)
        {
            data[_random.Next(data.Count)] = Pick(InterestingBytes);
        }
    }

    private void InsertRandomBytes(List<byte> data)
    {
        var bytes = new byte[1 + _random.Next(8)];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = _random.Next(2) == 0 ? Pick(InterestingBytes) : (byte)_random.Next(256);
        }

        data.InsertRange(Position(data), bytes);
    }

    private void DeleteRange(List<byte> data)
    {
        if (data.Count > 0)
        {
            var start = _random.Next(data.Count);
            data.RemoveRange(start, 1 + _random.Next(Math.Min(32, data.Count - start)));
        }
    }

    private void DuplicateRange(List<byte> data)
    {
        if (data.Count > 0)
        {
            var start = _random.Next(data.Count);
            var length = 1 + _random.Next(Math.Min(64, data.Count - start));
            var chunk = data.GetRange(start, length);
            data.InsertRange(Position(data), chunk);
        }
    }

    private void Splice(List<byte> data, byte[] other)
    {
        if (other.Length == 0)
        {
            return;
        }

        var cut = Position(data);
        var from = _random.Next(other.Length);
        data.RemoveRange(cut, data.Count - cut);
        data.AddRange(other.AsSpan(from).ToArray());
    }

    /// <summary>Appends or inserts whole lines of another input, so multi-line inputs mix good and bad lines.</summary>
    private void SpliceLines(List<byte> data, byte[] other)
    {
        var lines = other.AsSpan().ToArray();
        var at = data.IndexOf((byte)'\n') is var nl && nl >= 0 && _random.Next(2) == 0 ? nl + 1 : data.Count;
        var chunk = new List<byte>(lines);
        if (chunk.Count == 0 || chunk[^1] != (byte)'\n')
        {
            chunk.Add((byte)'\n');
        }

        if (at == data.Count && data.Count > 0 && data[^1] != (byte)'\n')
        {
            chunk.Insert(0, (byte)'\n');
        }

        data.InsertRange(at, chunk);
    }

    private void ReplaceStringContent(List<byte> data)
    {
        var (strings, _, _) = JsonSpans.Scan(data);
        if (strings.Count == 0)
        {
            data.InsertRange(Position(data), [(byte)'"', .. Pick(_stringContents), (byte)'"']);
            return;
        }

        var s = Pick(strings);
        var contentStart = s.Start + 1;
        var contentEnd = Math.Max(contentStart, s.End - 1);
        var token = Pick(_stringContents);
        switch (_random.Next(4))
        {
            case 0:
                // Insert inside the string instead of replacing it.
                data.InsertRange(contentStart + _random.Next(contentEnd - contentStart + 1), token);
                break;
            case 1:
                // A long string: the token repeated.
                data.RemoveRange(contentStart, contentEnd - contentStart);
                var repeat = new List<byte>();
                var times = 1 << _random.Next(3, 10);
                for (var i = 0; i < times && repeat.Count < 1024; i++)
                {
                    repeat.AddRange(token.Length == 0 ? [(byte)'a'] : token);
                }

                data.InsertRange(contentStart, repeat);
                break;
            default:
                data.RemoveRange(contentStart, contentEnd - contentStart);
                data.InsertRange(contentStart, token);
                break;
        }
    }

    private void ReplaceValue(List<byte> data)
    {
        var (_, properties, _) = JsonSpans.Scan(data);
        if (properties.Count == 0)
        {
            return;
        }

        var p = Pick(properties);
        data.RemoveRange(p.Value.Start, p.Value.Length);
        data.InsertRange(p.Value.Start, _random.Next(2) == 0 ? Pick(_values) : [(byte)'"', .. Pick(_stringContents), (byte)'"']);
    }

    /// <summary>Repeats a property with another value, its name written as is or with a character escaped (<c>categor\u0079</c>).</summary>
    private void DuplicateKey(List<byte> data)
    {
        var (_, properties, _) = JsonSpans.Scan(data);
        if (properties.Count == 0)
        {
            return;
        }

        var p = Pick(properties);
        var name = data.GetRange(p.Name.Start, p.Name.Length);
        if (_random.Next(2) == 0)
        {
            name = EscapeOne(name);
        }

        var source = Pick(properties).Value;
        List<byte> value = _random.Next(3) switch
        {
            0 => data.GetRange(source.Start, source.Length),
            1 => [(byte)'"', .. Pick(_stringContents), (byte)'"'],
            _ => [.. Pick(_values)],
        };
        if (_random.Next(2) == 0)
        {
            // Before the original: the original comes last and would win in a last-wins reader.
            data.InsertRange(p.Name.Start, [.. name, (byte)':', .. value, (byte)',']);
        }
        else
        {
            data.InsertRange(p.Value.End, [(byte)',', .. name, (byte)':', .. value]);
        }
    }

    private void EscapeKeyCharacter(List<byte> data)
    {
        var (_, properties, _) = JsonSpans.Scan(data);
        if (properties.Count == 0)
        {
            return;
        }

        var p = Pick(properties);
        var escaped = EscapeOne(data.GetRange(p.Name.Start, p.Name.Length));
        data.RemoveRange(p.Name.Start, p.Name.Length);
        data.InsertRange(p.Name.Start, escaped);
    }

    /// <summary>A copy of a string literal with one ASCII letter written as <c>\u00XX</c>.</summary>
    private List<byte> EscapeOne(List<byte> literal)
    {
        var letters = Enumerable.Range(1, Math.Max(0, literal.Count - 2)).Where(i => char.IsAsciiLetter((char)literal[i]) && literal[i - 1] != (byte)'\\').ToList();
        if (letters.Count == 0)
        {
            return literal;
        }

        var at = Pick(letters);
        var copy = new List<byte>(literal);
        var escape = Encoding.ASCII.GetBytes($"\\u{literal[at]:x4}");
        copy.RemoveAt(at);
        copy.InsertRange(at, escape);
        return copy;
    }

    private void Nest(List<byte> data)
    {
        var (_, properties, _) = JsonSpans.Scan(data);
        var depth = 1 + _random.Next(_random.Next(2) == 0 ? 8 : 200);
        var (start, end) = properties.Count == 0 ? (Position(data), -1) : (Pick(properties).Value.Start, 0);
        if (end == 0)
        {
            end = JsonSpans.ValueEnd(data, start);
        }

        var array = _random.Next(2) == 0;
        var open = array ? "[" : "{\"a\":";
        var close = array ? "]" : "}";
        if (end >= 0)
        {
            data.InsertRange(end, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(close, depth))));
        }

        data.InsertRange(start, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(open, depth))));
    }

    private void ReplaceNumber(List<byte> data)
    {
        var (_, _, numbers) = JsonSpans.Scan(data);
        if (numbers.Count == 0)
        {
            return;
        }

        var n = Pick(numbers);
        data.RemoveRange(n.Start, n.Length);
        data.InsertRange(n.Start, Pick(_values));
    }

    private void ChangeDigit(List<byte> data)
    {
        var digits = new List<int>();
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i] >= (byte)'0' && data[i] <= (byte)'9')
            {
                digits.Add(i);
            }
        }

        if (digits.Count > 0)
        {
            var at = Pick(digits);
            data[at] = _random.Next(3) == 0 ? (byte)'9' : (byte)('0' + _random.Next(10));
        }
    }

    private void RemoveProperty(List<byte> data)
    {
        var (_, properties, _) = JsonSpans.Scan(data);
        if (properties.Count == 0)
        {
            return;
        }

        var p = Pick(properties);
        var end = p.Value.End;
        if (end < data.Count && data[end] == (byte)',')
        {
            end++;
        }

        data.RemoveRange(p.Name.Start, end - p.Name.Start);
    }

    private void AddProperty(List<byte> data)
    {
        var brace = data.IndexOf((byte)'{');
        if (brace < 0)
        {
            return;
        }

        var key = _random.Next(4) == 0 ? EscapeOne([.. Encoding.UTF8.GetBytes($"\"{Pick(_keys)}\"")]) : [.. Encoding.UTF8.GetBytes($"\"{Pick(_keys)}\"")];
        List<byte> value = _random.Next(2) == 0 ? [(byte)'"', .. Pick(_stringContents), (byte)'"'] : [.. Pick(_values)];
        data.InsertRange(brace + 1, [.. key, (byte)':', .. value, (byte)',']);
    }
}
