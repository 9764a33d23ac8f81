using System;
using System.Linq;
using System.Text;
using Privacy.Fuzz.Engine;
using Privacy.Fuzz.Targets;

namespace Privacy.Fuzz.Tests;

/// <summary>
/// A bounded fuzz run of every target, with a fixed seed: the committed corpus, then a few thousand mutations.
/// Fails listing each finding (input, exception, where) whose signature is not in <see cref="KnownFindings"/>.
/// </summary>
public sealed class FuzzSmokeTests
{
    /// <summary>
    /// Bugs the fuzzer still finds in the current code, by target and signature prefix, so that this run fails only
    /// on new ones. Each has a regression input under <c>fuzz/findings</c> replayed by <see cref="FuzzFindingsTests"/>;
    /// delete an entry as soon as its fix is in, and the smoke run guards it from then on.
    /// </summary>
    internal static readonly (string Target, string Signature)[] KnownFindings =
    [
        // Lone surrogates (\ud800) in a string.
        ("request", "Crash:System.InvalidOperationException@Privacy.Cli.Requests.RequestParser.Inspect"),
        ("incident", "Crash:System.InvalidOperationException@Privacy.Cli.Commands.BreachCommand."),
        ("document", "Crash:System.InvalidOperationException@Privacy.Documents."),

        // Instants and offsets that overflow (year 9999 - 18:00, +19:00), in every parser that reads one.
        ("request", "Crash:System.OverflowException@Privacy.Cli.Requests."),
        ("request", "Crash:System.ArgumentOutOfRangeException@Privacy.Cli.Requests.JsonFields.Instant"),
        ("subject", "Crash:System.OverflowException@Privacy.Cli.Requests.JsonFields.Instant"),
        ("subject", "Crash:System.ArgumentOutOfRangeException@Privacy.Cli.Requests.JsonFields.Instant"),
        ("record", "Crash:System.OverflowException@Privacy.Cli.Requests.JsonFields.Instant"),
        ("record", "Crash:System.ArgumentOutOfRangeException@Privacy.Cli.Requests.JsonFields.Instant"),
        ("incident", "Crash:System.OverflowException@Privacy.Cli.Requests.JsonFields.Instant"),
        ("incident", "Crash:System.ArgumentOutOfRangeException@Privacy.Cli.Requests.JsonFields.Instant"),
        ("document", "Crash:System.OverflowException@Privacy.Documents.DocumentReader.ReadAll"),
        ("document", "Crash:System.ArgumentOutOfRangeException@Privacy.Documents.DocumentReader.ReadAll"),

        // Retention and breach arithmetic near the end of time.
        ("request", "Crash:System.OverflowException@Privacy.Retention."),
        ("subject", "Crash:System.OverflowException@Privacy.Retention."),
        ("record", "Crash:System.OverflowException@Privacy.Retention."),
        ("incident", "Crash:System.OverflowException@Privacy.Breach.BreachPlanner.Plan"),
        ("document", "Crash:System.OverflowException@Privacy.Retention."),

        // Periods beyond Int32 in a policy document.
        ("document", "Crash:System.ArgumentOutOfRangeException@Privacy.Retention.PeriodText.TryParse"),

        // Values the model refuses with ArgumentException that the parsers let through (an empty or blank id or zone).
        ("subject", "Crash:System.ArgumentException@Privacy."),
        ("record", "Crash:System.ArgumentException@Privacy."),
        ("incident", "Crash:System.ArgumentException@Privacy."),
        ("document", "Crash:System.ArgumentException@Privacy."),

        // Duplicate keys (also escaped, categor\u0079): the last one wins and can turn a deny into a permit.
        ("request", "Oracle:decision for a malformed line"),

        // Control characters written raw into text output (explain, rights --format text, acceptance, breach).
        ("request", "Oracle:control character in text output"),
        ("subject", "Oracle:control character in text output"),
        ("record", "Oracle:control character in text output"),
        ("incident", "Oracle:control character in text output"),
    ];

    [Theory]
    [InlineData("request", 2000)]
    [InlineData("subject", 1000)]
    [InlineData("record", 1500)]
    [InlineData("incident", 2000)]
    [InlineData("document", 500)]
    public void Run_CorpusAndSeededMutations_FindsNothingNew(string target, int executions)
    {
        var corpus = Corpus.Load(FuzzFolders.Corpus(target));
        Assert.NotEmpty(corpus);
        using var fuzzTarget = TargetCatalog.Create(target);

        var report = FuzzEngine.Run(fuzzTarget, corpus, new FuzzOptions { Executions = executions, Seed = 20260401, Timeout = TimeSpan.FromSeconds(10) });

        Assert.Equal(corpus.Count + executions, report.Executions);
        var unknown = report.Findings.Where(f => !IsKnown(f)).ToList();
        Assert.True(unknown.Count == 0, $"{unknown.Count} new finding(s) for '{target}':{Environment.NewLine}{string.Join(Environment.NewLine, unknown.Select(Describe))}");
    }

    internal static bool IsKnown(Finding finding)
        => KnownFindings.Any(k => k.Target == finding.Target && finding.Signature.StartsWith(k.Signature, StringComparison.Ordinal));

    internal static string Describe(Finding f)
        => $"  {f.Kind} {f.ExceptionType}: {f.Message}{Environment.NewLine}    at {f.StackTop}{Environment.NewLine}    input ({f.Input.Length} bytes): {Escape(f.Input)}";

    /// <summary>An input as a C# string literal body, cut at 400 characters.</summary>
    internal static string Escape(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var builder = new StringBuilder();
        foreach (var c in text.Length > 400 ? text[..400] : text)
        {
            builder.Append(c switch
            {
                '\\' => @"\\",
                '"' => "\\\"",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ when c < 0x20 || c is (>= '\u007f' and <= '\u009f') or '\u2028' or '\u2029' || char.IsSurrogate(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return "\"" + builder + (text.Length > 400 ? "\"..." : "\"");
    }
}
