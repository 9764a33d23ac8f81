using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Serialization;

namespace Privacy.Fuzz.Targets;

/// <summary>
/// How the library answers a request line, the way a host does: <see cref="PrivacyJson.ReadRequest"/> with the policy,
/// then <see cref="PrivacyEvaluatorExtensions.Decide(IPrivacyEvaluator, PrivacyRequest)"/>. <c>privacy decide</c> must
/// give the same answer for every line, and the converter in <see cref="PrivacyJson.Options"/> the same request or error.
/// </summary>
public static class LibraryRequests
{
    private static readonly CompiledPolicy Policy = BuiltInPolicies.IsmartviewPro2018Compiled;
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The library's answer to a line: the decision line <c>privacy decide</c> writes, or <c>error CODE FIELD</c>.</summary>
    public static string Answer(string line)
    {
        PrivacyRequest request;
        try
        {
            request = PrivacyJson.ReadRequest(Encoding.UTF8.GetBytes(line), Policy);
        }
        catch (PrivacyRequestException e)
        {
            return Error(e.Code, e.Field);
        }

        PrivacyDecision decision;
        try
        {
            decision = Policy.Decide(request);
        }
        catch (PrivacyRequestException e)
        {
            return Error(e.Code, e.Field);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Writer))
        {
            PrivacyJson.WriteDecision(writer, request.Id, decision);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The command's answer in the form of <see cref="Answer"/>: a decision line as written, an error by code and field.</summary>
    public static string CommandAnswer(string outputLine)
    {
        using var document = JsonDocument.Parse(outputLine);
        return document.RootElement.TryGetProperty("error", out var error)
            ? Error(error.GetProperty("code").GetString()!, error.GetProperty("field").GetString())
            : outputLine;
    }

    /// <summary>
    /// Why the converter in <see cref="PrivacyJson.Options"/> disagrees with <see cref="PrivacyJson.ReadRequest"/> (without a
    /// policy) on a line, or null when it agrees: the same request, or the same code and field in the inner exception.
    /// Two differences are the serializer's, not the reader's, and allowed: the line <c>null</c> reads as no request, and
    /// text after the first JSON value is refused by the serializer only once the converter has read that value.
    /// </summary>
    public static string? ConverterDisagreement(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        PrivacyRequest? expected = null;
        PrivacyRequestException? refused = null;
        try
        {
            expected = PrivacyJson.ReadRequest(bytes);
        }
        catch (PrivacyRequestException e)
        {
            refused = e;
        }

        if (expected is not null && WithPolicy(bytes) is { } withPolicy && !withPolicy.Equals(expected))
        {
            return "the request read with the policy differs from the one read without";
        }

        object? actual;
        try
        {
            actual = JsonSerializer.Deserialize(bytes, PrivacyJson.Options.GetTypeInfo(typeof(PrivacyRequest)));
        }
        catch (JsonException e) when (e.InnerException is PrivacyRequestException inner)
        {
            return refused is not null && ((refused.Code, refused.Field) == (inner.Code, inner.Field) || !IsOneValue(bytes))
                ? null
                : $"the converter refused it with {Error(inner.Code, inner.Field)}; ReadRequest {(refused is null ? "read it" : Error(refused.Code, refused.Field))}";
        }
        catch (JsonException e)
        {
            return refused?.Code == "malformed-json" ? null : $"the serializer refused it ({e.Message}); ReadRequest {(refused is null ? "read it" : Error(refused.Code, refused.Field))}";
        }

        if (actual is null)
        {
            return line.Trim() == "null" ? null : "the converter read no request";
        }

        return expected is not null && expected.Equals(actual) ? null : $"the converter read a request; ReadRequest {(refused is null ? "read another" : Error(refused.Code, refused.Field))}";
    }

    private static PrivacyRequest? WithPolicy(byte[] bytes)
    {
        try
        {
            return PrivacyJson.ReadRequest(bytes, Policy);
        }
        catch (PrivacyRequestException)
        {
            return null;
        }
    }

    private static string Error(string code, string? field) => $"error {code} {field ?? "(none)"}";

    /// <summary>Whether the text is one JSON value and nothing after it but white space.</summary>
    private static bool IsOneValue(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = JsonScanDepth });
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private const int JsonScanDepth = 64;
}
