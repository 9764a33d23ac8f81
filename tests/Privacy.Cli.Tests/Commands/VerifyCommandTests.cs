using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Privacy.BuiltIn;
using Privacy.Documents;
using Privacy.Policies;

namespace Privacy.Tests.Commands;

public sealed class VerifyCommandTests : IDisposable
{
    private readonly string _broken = Path.Combine(Path.GetTempPath(), $"privacy-verify-{Guid.NewGuid():N}.policy.json");

    public VerifyCommandTests()
    {
        // A planted defect: a prohibition that applies only once the subject consents, so consenting denies more.
        var broken = BuiltInPolicies.CreateIsmartviewPro2018Builder()
            .Prohibit("planted.consent-denies", r => r.On(PrivacyAction.Use).Categories("personal.email").Purposes("service").When(RuleConditions.Consent).Cites("use.contact"))
            .Build();
        File.WriteAllText(_broken, PolicyDocument.ToJson(broken));
    }

    public void Dispose() => File.Delete(_broken);

    [Fact]
    public void Verify_BuiltInPolicy_HoldsExhaustively_Exit0()
    {
        var result = CliRunner.InProcess(string.Empty, "verify", "builtin:ismartviewpro-2018", "--format", "text");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches("^ismartviewpro-2018 001: all 9 invariants hold on [0-9]+ combinations\\.$", result.Stdout.Trim());
    }

    [Fact]
    public void Verify_PlantedBrokenPolicy_ListsCounterexamples_Exit1()
    {
        var result = CliRunner.InProcess(string.Empty, "verify", _broken, "--format", "text");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("consent-monotone: use personal.email for service when consent: Deny", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("counterexample(s)", result.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_Json_GivesCounterexamplesWithTheirCombination()
    {
        var result = CliRunner.InProcess(string.Empty, "verify", _broken, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.False(root.GetProperty("holds").GetBoolean());
        var first = root.GetProperty("counterexamples").EnumerateArray().First();
        Assert.Equal("consent-monotone", first.GetProperty("invariant").GetString());
        Assert.Equal("use", first.GetProperty("action").GetString());
        Assert.Equal("personal.email", first.GetProperty("category").GetString());
        Assert.Contains("consent", first.GetProperty("conditions").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("deny", first.GetProperty("effect").GetString());
    }

    [Theory]
    [InlineData("builtin:nope")]
    [InlineData("no-such-file.policy.json")]
    public void Verify_UnloadablePolicy_Exit64(string policy)
    {
        var result = CliRunner.InProcess(string.Empty, "verify", policy);
        Assert.Equal(64, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("privacy: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DiffSemantic_Version001To002_ListsTheChangedRetentionCells_Exit1()
    {
        var result = CliRunner.InProcess(string.Empty, "diff", "--semantic", Path.Combine("examples", "ismartviewpro-2018.policy.json"), Path.Combine("examples", "ismartviewpro-2018-v2.policy.json"), "--format", "text");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("ismartviewpro-2018 001 -> ismartviewpro-2018 002: ", result.Lines[0], StringComparison.Ordinal);
        Assert.Contains("  retain personal.log (no history; grounds: none): retain, deadline collection + P6M [use.logs] -> retain, deadline collection + P1Y [use.logs]", result.Lines);
        Assert.All(result.Lines.Skip(1), l => Assert.StartsWith("  retain personal.log", l, StringComparison.Ordinal));
    }

    [Fact]
    public void DiffSemantic_Json_ListsEachChangedCombination()
    {
        var result = CliRunner.InProcess(string.Empty, "diff", "--semantic", "builtin:ismartviewpro-2018", _broken, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var changes = json.RootElement.GetProperty("changes").EnumerateArray().ToArray();
        Assert.Equal(changes.Length, json.RootElement.GetProperty("changed").GetInt32());
        Assert.All(changes, c =>
        {
            Assert.Equal("use", c.GetProperty("action").GetString());
            Assert.Contains("consent", c.GetProperty("conditions").EnumerateArray().Select(x => x.GetString()));
            Assert.StartsWith("permit", c.GetProperty("old").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("deny", c.GetProperty("new").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void DiffSemantic_SameVersion_NoChange_Exit0()
    {
        var result = CliRunner.InProcess(string.Empty, "diff", "--semantic", "builtin:ismartviewpro-2018", "builtin:ismartviewpro-2018", "--format", "text");
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("no combination changes effect or retention deadline.", result.Stdout.Trim(), StringComparison.Ordinal);
    }
}
