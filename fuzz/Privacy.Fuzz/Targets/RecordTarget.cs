using System.Collections.Generic;
using System.Text.Json;

namespace Privacy.Fuzz.Targets;

/// <summary>
/// Stored records as JSON Lines for <c>privacy rights access|erase|rectify|opt-out --records</c>, against a
/// fixed subject. Promises: exit 0 or 65 (64 for input refused as a whole), no exception, every non-blank
/// line is either planned or listed as a problem, no control characters in text output.
/// </summary>
public sealed class RecordTarget : FuzzTarget
{
    private readonly CliHarness _cli = new();
    private readonly TempFiles _files = new();
    private readonly string[] _subjects;

    public RecordTarget()
    {
        _subjects = new string[Fixtures.Subjects.Length];
        for (var i = 0; i < _subjects.Length; i++)
        {
            _subjects[i] = _files.Write($"subject-{i}.json", Fixtures.Subjects[i]);
        }
    }

    public override string Name => "record";

    public override string Description => "rights --records: stored records, one JSON object a line";

    public override IReadOnlyList<string> Keys { get; } = ["id", "category", "collectedAt", "purposes", "disclosedTo", "grounds"];

    public override IReadOnlyList<string> Words => Vocabulary.Words;

    /// <summary>A few lines at most: every bad line costs exceptions, and long inputs only repeat short ones.</summary>
    public override int MaxInputLength => 1536;

    public override string Execute(byte[] input)
    {
        var choice = Vocabulary.Choose(input, Fixtures.Rights.Length * _subjects.Length * 2);
        var right = Fixtures.Rights[choice % Fixtures.Rights.Length];
        var subject = _subjects[choice / Fixtures.Rights.Length % _subjects.Length];
        var format = choice / (Fixtures.Rights.Length * _subjects.Length) == 0 ? "json" : "text";
        var result = _cli.Invoke(input, "rights", right, "--subject", subject, "--records", "-", "--at", Fixtures.At, "--format", format);
        Oracles.ExpectExitCode(result, $"rights {right}", 0, 64, 65);
        if (format == "text")
        {
            Oracles.ExpectPrintable(result.OutputText, $"rights {right} --format text");
            return $"{right}:{result.ExitCode}";
        }

        if (result.ExitCode == 64)
        {
            return $"{right}:64:{Oracles.Shape(result.Error)}";
        }

        using var plan = JsonDocument.Parse(result.Output);
        var items = plan.RootElement.GetProperty("items").GetArrayLength();
        var problems = plan.RootElement.GetProperty("problems");
        var lines = Oracles.NonBlankLines(input);
        if (lines is not null && items + problems.GetArrayLength() < lines.Count)
        {
            throw new FuzzOracleException($"lost records: rights {right} planned {items} and reported {problems.GetArrayLength()} problems for {lines.Count} non-blank lines");
        }

        var codes = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var p in problems.EnumerateArray())
        {
            codes.Add(p.TryGetProperty("code", out var code) ? code.ToString() : "?");
        }

        return $"{right}:{result.ExitCode}:{string.Join(',', codes)}";
    }

    protected override void Dispose(bool disposing) => _files.Dispose();
}
