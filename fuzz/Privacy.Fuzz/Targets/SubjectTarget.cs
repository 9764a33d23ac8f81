using System.Collections.Generic;

namespace Privacy.Fuzz.Targets;

/// <summary>
/// A subject as JSON: one a line for <c>privacy acceptance</c>, one document for <c>privacy rights --subject</c>
/// (planned over fixed records). Promises: exit 0 or 65 (64 for input refused as a whole), no exception,
/// no control characters in text output.
/// </summary>
public sealed class SubjectTarget : FuzzTarget
{
    private readonly CliHarness _cli = new();
    private readonly TempFiles _files = new();
    private readonly string _records;
    private readonly string _subject;

    public SubjectTarget()
    {
        _records = _files.Write("records.jsonl", Fixtures.Records);
        _subject = _files.Write("subject.json", "{}");
    }

    public override string Name => "subject";

    public override string Description => "acceptance --input (subject lines) and rights --subject (one subject)";

    public override IReadOnlyList<string> Keys => Vocabulary.SubjectKeys;

    public override IReadOnlyList<string> Words => Vocabulary.Words;

    /// <summary>A few lines at most: every bad line costs exceptions, and long inputs only repeat short ones.</summary>
    public override int MaxInputLength => 1536;

    public override string Execute(byte[] input)
    {
        var format = Vocabulary.Choose(input, 2) == 0 ? "json" : "text";
        var acceptance = _cli.Invoke(input, "acceptance", "builtin:ismartviewpro-2018", "--at", Fixtures.At, "--input", "-", "--format", format);
        Oracles.ExpectExitCode(acceptance, "acceptance", 0, 64, 65);
        if (format == "text")
        {
            Oracles.ExpectPrintable(acceptance.OutputText, "acceptance --format text");
        }

        // A subject document that acceptance refused as a line is refused by rights the same way (one parser),
        // unless it spans lines: only those, and the subjects acceptance took, go on to a rights plan.
        var newline = System.Array.IndexOf(input, (byte)'\n');
        if (acceptance.ExitCode != 0 && (newline < 0 || newline == input.Length - 1))
        {
            return $"{acceptance.ExitCode}:{Oracles.Shape(acceptance.Error)}";
        }

        _files.Write("subject.json", input);
        var right = Fixtures.Rights[Vocabulary.Choose(input, Fixtures.Rights.Length)];
        var rights = _cli.Invoke([], "rights", right, "--subject", _subject, "--records", _records, "--at", Fixtures.At, "--format", format);
        Oracles.ExpectExitCode(rights, $"rights {right}", 0, 64, 65);
        if (format == "text")
        {
            Oracles.ExpectPrintable(rights.OutputText, $"rights {right} --format text");
        }

        return $"{acceptance.ExitCode}:{Oracles.Shape(acceptance.Error)}|{rights.ExitCode}:{Oracles.Shape(rights.Error)}";
    }

    protected override void Dispose(bool disposing) => _files.Dispose();
}
