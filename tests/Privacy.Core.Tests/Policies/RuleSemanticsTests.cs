using System;
using NodaTime;
using Privacy.Analysis;
using Privacy.Compilation;
using Privacy.Policies;
using Privacy.Reference;
using Privacy.Retention;

namespace Privacy.Tests.Policies;

/// <summary>
/// One reading of which requests a rule applies to, shared by the compiler, the analyzer and the
/// reference evaluator: they must tell the same story about a rule whose selector an action lacks.
/// </summary>
public class RuleSemanticsTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 1, 9, 0);

    private static PolicyBuilder Base() => new PolicyBuilder("p", "1")
        .AddCategory("personal", DataClass.Personal, "personal")
        .AddCategory("personal.email", DataClass.Personal, "email")
        .AddCategory("health", DataClass.Sensitive, "health")
        .AddPurpose("service", "service")
        .AddPurpose("marketing", "marketing")
        .AddRecipient("provider", "provider")
        .AddRecipient("provider.hosting", "hosting")
        .AddRecipient("public", "public")
        .AddReason("contract", "contract")
        .AddReason("contract.renewal", "renewal")
        .AddMessageKind("news", "news")
        .AddMessageKind("news.weekly", "weekly news")
        .AddChannel("email", "email")
        .AddClause("k", "Clause k.")
        .AddClause("deny", "Default.")
        .DenyByDefault("deny")
        .Retain("personal", RetentionPeriod.FromPeriod(Period.FromMonths(1)), "k")
        .Retain("health", RetentionPeriod.Zero, "k", allowsGrounds: false)
        .Erasure(RetentionPeriod.FromPeriod(Period.FromMonths(1)), "k", DataClass.Personal);

    private static PrivacyDecision Disclose(PrivacyPolicy policy, IPrivacyEvaluator evaluator, string category, string recipient, string reason = "contract")
        => evaluator.Decide(new DiscloseRequest(new(category), new(recipient), new(reason), At), SubjectState.Empty(At));

    [Fact]
    public void DisclosePermissionNamingPurposes_CompilerAndReferenceNeverPermit_AnalyzerReportsAnError()
    {
        var policy = Base().Permit("share", r => r.On(PrivacyAction.Disclose).Purposes("service").Cites("k")).Build();
        var compiled = CompiledPolicy.Compile(policy);
        var reference = new ReferenceEvaluator(policy);
        foreach (var category in new[] { "personal.email", "health" })
        {
            Assert.Equal(Effect.Deny, Disclose(policy, compiled, category, "public").Effect);
            Assert.Equal(Effect.Deny, Disclose(policy, reference, category, "public").Effect);
        }

        var findings = PolicyAnalyzer.Default.Analyze(policy);
        var finding = Assert.Single(findings, f => f.Code == "ignored-selector");
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("never permits a 'disclose'", finding.Message, StringComparison.Ordinal);

        // The analyzer no longer claims the permission reaches sensitive data the compiler never lets through.
        Assert.DoesNotContain(findings, f => f.Code == "sensitive-permitted");
    }

    [Fact]
    public void ProhibitionNamingPurposesOverUseAndDisclose_DeniesEveryDisclosure_AnalyzerWarnsSo()
    {
        var policy = Base()
            .Prohibit("no-marketing", r => r.On(PrivacyAction.Use, PrivacyAction.Disclose).Purposes("marketing").Cites("k"))
            .Permit("use", r => r.On(PrivacyAction.Use).Classes(DataClass.Personal).Cites("k"))
            .Permit("share", r => r.On(PrivacyAction.Disclose).Classes(DataClass.Personal).Cites("k"))
            .Build();
        var compiled = CompiledPolicy.Compile(policy);
        Assert.Equal(Effect.Deny, Disclose(policy, compiled, "personal.email", "provider").Effect);
        Assert.Equal(Effect.Deny, Disclose(policy, new ReferenceEvaluator(policy), "personal.email", "provider").Effect);
        Assert.Equal(Effect.Permit, compiled.Decide(new UseRequest(new("personal.email"), new("service"), At), SubjectState.Empty(At)).Effect);
        Assert.Equal(Effect.Deny, compiled.Decide(new UseRequest(new("personal.email"), new("marketing"), At), SubjectState.Empty(At)).Effect);

        var findings = PolicyAnalyzer.Default.Analyze(policy);
        var ignored = Assert.Single(findings, f => f.Code == "ignored-selector");
        Assert.Equal(FindingSeverity.Warning, ignored.Severity);
        Assert.Contains("denies every 'disclose'", ignored.Message, StringComparison.Ordinal);

        // "share" is shadowed for every disclosure, as the compiler decides.
        Assert.Contains(findings, f => f.Code == "shadowed-rule" && f.RuleId == "share");
    }

    [Theory]
    [InlineData("provider.hosting", "contract", Effect.Permit)]
    [InlineData("provider", "contract.renewal", Effect.Permit)]
    [InlineData("public", "contract", Effect.Deny)]
    public void RecipientAndReasonSelectors_MatchTheIdsBelowThem(string recipient, string reason, Effect expected)
    {
        var policy = Base().Permit("share", r => r.On(PrivacyAction.Disclose).Recipients("provider").Reasons("contract").Cites("k")).Build();
        Assert.Equal(expected, Disclose(policy, CompiledPolicy.Compile(policy), "personal.email", recipient, reason).Effect);
        Assert.Equal(expected, Disclose(policy, new ReferenceEvaluator(policy), "personal.email", recipient, reason).Effect);
        Assert.DoesNotContain(PolicyAnalyzer.Default.Analyze(policy), f => f.Code == "shadowed-rule");
    }

    [Fact]
    public void MessageSelector_MatchesTheKindsBelowIt()
    {
        var policy = Base().Permit("news", r => r.On(PrivacyAction.Communicate).Messages("news").Cites("k")).Build();
        var decision = CompiledPolicy.Compile(policy).Decide(new CommunicateRequest(new("news.weekly"), new("email"), At), SubjectState.Empty(At));
        Assert.Equal(Effect.Permit, decision.Effect);
    }

    [Fact]
    public void ExceptionsPerAction_AreNotReportedWhenSomeActionReadsThem()
    {
        var policy = Base()
            .Prohibit("erased", r => r.On(PrivacyAction.Use, PrivacyAction.Disclose).Classes(DataClass.Personal).When(RuleConditions.ErasureRequested)
                .ExceptPurposes("service").ExceptReasons("contract").Cites("k"))
            .Build();
        Assert.DoesNotContain(PolicyAnalyzer.Default.Analyze(policy), f => f.Code == "ignored-selector");
    }

    [Fact]
    public void RuleOnRetain_IsReportedBecauseRulesDoNotDecideRetention()
    {
        var policy = Base().Permit("keep", r => r.On(PrivacyAction.Retain).Classes(DataClass.Personal).Cites("k")).Build();
        var finding = Assert.Single(PolicyAnalyzer.Default.Analyze(policy), f => f.Code == "ignored-selector");
        Assert.Contains("retention rules", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PrivacyAction.Collect, "Data, Purposes, ExceptPurposes")]
    [InlineData(PrivacyAction.Use, "Data, Purposes, ExceptPurposes")]
    [InlineData(PrivacyAction.Disclose, "Data, Recipients, Reasons, ExceptReasons")]
    [InlineData(PrivacyAction.Communicate, "Messages, Channels")]
    [InlineData(PrivacyAction.Retain, "None")]
    public void Reads_NamesTheFieldsEachActionCarries(PrivacyAction action, string fields)
        => Assert.Equal(fields, RuleSemantics.Reads(action).ToString());
}
