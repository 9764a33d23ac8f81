using System;
using System.Text.Json;
using Privacy.Compilation;

namespace Privacy.Serialization;

/// <summary>
/// Reads a request in the shape of a <c>privacy decide</c> line: the one reading the command, <see cref="PrivacyJson"/>
/// and the request converters share. Fail-closed: what cannot be read is a <see cref="PrivacyRequestException"/>
/// with a stable code and the field at fault, never a request.
/// </summary>
/// <remarks>
/// <para>Reading has two steps. The first reads the JSON into the contract's fields in one pass with
/// <see cref="Utf8JsonReader"/>, refusing what is not one strict JSON object: malformed JSON, a field given twice
/// (also when spelled with escapes, and inside fields the contract does not have), a property name or a field's
/// string with a lone surrogate, a value of the wrong type. Only then does <see cref="JsonScanner"/> read the text again
/// to say precisely what and where. The second step checks the values in the order the contract lists the
/// fields (unknown fields, <c>action</c>, <c>at</c>, the ids, <c>collectedAt</c>, <c>grounds</c>, <c>context</c>,
/// <c>subject</c>), so the first error reported is always the same one.</para>
/// <para>With a policy's vocabulary every id the request names must be known to it, also ids its action does not
/// use and those of the subject's events; without one, ids are checked for their syntax only, and the policy checks
/// the ids the action uses when it decides.</para>
/// <para>An instance reuses its buffers from one request to the next: use it from one thread at a time
/// (<see cref="ForThisThread"/> is one for each thread).</para>
/// </remarks>
internal sealed partial class RequestJsonReader
{
    /// <summary>The longest request read, in bytes: 1 MiB, as for a line of <c>privacy decide</c>.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = JsonScanner.MaxDepth };
    private static readonly string[] ActionNames = ["collect", "use", "disclose", "communicate", "retain"];
    private static readonly byte[][] ActionBytes = [.. Array.ConvertAll(ActionNames, System.Text.Encoding.UTF8.GetBytes)];

    private static readonly byte[][] Fields =
    [
        "id"u8.ToArray(), "action"u8.ToArray(), "at"u8.ToArray(), "category"u8.ToArray(), "purpose"u8.ToArray(),
        "recipient"u8.ToArray(), "reason"u8.ToArray(), "message"u8.ToArray(), "channel"u8.ToArray(),
        "collectedAt"u8.ToArray(), "grounds"u8.ToArray(), "subject"u8.ToArray(), "context"u8.ToArray(),
    ];

    [ThreadStatic]
    private static RequestJsonReader? t_reader;

    private readonly RawRequest _raw = new();
    private CompiledVocabulary? _vocabulary;

    /// <summary>Gets a reader for the calling thread, whose buffers the next read on this thread reuses.</summary>
    public static RequestJsonReader ForThisThread => t_reader ??= new RequestJsonReader();

