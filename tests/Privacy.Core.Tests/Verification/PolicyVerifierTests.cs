using System.IO;
using System.Linq;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Documents;
using Privacy.Policies;
using Privacy.Verification;

namespace Privacy.Tests.Verification;

public class PolicyVerifierTests
{
    /// <summary>The built-in policy with a planted defect: a prohibition that applies only once the subject consents, so consent denies more.</summary>
    internal static PrivacyPolicy ConsentDeniesMore()
        => BuiltInPolicies.CreateIsmartviewPro2018Builder()
            .Prohibit("planted.consent-denies", r => r.On(PrivacyAction.Use).Categories("personal.email").Purposes("service").When(RuleConditions.Consent).Cites("use.contact"))
            .Build();

    [Fact]
    public void Verify_BuiltInPolicy_HoldsOnEveryCombination()
    {
        var report = PolicyVerifier.Verify(BuiltInPolicies.IsmartviewPro2018Compiled);
        Assert.True(report.IsSuccessful, string.Join("\n", report.Violations.Take(20)));
        var v = BuiltInPolicies.IsmartviewPro2018Compiled.Vocabulary;
        var ruleCells = (2L * v.Categories.Count * v.Purposes.Count * 32) + (v.Categories.Count * v.Recipients.Count * v.Reasons.Count * 32L) + (v.Messages.Count * v.Channels.Count * 16L);
        Assert.True(report.CellsChecked > ruleCells, $"{report.CellsChecked} cells checked, {ruleCells} rule cells");
    }

    [Fact]
    public void Verify_PlantedConsentProhibition_ReportsConsentMonotoneCounterexample()
    {
        var report = PolicyVerifier.Verify(CompiledPolicy.Compile(ConsentDeniesMore()));
        Assert.False(report.IsSuccessful);
        Assert.Contains(report.Violations, v => v.Invariant == "consent-monotone" && v.Cell.Conditions == RuleConditions.Consent && v.Cell.Purpose == "service");
        Assert.All(report.Violations, v =>
        {
            Assert.Equal("consent-monotone", v.Invariant);
            Assert.Equal(PrivacyAction.Use, v.Cell.Action);
            Assert.Equal("personal.email", v.Cell.Category);
            Assert.StartsWith("service", v.Cell.Purpose, System.StringComparison.Ordinal);
            Assert.Equal(Effect.Deny, v.Decision.Effect);
        });
    }

    [Fact]
    public void Verify_GeneratedPolicies_HoldEverywhere()
    {
        // The engine keeps the invariants on any policy whose rules do not contradict them; generated rules may
        // condition a prohibition on consent (or a permission on an opt-out), which the verifier must then report.
        foreach (var generated in FsCheck.Fluent.Gen.Sample(Testing.Generators.GeneratedPolicies.Policies(), 30))
        {
            var report = PolicyVerifier.Verify(CompiledPolicy.Compile(generated.Policy));
            var engineInvariants = new[] { "explainable", "fail-closed", "prohibitions-win", "deterministic", "retention-anchor", "grounds-never-shorten" };
            Assert.DoesNotContain(report.Violations, v => engineInvariants.Contains(v.Invariant));
            foreach (var v in report.Violations.Where(v => v.Invariant == "consent-monotone"))
            {
                Assert.Contains(generated.Policy.Rules, r => (r.Conditions & RuleConditions.Consent) != 0);
            }
        }
    }

    [Fact]
    public void Verify_LimitsKeptViolations_ButCountsThemAll()
    {
        var report = PolicyVerifier.Verify(CompiledPolicy.Compile(ConsentDeniesMore()), maxViolations: 1);
        Assert.Single(report.Violations);
        Assert.True(report.ViolationCount >= 1);
    }

