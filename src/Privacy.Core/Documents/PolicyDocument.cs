using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Privacy.Internal;
using Privacy.Policies;

namespace Privacy.Documents;

/// <summary>
/// Reads and writes policy documents: a policy as a reviewed JSON file (<c>formatVersion</c> 1,
/// described by <c>schemas/privacy-policy.schema.json</c>).
/// </summary>
/// <remarks>
/// <para>Loading is all or nothing: either the whole policy is returned, or a
/// <see cref="PolicyValidationException"/> lists every problem found, each with a JSON Pointer into
/// the document, a stable code and a message saying how to fix it.</para>
/// <para>Documents are limited to <see cref="MaxBytes"/> bytes and <see cref="MaxDepth"/> levels of
/// nesting. Writing is deterministic: the same policy always gives the same bytes. Thread-safe.</para>
/// </remarks>
public static class PolicyDocument
{
    /// <summary>The format version this library reads and writes.</summary>
    public const int FormatVersion = 1;

    /// <summary>The largest document accepted, in bytes (4 MiB).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The deepest nesting of objects and arrays accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>Loads a policy from a document file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyValidationException">The file cannot be read, or the document is invalid; every problem is listed.</exception>
    public static PrivacyPolicy Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Finish(Read(ReadFile(path), lenientClauses: false));
    }

    /// <summary>Loads a policy from a stream holding a UTF-8 document; the stream is read to its end and left open.</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyValidationException">The document is invalid or too large; every problem is listed.</exception>
    public static PrivacyPolicy Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Finish(Read(ReadAll(stream), lenientClauses: false));
    }

    /// <summary>Parses a policy from the text of a document.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyValidationException">The document is invalid or too large; every problem is listed.</exception>
    public static PrivacyPolicy Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Finish(Read(Encoding.UTF8.GetBytes(json), lenientClauses: false));
    }

    /// <summary>Writes a policy as a document (UTF-8, indented, ending with a newline).</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="stream">Where to write; left open.</param>
    public static void Write(PrivacyPolicy policy, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = ToUtf8(policy);
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush();
    }

    /// <summary>Writes a policy as document text.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The document, ending with a newline.</returns>
    public static string ToJson(PrivacyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Encoding.UTF8.GetString(ToUtf8(policy));
    }

    internal static byte[] ToUtf8(PrivacyPolicy policy)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
#if NET9_0_OR_GREATER
            NewLine = "\n",
#endif
        }))
        {
            JsonSerializer.Serialize(writer, DocumentWriter.ToModel(policy), DocumentJsonContext.Default.DocumentModel);
        }

        buffer.WriteByte((byte)'\n');
#if NET9_0_OR_GREATER
        return buffer.ToArray();
#else
        // Before .NET 9 the indented writer ends lines with Environment.NewLine ("\r\n" on Windows). A raw
        // carriage return can only be such a line end (strings escape control characters), so dropping
        // every one gives the same bytes on every platform.
        return WithLineFeeds(buffer.ToArray());
#endif
    }

#if !NET9_0_OR_GREATER
    internal static byte[] WithLineFeeds(byte[] utf8)
        => Array.IndexOf(utf8, (byte)'\r') < 0 ? utf8 : Array.FindAll(utf8, b => b != (byte)'\r');
#endif

    internal static byte[] ReadFile(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return ReadAll(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new PolicyValidationException([new PolicyProblem(string.Empty, "unreadable", $"Cannot read the policy document '{path}': {e.Message}")]);
        }
    }

    internal static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw new PolicyValidationException([new PolicyProblem(string.Empty, "too-large", $"The document is larger than {MaxBytes} bytes (4 MiB); a policy document is far smaller, so check that this is the right file.")]);
            }
        }

        return buffer.ToArray();
    }

    private static PrivacyPolicy Finish(LoadResult result)
        => result.Problems.Count > 0 ? throw new PolicyValidationException(result.Problems) : result.Policy!;

    /// <summary>Reads a document; with <paramref name="lenientClauses"/>, rules without a clause are left out and listed instead of failing the load.</summary>
    internal static LoadResult Read(byte[] utf8, bool lenientClauses)
    {
        var problems = new List<PolicyProblem>();
        if (utf8.Length > MaxBytes)
        {
            problems.Add(new PolicyProblem(string.Empty, "too-large", $"The document is larger than {MaxBytes} bytes (4 MiB)."));
            return new LoadResult(null, problems, []);
        }

        ReadOnlyMemory<byte> bytes = utf8;
        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            var deep = e.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase);
            problems.Add(new PolicyProblem(
                string.Empty,
                deep ? "too-deep" : "invalid-json",
                deep
                    ? $"The document nests deeper than {MaxDepth} levels (line {e.LineNumber + 1}); a policy document needs far fewer."
                    : $"The document is not valid JSON: line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}"));
            return new LoadResult(null, problems, []);
        }

        using (document)
        {
            var broken = BrokenStrings.Find(bytes.Span, MaxDepth);
            if (broken.Count > 0)
            {
                // Strings that are not text cannot be read at all; say where each one is, and stop there.
                problems.AddRange(broken.Select(b => new PolicyProblem(
                    b.Pointer,
                    "invalid-string",
                    b.InvalidUtf8
                        ? "This string (or property name) holds bytes that are not UTF-8, which is not text; save the document as UTF-8."
                        : "This string (or property name) holds a lone UTF-16 surrogate (half of a pair, such as an escaped U+D800 on its own), which is not text; write whole characters.")));
                return new LoadResult(null, problems, []);
            }

            var cleaned = DocumentShape.Document.Check(document.RootElement, string.Empty, problems);
            if (cleaned is null)
            {
                return new LoadResult(null, problems, []);
            }

            ((System.Text.Json.Nodes.JsonObject)cleaned).Remove("$schema");
            var model = cleaned.Deserialize(DocumentJsonContext.Default.DocumentModel)!;
            var builder = DocumentReader.Read(model, problems, lenientClauses, out var withoutClause);
            if (problems.Count > 0)
            {
                // A stable sort: problems at the same place keep the order they were found in.
                return new LoadResult(null, [.. problems.OrderBy(p => p.Path, JsonPointer.Order)], withoutClause);
            }

            return new LoadResult(new PrivacyPolicy(builder), problems, withoutClause);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    internal sealed record LoadResult(PrivacyPolicy? Policy, List<PolicyProblem> Problems, List<(int Index, string Id)> RulesWithoutClause);
}
