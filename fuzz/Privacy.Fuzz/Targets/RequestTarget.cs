using System.Collections.Generic;
using System.Text.Json;

namespace Privacy.Fuzz.Targets;

/// <summary>
/// <c>privacy decide</c> and <c>privacy explain</c> over JSON Lines requests (the library's request reader, which the command uses).
/// Promises: every non-blank line gets exactly one answer in order; no line that is not one well-formed JSON
/// object (strict JSON, no duplicate names, no lone surrogates) is permitted or retained; each line's answer is the
/// library's (<see cref="LibraryRequests"/>: the same decision or the same error code and field); <c>explain</c>
/// writes no control characters; the exit status is 0 or 65 (64 only for input refused as a whole).
/// </summary>
public sealed class RequestTarget : FuzzTarget
{
    private readonly CliHarness _cli = new();

    public override string Name => "request";

    public override string Description => "decide/explain: JSON Lines requests";

    public override IReadOnlyList<string> Keys { get; } =
    [
        "id", "action", "at", "category", "purpose", "recipient", "reason", "message", "channel", "collectedAt", "grounds",
        "subject", "context", "hasEmail", "events", "type", "version", "locationFeatureInUse", "confidentialityAgreement",
    ];

    public override IReadOnlyList<string> Words => Vocabulary.Words;

    /// <summary>A few lines at most: every bad line costs exceptions, and long inputs only repeat short ones.</summary>
    public override int MaxInputLength => 1536;

    public override string Execute(byte[] input)
    {
        var decide = _cli.Invoke(input, "decide", "--input", "-");
        Oracles.ExpectExitCode(decide, "decide", 0, 64, 65);
        var answers = Oracles.OutputLines(decide);
        var outcome = new SortedSet<string>(System.StringComparer.Ordinal) { decide.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var lines = Oracles.NonBlankLines(input);
        if (lines is not null && decide.ExitCode != 64)
        {
            if (answers.Count != lines.Count)
            {
                throw new FuzzOracleException($"lost or extra answers: decide answered {answers.Count} of {lines.Count} non-blank lines");
            }

            for (var i = 0; i < lines.Count; i++)
            {
                if (LibraryRequests.Answer(lines[i]) is var library && library != LibraryRequests.CommandAnswer(answers[i]))
                {
                    throw new FuzzOracleException($"library and command disagree: line {i + 1} is {Oracles.Truncate(LibraryRequests.CommandAnswer(answers[i]))} from decide, {Oracles.Truncate(library)} from PrivacyJson.ReadRequest");
                }

                if (LibraryRequests.ConverterDisagreement(lines[i]) is { } disagreement)
                {
                    throw new FuzzOracleException($"converter and reader disagree: line {i + 1}: {disagreement}");
                }

                var (effect, error) = Answer(answers[i]);
                outcome.Add((effect ?? error)!);
                if (effect is "permit" or "retain" && !Oracles.IsWellFormedObject(lines[i], out var reason))
                {
                    throw new FuzzOracleException($"decision for a malformed line: line {i + 1} is not well-formed ({reason}) but was answered '{effect}'");
                }
            }
        }

        // Only a backslash escape or a byte outside printable ASCII can put a control character into any string the
        // request holds; without one, explain's output is known to be clean and the second run is skipped.
        if (!MayCarryControlCharacters(input))
        {
            return string.Join('|', outcome);
        }

        var explain = _cli.Invoke(input, "explain", "--input", "-");
        Oracles.ExpectExitCode(explain, "explain", 0, 64, 65);
        Oracles.ExpectPrintable(explain.OutputText, "explain");
        return string.Join('|', outcome);
    }

    private static bool MayCarryControlCharacters(byte[] input)
    {
        foreach (var b in input)
        {
            if (b == (byte)'\\' || b >= 0x7F || (b < 0x20 && b is not (byte)'\n'))
            {
                return true;
            }
        }

        return false;
    }

    private static (string? Effect, string? Error) Answer(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (root.TryGetProperty("effect", out var effect))
        {
            return (effect.GetString(), null);
        }

        if (root.TryGetProperty("error", out var error))
        {
            var field = error.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            return (null, $"{error.GetProperty("code").GetString()}:{Oracles.Shape(field ?? string.Empty)}");
        }

        throw new FuzzOracleException($"answer without effect or error: {Oracles.Truncate(line)}");
    }
}
