using System;
using System.Text.Json;

namespace Privacy.Tests.Commands;

/// <summary>The commands the README shows, on the files it names, give what it says.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void Diff_Version002_IsSignificantForTheLongerLogRetention()
    {
        var result = CliRunner.InProcess(string.Empty, "diff", "builtin:ismartviewpro-2018", "examples/ismartviewpro-2018-v2.policy.json", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var diff = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.True(diff.GetProperty("significant").GetBoolean());
        var changes = diff.GetProperty("changes");
        Assert.Equal(5, changes.GetArrayLength());
        var significant = Assert.Single(changes.EnumerateArray(), c => c.GetProperty("significant").GetBoolean());
        Assert.Equal("/retention/rules/personal.log/period", significant.GetProperty("path").GetString());
        Assert.Equal("P12M", significant.GetProperty("new").GetString());
        Assert.Contains(changes.EnumerateArray(), c => c.GetProperty("path").GetString() == "/clauses/contact/text" && !c.GetProperty("significant").GetBoolean());
    }

    [Fact]
    public void Notices_Version002_TellEveryoneButTheErasedSubject()
    {
        var result = CliRunner.InProcess(string.Empty, "notices", "builtin:ismartviewpro-2018", "examples/ismartviewpro-2018-v2.policy.json",
            "--at", "2026-05-02T09:00:00Z", "--input", "examples/subjects.jsonl", "--format", "text");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("tell every subject before 2026-06-01T00:00:00Z", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"u-18\s+popup\s+send", result.Stdout);
        Assert.Matches(@"u-19\s+email\s+do not send\s+\[rights\.erasure\]", result.Stdout);
    }

    [Fact]
    public void Check_Version002_IsCleanAndRenders()
    {
        Assert.Equal(0, CliRunner.InProcess(string.Empty, "check", "examples/ismartviewpro-2018-v2.policy.json").ExitCode);
        var render = CliRunner.InProcess(string.Empty, "render", "examples/ismartviewpro-2018-v2.policy.json");
        Assert.Equal(0, render.ExitCode);
        Assert.Contains("privacy@ismartviewpro.example", render.Stdout, StringComparison.Ordinal);
    }
}

public class ReadmeBreachExampleTests
{
    [Fact]
    public void Breach_ExampleIncident_PlansAllThreeStepsAndSparesTheErasedSubject()
    {
        var result = CliRunner.InProcess(string.Empty, "breach", "--input", "examples/incident.json", "--format", "text");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("risk HIGH", result.Stdout, System.StringComparison.Ordinal);
        Assert.Matches(@"notify-authority\s+by 2026-03-30T09:30:00Z", result.Stdout);
        Assert.Matches(@"notify-subjects\s+by 2026-03-30T09:30:00Z", result.Stdout);
        Assert.Matches(@"u-19\s+email\s+do not send\s+\[rights\.erasure\]", result.Stdout);
    }
}
