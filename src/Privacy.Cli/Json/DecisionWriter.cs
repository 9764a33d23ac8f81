using System;
using System.Buffers;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Privacy.Serialization;

namespace Privacy.Cli.Json;

/// <summary>Writes one JSON Lines result per call, straight to a byte stream, reusing one buffer.</summary>
internal sealed class DecisionWriter : IDisposable
{
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText ErrorName = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText CodeName = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText FieldName = JsonEncodedText.Encode("field");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");

    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _json;

    public DecisionWriter(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Writes a decision's result line through the library's JSON contract (<see cref="PrivacyJson.WriteDecision"/>).</summary>
    public void WriteDecision(string? id, in PrivacyDecision decision)
    {
        PrivacyJson.WriteDecision(_json, id, decision);
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
