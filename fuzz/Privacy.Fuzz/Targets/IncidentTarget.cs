using System.Collections.Generic;

namespace Privacy.Fuzz.Targets;

/// <summary>
/// A breach incident as JSON for <c>privacy breach --input</c>. Promises: exit 0 or 65 (64 for input refused
/// as a whole), no exception, no control characters in text output.
/// </summary>
public sealed class IncidentTarget : FuzzTarget
{
    private readonly CliHarness _cli = new();

    public override string Name => "incident";

    public override string Description => "breach --input: one incident object";

    public override IReadOnlyList<string> Keys { get; } =
        ["id", "description", "awareAt", "categories", "subjects", "unintelligible", "affected", "hasEmail", "events", "type", "at", "purpose", "recipient", "version"];

    public override IReadOnlyList<string> Words => Vocabulary.Words;

    public override string Execute(byte[] input)
    {
        var format = Vocabulary.Choose(input, 2) == 0 ? "json" : "text";
        var result = _cli.Invoke(input, "breach", "--input", "-", "--format", format);
        Oracles.ExpectExitCode(result, "breach", 0, 64, 65);
        if (format == "text")
        {
            Oracles.ExpectPrintable(result.OutputText, "breach --format text");
        }

        return $"{result.ExitCode}:{Oracles.Shape(result.Error)}";
    }
}
