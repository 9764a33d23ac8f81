using System;
using System.Text.Json;

namespace Privacy.Tests.Commands;

public class ExplainAndPolicyCommandTests
{
    [Fact]
    public void Explain_GivesTheEffectClauseSummariesAndObligations()
    {
        var result = CliRunner.InProcess(
            """{"id":"r2","action":"communicate","at":"2026-03-01T09:00:00Z","message":"marketing","channel":"email"}""", "explain");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("r2: PERMIT", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("use.contact: Email and contact data", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("include-opt-out-instructions: Tell the recipient how to opt out", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_BadLine_SaysWhyAndExits65()
    {
        var result = CliRunner.InProcess("""{"id":"x","action":"use","at":"2026-03-01T09:00:00Z","category":"personal.emial","purpose":"service.support"}""", "explain");
        Assert.Equal(65, result.ExitCode);
        Assert.Contains("x: cannot decide (unknown-category in 'category')", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("did you mean 'personal.email'", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_Retention_ShowsTheDeadline()
    {
        var result = CliRunner.InProcess(
            """{"id":"r3","action":"retain","at":"2026-03-15T00:00:00Z","category":"personal.email","collectedAt":"2025-06-01T00:00:00Z","subject":{"events":[{"type":"erasure-requested","at":"2026-03-01T00:00:00Z"}]}}""", "explain");
        Assert.Contains("r3: DELETE by 2026-04-01T00:00:00Z", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_NonPersonalDataForMarketingAfterOptOut_PermitsCitingAnyPurpose()
    {
        var result = CliRunner.InProcess(
            """{"id":"np","action":"use","at":"2026-03-01T09:00:00Z","category":"non-personal.usage","purpose":"marketing.own","subject":{"events":[{"type":"marketing-opt-out","at":"2026-02-01T00:00:00Z"}]}}""", "explain");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("np: PERMIT", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("non-personal.any-purpose:", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("rights.marketing-opt-out", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_Text_ListsVocabularyAndEveryClause()
    {
        var result = CliRunner.InProcess(string.Empty, "policy", "--format", "text");
        Assert.Equal(0, result.ExitCode);
        foreach (var clause in Privacy.BuiltIn.BuiltInPolicies.IsmartviewPro2018Policy.Clauses)
        {
            Assert.Contains(clause.Id.Value, result.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("personal.log.ip-address", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("marketing.partners", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_Json_IsAnObjectWithTheVocabulary()
    {
        var result = CliRunner.InProcess(string.Empty, "policy", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("ismartviewpro-2018", root.GetProperty("id").GetString());
        Assert.Equal(29, root.GetProperty("clauses").GetArrayLength());
        Assert.Equal(5, root.GetProperty("recipients").GetArrayLength());
    }
}

public class ExplainRetentionTests
{
    [Fact]
    public void Explain_RetentionUnderLegalHold_SaysNoDeadlineRuns()
    {
        var result = CliRunner.InProcess(
            """{"id":"h","action":"retain","at":"2026-03-15T00:00:00Z","category":"personal.email","collectedAt":"2020-06-01T00:00:00Z","subject":{"events":[{"type":"legal-hold-placed","at":"2026-03-01T00:00:00Z"}]}}""", "explain");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("h: RETAIN (no deadline runs yet)", result.Stdout, System.StringComparison.Ordinal);
        Assert.Contains("rights.retention-exceptions", result.Stdout, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RetentionUnderLegalHold_HasNoUntil()
    {
        var result = CliRunner.InProcess(
            """{"id":"h","action":"retain","at":"2026-03-15T00:00:00Z","category":"personal.email","collectedAt":"2020-06-01T00:00:00Z","subject":{"events":[{"type":"legal-hold-placed","at":"2026-03-01T00:00:00Z"}]}}""", "decide");
        Assert.Equal("""{"id":"h","effect":"retain","clauses":["rights.retention-exceptions"],"obligations":[]}""", Assert.Single(result.Lines));
    }
}
