using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using Privacy.Compilation;

namespace Privacy.Tests.Documentation;

/// <summary>
/// Every <c>&lt;code&gt;</c> block of the XML documentation under <c>src/</c> appears word for word (up to a
/// uniform indentation) in <c>XmlDocExamples.cs</c>, which the compiler checks; and each example runs.
/// </summary>
public class XmlDocExampleTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void XmlDocExamples_EveryCodeBlockInTheSources_AppearsVerbatimInTheCompiledExamples()
    {
        var examples = File.ReadAllLines(Path.Combine(Root, "tests", "Privacy.Core.Tests", "Documentation", "XmlDocExamples.cs"));
        var snippets = CodeBlocks().ToList();

        Assert.Contains(snippets, s => s.File.EndsWith("PolicyBuilder.cs", StringComparison.Ordinal));
        var missing = snippets.Where(s => !Contains(examples, s.Lines)).Select(s => $"{s.File}:{s.Line}").ToList();
        Assert.True(missing.Count == 0, "Copy these examples, as written, into tests/Privacy.Core.Tests/Documentation/XmlDocExamples.cs: " + string.Join(", ", missing));
    }

    [Fact]
    public void CodeBlocks_ExampleWithEscapedText_AreReadAsTheCodeAReaderSees()
    {
        string[] source =
        [
            "/// <example>",
            "/// <code>",
            "/// var ids = new List&lt;string&gt; { \"a &amp; b\" };",
            "///     ids.Add(\"c\");",
            "/// </code>",
            "/// </example>",
        ];
        var block = Assert.Single(CodeBlocks("x.cs", source));
        Assert.Equal(["var ids = new List<string> { \"a & b\" };", "    ids.Add(\"c\");"], block.Lines);
        Assert.True(Contains(["    {", "        var ids = new List<string> { \"a & b\" };", "            ids.Add(\"c\");", "    }"], block.Lines));
        Assert.False(Contains(["var ids = new List<string> { \"a & b\" };", "ids.Add(\"c\");"], block.Lines));
    }

    [Fact]
    public void PolicyBuilderExample_Runs_BuildsAPolicyThatPermitsTheUseItDescribes()
    {
        var policy = CompiledPolicy.Compile(XmlDocExamples.PolicyBuilderExample());
        var at = NodaTime.Instant.FromUtc(2026, 3, 1, 9, 0);
        Assert.Equal(Effect.Permit, policy.Decide(new UseRequest(new("personal.email"), new("service"), at), null).Effect);
        var denied = policy.Decide(new CollectRequest(new("personal.email"), new("service"), at), null);
        Assert.Equal(["necessary"], denied.Clauses.Select(c => c.Value));
    }

    [Fact]
    public void PrivacyEvaluatorExample_Runs_DecidesForNoHistoryAndForAnOptedOutSubject()
    {
        var (anyone, jane) = XmlDocExamples.PrivacyEvaluatorExample();
        Assert.Equal(Effect.Permit, anyone.Effect);
        Assert.Equal(Effect.Deny, jane.Effect);
        Assert.Contains(new ClauseId("rights.marketing-opt-out"), jane.Clauses);
    }

    /// <summary>Every code block of the XML documentation of the libraries.</summary>
    private static IEnumerable<(string File, int Line, string[] Lines)> CodeBlocks()
        => Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => CodeBlocks(Path.GetRelativePath(Root, f), File.ReadAllLines(f)));

    /// <summary>The <c>&lt;code&gt;</c> blocks of one file's XML comments, unescaped, with their common indentation removed.</summary>
    private static IEnumerable<(string File, int Line, string[] Lines)> CodeBlocks(string file, string[] source)
    {
        List<string>? block = null;
        var start = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var text = source[i].TrimStart();
            if (!text.StartsWith("///", StringComparison.Ordinal))
            {
                block = null;
                continue;
            }

            var content = text.Length > 3 && text[3] == ' ' ? text[4..] : text[3..];
            if (content.Trim() == "<code>")
            {
                (block, start) = ([], i + 1);
            }
            else if (content.Trim() == "</code>" && block is not null)
            {
                var indent = block.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
                yield return (file, start, [.. block.Select(l => l.Length >= indent ? l[indent..] : l.Trim())]);
                block = null;
            }
            else
            {
                block?.Add(WebUtility.HtmlDecode(content).TrimEnd());
            }
        }
    }

    /// <summary>Whether <paramref name="snippet"/> appears in <paramref name="file"/> on consecutive lines, all indented alike.</summary>
    private static bool Contains(string[] file, string[] snippet)
    {
        for (var i = 0; i + snippet.Length <= file.Length; i++)
        {
            var line = file[i];
            if (!line.EndsWith(snippet[0], StringComparison.Ordinal) || line[..^snippet[0].Length].Trim().Length > 0)
            {
                continue;
            }

            var indent = line[..^snippet[0].Length];
            if (snippet.Select((s, k) => s.Length == 0 ? file[i + k].Trim().Length == 0 : file[i + k].TrimEnd() == indent + s).All(x => x))
            {
                return true;
            }
        }

        return false;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Privacy.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Privacy.sln not found above " + AppContext.BaseDirectory);
    }
}
