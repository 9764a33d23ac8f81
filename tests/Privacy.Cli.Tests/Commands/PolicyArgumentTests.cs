using System;

namespace Privacy.Tests.Commands;

/// <summary>Every command takes its one policy as <c>--policy</c>; the older positional spelling still works, with a note.</summary>
public sealed class PolicyArgumentTests
{
    [Theory]
    [InlineData("check")]
    [InlineData("render")]
    [InlineData("policy", "export")]
    [InlineData("verify")]
    public void PolicyOption_SameOutputAsThePositionalSpelling_WithoutANote(params string[] command)
    {
        var option = CliRunner.InProcess(string.Empty, [.. command, "--policy", "builtin:ismartviewpro-2018"]);
        var positional = CliRunner.InProcess(string.Empty, [.. command, "builtin:ismartviewpro-2018"]);

        Assert.Equal(positional.ExitCode, option.ExitCode);
        Assert.Equal(positional.Stdout, option.Stdout);
        Assert.DoesNotContain("deprecated", option.Stderr, StringComparison.Ordinal);
        Assert.Contains("deprecated; use --policy builtin:ismartviewpro-2018", positional.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Acceptance_PolicyOption_SameOutputAsThePositionalSpelling()
    {
        const string Subjects = """{"id":"s1","events":[{"type":"policy-accepted","at":"2026-01-01T00:00:00Z","version":"001"}]}""";

        var option = CliRunner.InProcess(Subjects, "acceptance", "--policy", "builtin:ismartviewpro-2018", "--at", "2026-03-01T00:00:00Z");
        var positional = CliRunner.InProcess(Subjects, "acceptance", "builtin:ismartviewpro-2018", "--at", "2026-03-01T00:00:00Z");

        Assert.Equal(0, option.ExitCode);
        Assert.Equal(positional.Stdout, option.Stdout);
        Assert.Contains("deprecated", positional.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("render")]
    [InlineData("verify")]
    public void Policy_GivenBothWays_IsAUsageError(string command)
    {
        var result = CliRunner.InProcess(string.Empty, command, "--policy", "builtin:ismartviewpro-2018", "builtin:ismartviewpro-2018");

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("give the policy once", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("render")]
    [InlineData("policy", "export")]
    [InlineData("acceptance")]
    [InlineData("verify")]
    public void Help_ShowsThePolicyOption_NotTheDeprecatedArgument(params string[] command)
    {
        var help = CliRunner.InProcess(string.Empty, [.. command, "--help"]);

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--policy", help.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("<policy>", help.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Deprecated", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WithoutAPolicy_VerifiesTheBuiltInOne()
    {
        var result = CliRunner.InProcess(string.Empty, "verify", "--format", "text");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ismartviewpro-2018", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("invariants hold", result.Stdout, StringComparison.Ordinal);
    }
}