    [Fact]
    public void SemanticDiff_Version001To002_ListsTheLongerRetentionCells()
    {
        var older = CompiledPolicy.Compile(PolicyDocument.Load(Path.Combine("examples", "ismartviewpro-2018.policy.json")));
        var newer = CompiledPolicy.Compile(PolicyDocument.Load(Path.Combine("examples", "ismartviewpro-2018-v2.policy.json")));
        var changes = SemanticDiff.Compare(older, newer);

        // 002 keeps logs for twelve months instead of six: only retention of personal.log and what lies below it changes.
        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.Equal(PrivacyAction.Retain, c.Cell.Action));
        Assert.All(changes, c => Assert.StartsWith("personal.log", c.Cell.Category, System.StringComparison.Ordinal));
        var plain = Assert.Single(changes, c => c.Cell.Category == "personal.log" && c.Cell.Situation == "no history" && c.Cell.Grounds == "none");
        Assert.Equal("retain, deadline collection + P6M [use.logs]", plain.Old);
        Assert.Equal("retain, deadline collection + P1Y [use.logs]", plain.New);
        Assert.Contains(changes, c => c.Cell.Category == "personal.log.ip-address");
        Assert.Empty(SemanticDiff.Compare(older, older));
    }

    [Fact]
    public void SemanticDiff_PlantedProhibition_ListsExactlyTheConsentCellsOfThatUse()
    {
        var changes = SemanticDiff.Compare(BuiltInPolicies.IsmartviewPro2018Compiled, CompiledPolicy.Compile(ConsentDeniesMore()));
        Assert.NotEmpty(changes);
        Assert.All(changes, c =>
        {
            Assert.Equal(PrivacyAction.Use, c.Cell.Action);
            Assert.StartsWith("personal.email", c.Cell.Category, System.StringComparison.Ordinal);
            Assert.True((c.Cell.Conditions & RuleConditions.Consent) != 0);
            Assert.StartsWith("permit", c.Old, System.StringComparison.Ordinal);
            Assert.StartsWith("deny", c.New, System.StringComparison.Ordinal);
        });
    }

    /// <summary>The built-in policy with a recipient below <c>service-provider</c> and a reason below <c>legal-obligation</c>.</summary>
    internal static PrivacyPolicy WithChildRecipientAndReason()
        => BuiltInPolicies.CreateIsmartviewPro2018Builder()
            .AddRecipient("service-provider.hosting", "A provider that hosts the service.")
            .AddReason("legal-obligation.court-order", "A court order.")
            .Build();

    [Fact]
    public void Verify_SelectorsListingParentRecipientsAndReasons_CoverTheirChildrenAsTheCompilerDoes()
    {
        // The compiler reads a listed recipient or reason as covering the ids below it, so the hosting provider may
        // receive what service providers may, and an erasure exempts a court order as it exempts any legal obligation.
        // The verifier must read the rules the same way, or it reports the compiled tables as breaking fail-closed
        // and prohibitions-win where they follow the policy.
        var compiled = CompiledPolicy.Compile(WithChildRecipientAndReason());
        var erased = new DataSubject("s", true, [PrivacyEvent.ErasureRequested(NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0))]);
        var at = NodaTime.Instant.FromUtc(2026, 1, 2, 0, 0);
        var toHosting = compiled.Decide(new DiscloseRequest(new("personal.email"), new("service-provider.hosting"), new("service-provision"), at, new RequestContext(false, true)), new DataSubject("s", true).StateAt(at));
        var courtOrder = compiled.Decide(new DiscloseRequest(new("personal.email"), new("authority"), new("legal-obligation.court-order"), at), erased.StateAt(at));
        Assert.Equal(Effect.Permit, toHosting.Effect);
        Assert.Equal(Effect.Permit, courtOrder.Effect);

        var report = PolicyVerifier.Verify(compiled);

        Assert.True(report.IsSuccessful, string.Join("\n", report.Violations.Take(20)));
    }

    [Fact]
    public void FindProhibition_SensitiveUse_ReturnsTheSensitiveProhibition()
    {
        var rule = PolicyVerifier.FindProhibition(BuiltInPolicies.IsmartviewPro2018Compiled, new DecisionCell(PrivacyAction.Use, "sensitive.health", "service"));

        Assert.Equal("sensitive.none", rule?.Id);
    }

    [Fact]
    public void FindProhibition_ErasedSubjectAndChildOfAnExceptedReason_ReturnsNull()
    {
        var compiled = CompiledPolicy.Compile(WithChildRecipientAndReason());

        var exempt = PolicyVerifier.FindProhibition(compiled, new DecisionCell(PrivacyAction.Disclose, "personal.email", Recipient: "authority", Reason: "legal-obligation.court-order", Conditions: RuleConditions.ErasureRequested));
        var denied = PolicyVerifier.FindProhibition(compiled, new DecisionCell(PrivacyAction.Disclose, "personal.email", Recipient: "authority", Reason: "consent", Conditions: RuleConditions.ErasureRequested));

        Assert.Null(exempt);
        Assert.Equal("erasure.personal-data", denied?.Id);
    }

    [Theory]
    [InlineData(PrivacyAction.Retain, "sensitive.health")]
    [InlineData(PrivacyAction.Use, "no-such-category")]
    public void FindProhibition_RetentionOrUnknownCategory_ReturnsNull(PrivacyAction action, string category)
    {
        Assert.Null(PolicyVerifier.FindProhibition(BuiltInPolicies.IsmartviewPro2018Compiled, new DecisionCell(action, category, "service")));
    }

    [Fact]
    public void FindProhibition_NullArguments_Throw()
    {
        Assert.Throws<System.ArgumentNullException>(() => PolicyVerifier.FindProhibition(null!, new DecisionCell(PrivacyAction.Use)));
        Assert.Throws<System.ArgumentNullException>(() => PolicyVerifier.FindProhibition(BuiltInPolicies.IsmartviewPro2018Compiled, null!));
    }
}
