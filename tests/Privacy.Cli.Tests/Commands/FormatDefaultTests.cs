using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Completions;
using System.IO;
using System.Linq;
using System.Text.Json;
using Privacy.Cli;

namespace Privacy.Tests.Commands;

/// <summary>One rule for <c>--format</c>: every command that offers JSON and text answers in JSON unless asked for text.</summary>
public sealed class FormatDefaultTests
{
    private static IEnumerable<(string Path, Option Option)> FormatOptions(Command command, string path)
    {
        foreach (var option in command.Options.Where(o => o.Name == "--format"))
        {
            yield return (path, option);
        }

        foreach (var sub in command.Subcommands)
        {
            foreach (var found in FormatOptions(sub, $"{path} {sub.Name}"))
            {
                yield return found;
            }
        }
    }

    [Fact]
    public void FormatOption_EveryCommandWithJsonAndText_DefaultsToJson()
    {
        using var streams = new MemoryStream();
        var root = CliApp.CreateRoot(new CliIO(streams, streams, new StreamWriter(streams), new StringWriter()));

        var formats = FormatOptions(root, "privacy").ToList();
        var jsonOrText = formats
            .Where(f => f.Option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).Order(StringComparer.Ordinal).SequenceEqual(["json", "text"]))
            .ToList();

        Assert.Equal(
            ["privacy acceptance", "privacy breach", "privacy check", "privacy diff", "privacy notices", "privacy policy",
             "privacy rights access", "privacy rights erase", "privacy rights opt-out", "privacy rights rectify", "privacy verify"],
            jsonOrText.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.All(jsonOrText, f => Assert.Equal("json", f.Option.GetDefaultValue()));
        Assert.Equal(["privacy render"], formats.Except(jsonOrText).Select(f => f.Path));
    }

    public static TheoryData<string[]> Commands() => new()
    {
        new[] { "check", "--policy", "examples/ismartviewpro-2018-v2.policy.json" },
        new[] { "diff", "builtin:ismartviewpro-2018", "examples/ismartviewpro-2018-v2.policy.json" },
        new[] { "diff", "--semantic", "builtin:ismartviewpro-2018", "examples/ismartviewpro-2018-v2.policy.json" },
        new[] { "verify", "builtin:ismartviewpro-2018" },
        new[] { "policy" },
        new[] { "notices", "builtin:ismartviewpro-2018", "examples/ismartviewpro-2018-v2.policy.json", "--at", "2026-05-02T09:00:00Z", "--input", "examples/subjects.jsonl" },
        new[] { "acceptance", "--policy", "examples/ismartviewpro-2018-v2.policy.json", "--at", "2026-07-01T00:00:00Z", "--input", "examples/subjects.jsonl" },
        new[] { "breach", "--input", "examples/incident.json" },
        new[] { "rights", "access", "--subject", "examples/subject.json", "--records", "examples/records.jsonl", "--at", "2026-03-01T10:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_WithoutFormat_AnswersOneJsonDocument(string[] args)
    {
        var result = CliRunner.InProcess(string.Empty, args);

        Assert.True(result.ExitCode is 0 or 1, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_FormatText_AnswersText(string[] args)
    {
        var result = CliRunner.InProcess(string.Empty, [.. args, "--format", "text"]);

        Assert.True(result.ExitCode is 0 or 1, result.Stderr);
        Assert.NotEmpty(result.Stdout);
        Assert.False(result.Stdout.TrimStart().StartsWith('{'), result.Stdout);
        Assert.Equal(result.ExitCode, CliRunner.InProcess(string.Empty, args).ExitCode);
    }
}