    /// <summary>Reads one whole JSON text, such as a line of <c>privacy decide</c>.</summary>
    /// <param name="utf8">The text, UTF-8.</param>
    /// <param name="vocabulary">The policy's ids, which every id the request names must be among; null to check their syntax only.</param>
    /// <param name="id">The request's id, to echo back: also when reading fails, if it could be read before the fault.</param>
    /// <returns>The request.</returns>
    /// <exception cref="PrivacyRequestException">The text is not a request; the code and field say why.</exception>
    public PrivacyRequest Read(ReadOnlySpan<byte> utf8, CompiledVocabulary? vocabulary, out string? id)
    {
        id = null;
        _vocabulary = vocabulary;
        var reader = new Utf8JsonReader(utf8, Options);
        var root = JsonTokenType.None;
        string? wrongType = null;
        var refused = false;
        try
        {
            _raw.Clear();
            reader.Read();
            root = reader.TokenType;
            if (root == JsonTokenType.StartObject)
            {
                ReadObject(ref reader);
            }

            // Nothing but white space may follow the value: the reader throws at anything else.
            if (root is JsonTokenType.StartObject or JsonTokenType.Null)
            {
                reader.Read();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or Refused)
        {
            refused = true;
            wrongType = (e as Refused)?.Field;
        }

        if (!refused && root == JsonTokenType.Null)
        {
            throw new PrivacyRequestException("malformed-json", null, "The line is 'null'; each line must be a JSON object.");
        }

        if (refused || root != JsonTokenType.StartObject)
        {
            var scan = new Utf8JsonReader(utf8, Options);
            throw Explain(ref scan, root, wrongType, "line", out id);
        }

        id = _raw.Id;
        return Check();
    }

    /// <summary>Reads the value a reader is on (how a converter is handed it), leaving the reader on its last token.</summary>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <param name="vocabulary">The policy's ids, which every id the request names must be among; null to check their syntax only.</param>
    /// <returns>The request.</returns>
    /// <exception cref="PrivacyRequestException">The value is not a request; the code and field say why.</exception>
    public PrivacyRequest Read(ref Utf8JsonReader reader, CompiledVocabulary? vocabulary)
    {
        _vocabulary = vocabulary;
        var start = reader;
        var root = reader.TokenType;
        string? wrongType = null;
        var refused = false;
        try
        {
            _raw.Clear();
            if (root == JsonTokenType.StartObject)
            {
                ReadObject(ref reader);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or Refused)
        {
            refused = true;
            wrongType = (e as Refused)?.Field;
        }

        if (refused || root != JsonTokenType.StartObject)
        {
            throw Explain(ref start, root, wrongType, "request", out _);
        }

        return Check();
    }

    /// <summary>Why a text the first step refused is not a request: what the scanner finds, else the value of the wrong type.</summary>
    private static PrivacyRequestException Explain(ref Utf8JsonReader scan, JsonTokenType root, string? wrongType, string what, out string? id)
    {
        if (JsonScanner.Find(ref scan, string.Empty, out id) is { } finding)
        {
            return finding.ToException();
        }

        if (root != JsonTokenType.StartObject)
        {
            return new PrivacyRequestException("malformed-json", null, $"The {what} is JSON but not an object; each {what} must be one request object.");
        }

        return wrongType is null
            ? new PrivacyRequestException("malformed-json", null, $"The {what} is not valid JSON.")
            : new PrivacyRequestException("invalid-field", wrongType, $"'{wrongType}' has the wrong type: {Expected(wrongType)}.");
    }

    private void ReadObject(ref Utf8JsonReader reader)
    {
        var seen = 0;
        while (NextProperty(ref reader))
        {
            var field = Match(ref reader, Fields);
            if (field < 0)
            {
                Unknown(ref reader, _raw.Unknown);
                continue;
            }

            Once(ref seen, field);
            reader.Read();
            switch (field)
            {
                case 0:
                    _raw.Id = Text(ref reader, "id");
                    break;
                case 1:
                    ReadAction(ref reader);
                    break;
                case 2:
                    _raw.At = Instant(ref reader, "at");
                    break;
                case 3:
                    _raw.Category = Text(ref reader, "category");
                    break;
                case 4:
                    _raw.Purpose = Text(ref reader, "purpose");
                    break;
                case 5:
                    _raw.Recipient = Text(ref reader, "recipient");
                    break;
                case 6:
                    _raw.Reason = Text(ref reader, "reason");
                    break;
                case 7:
                    _raw.Message = Text(ref reader, "message");
                    break;
                case 8:
                    _raw.Channel = Text(ref reader, "channel");
                    break;
                case 9:
                    _raw.CollectedAt = Instant(ref reader, "collectedAt");
                    break;
                case 10:
                    ReadGrounds(ref reader);
                    break;
                case 11:
                    ReadSubject(ref reader);
                    break;
                default:
                    ReadContext(ref reader);
                    break;
            }
        }
    }

    private void ReadAction(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new Refused("action");
        }

        _raw.Action = Match(ref reader, ActionBytes);
        if (_raw.Action < 0)
        {
            _raw.ActionText = reader.GetString();
        }
    }

    private void ReadGrounds(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new Refused("grounds");
        }

        _raw.HasGrounds = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            _raw.Grounds.Add(reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Null => null,
                _ => throw new Refused(GroundField(_raw.Grounds.Count)),
            });
        }
    }
}
