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
    internal static readonly (string Target, string Signature)[] KnownFindings = [];

    [Theory]
    [InlineData("request", 2000)]
    [InlineData("subject", 1000)]
    [InlineData("record", 1500)]
    [InlineData("incident", 2000)]
    [InlineData("document", 500)]
    [InlineData("json", 3000)]
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
