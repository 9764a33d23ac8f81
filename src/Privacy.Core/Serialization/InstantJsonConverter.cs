using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using Privacy.Internal;

namespace Privacy.Serialization;

/// <summary>
/// Reads and writes an <see cref="Instant"/> as ISO-8601 text: written in UTC with <c>Z</c>
/// (<c>2026-04-01T00:00:00Z</c>), read with any offset (<c>2026-04-01T02:00:00+02:00</c>).
/// </summary>
internal sealed class InstantJsonConverter : JsonConverter<Instant>
{
    /// <summary>The longest instant text read.</summary>
    public const int MaxLength = InstantText.MaxLength;

    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => JsonFieldReader.Instant(ref reader, "instant");

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        Span<byte> text = stackalloc byte[20];
        if (TryFormatWholeSeconds(value, text))
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteStringValue(Format(value));
        }
    }

    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static Instant Parse(string text, string field) => InstantText.Read(text, out var instant) switch
    {
        InstantTextResult.Instant => instant,
        InstantTextResult.TooLong => throw new JsonException($"'{field}' is not an ISO-8601 instant: it is {text.Length} characters long; an instant needs at most {MaxLength}."),
        InstantTextResult.OutOfRange => throw new JsonException($"'{field}' is outside the instants that can be represented (offsets are at most ±18:00, instants end with the year 9999)."),
        _ => throw new JsonException($"'{field}' is not an ISO-8601 instant with an offset, such as 2026-03-01T09:30:00Z."),
    };

    /// <summary>
    /// Formats an instant on a whole second of years 1 to 9999 exactly as <see cref="Format"/> would
    /// (<c>2026-04-01T00:00:00Z</c>), straight into UTF-8 without allocating; false for any other instant.
    /// </summary>
    public static bool TryFormatWholeSeconds(Instant instant, Span<byte> utf8)
    {
        var utc = instant.InUtc();
        if (utc.NanosecondOfSecond != 0 || utc.Year < 1 || utc.Year > 9999)
        {
            return false;
        }

        Write4(utf8, 0, utc.Year);
        utf8[4] = (byte)'-';
        Write2(utf8, 5, utc.Month);
        utf8[7] = (byte)'-';
        Write2(utf8, 8, utc.Day);
        utf8[10] = (byte)'T';
        Write2(utf8, 11, utc.Hour);
        utf8[13] = (byte)':';
        Write2(utf8, 14, utc.Minute);
        utf8[16] = (byte)':';
        Write2(utf8, 17, utc.Second);
        utf8[19] = (byte)'Z';
        return true;

        static void Write2(Span<byte> to, int at, int value)
        {
            to[at] = (byte)('0' + (value / 10));
            to[at + 1] = (byte)('0' + (value % 10));
        }

        static void Write4(Span<byte> to, int at, int value)
        {
            Write2(to, at, value / 100);
            Write2(to, at + 2, value % 100);
        }
    }
}
