using System;
using System.Buffers;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Privacy.Cli.Json;

/// <summary>Writes one JSON Lines result per call, straight to a byte stream, reusing one buffer.</summary>
internal sealed class DecisionWriter : IDisposable
{
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText EffectName = JsonEncodedText.Encode("effect");
    private static readonly JsonEncodedText ClausesName = JsonEncodedText.Encode("clauses");
    private static readonly JsonEncodedText UntilName = JsonEncodedText.Encode("until");
    private static readonly JsonEncodedText GroundsName = JsonEncodedText.Encode("grounds");
    private static readonly JsonEncodedText ObligationsName = JsonEncodedText.Encode("obligations");
    private static readonly JsonEncodedText ErrorName = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText CodeName = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText FieldName = JsonEncodedText.Encode("field");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText[] Effects =
    [
        JsonEncodedText.Encode("deny"), JsonEncodedText.Encode("permit"), JsonEncodedText.Encode("retain"), JsonEncodedText.Encode("delete"),
    ];

    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _json;

    public DecisionWriter(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public void WriteDecision(string? id, in PrivacyDecision decision)
    {
        _json.WriteStartObject();
        WriteId(id);
        _json.WriteString(EffectName, Effects[(int)decision.Effect]);
        _json.WriteStartArray(ClausesName);
        foreach (var clause in decision.Clauses)
        {
            _json.WriteStringValue(clause.Value);
        }

        _json.WriteEndArray();
        if (decision.Deadline is { } until)
        {
            Span<byte> text = stackalloc byte[20];
            if (TryFormatWholeSeconds(until, text))
            {
                _json.WriteString(UntilName, text);
            }
            else
            {
                _json.WriteString(UntilName, FormatInstant(until));
            }
        }

        if (!decision.Grounds.IsEmpty)
        {
            _json.WriteStartArray(GroundsName);
            foreach (var ground in decision.Grounds)
            {
                _json.WriteStringValue(ground.Value);
            }

            _json.WriteEndArray();
        }

        _json.WriteStartArray(ObligationsName);
        foreach (var obligation in decision.Obligations)
        {
            _json.WriteStartObject();
            _json.WriteString(IdName, obligation.Value);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        EndLine();
    }

    public void WriteError(string? id, PrivacyRequestException error)
    {
        _json.WriteStartObject();
        WriteId(id);
        _json.WriteStartObject(ErrorName);
        _json.WriteString(CodeName, error.Code);
        if (error.Field is null)
        {
            _json.WriteNull(FieldName);
        }
        else
        {
            _json.WriteString(FieldName, error.Field);
        }

        _json.WriteString(MessageName, error.Message);
        _json.WriteEndObject();
        _json.WriteEndObject();
        EndLine();
    }

    public void Flush()
    {
        _json.Flush();
        if (_buffer.WrittenCount > 0)
        {
            _output.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
        }

        _output.Flush();
    }

    public void Dispose()
    {
        Flush();
        _json.Dispose();
    }

    internal static string FormatInstant(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    /// <summary>
    /// Formats an instant on a whole second of years 1 to 9999 exactly as <see cref="FormatInstant"/>
    /// would (<c>2026-04-01T00:00:00Z</c>), straight into UTF-8; false for any other instant.
    /// </summary>
    internal static bool TryFormatWholeSeconds(Instant instant, Span<byte> utf8)
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

    private void WriteId(string? id)
    {
        if (id is null)
        {
            _json.WriteNull(IdName);
        }
        else
        {
            _json.WriteString(IdName, id);
        }
    }

    private void EndLine()
    {
        _json.Flush();
        _buffer.Write("\n"u8);
        _json.Reset(_buffer);
        if (_buffer.WrittenCount > 60 * 1024)
        {
            _output.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
        }
    }
}
