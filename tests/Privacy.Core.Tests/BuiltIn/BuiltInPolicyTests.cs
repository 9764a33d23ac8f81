using System.Linq;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Compilation;

namespace Privacy.Tests.BuiltIn;

/// <summary>Decisions of the built-in policy, clause by clause, as fixed by the reference semantics.</summary>
public partial class BuiltInPolicyTests
{
    private static readonly CompiledPolicy Policy = BuiltInPolicies.IsmartviewPro2018Compiled;
    private static readonly Instant At = Instant.FromUtc(2026, 3, 1, 9, 0);

    private static DataSubject Subject(params PrivacyEvent[] events) => new("s-1", hasEmail: true, events);

    private static PrivacyDecision Use(string category, string purpose, DataSubject? subject = null, RequestContext context = default)
        => Policy.Decide(new UseRequest(new(category), new(purpose), At, context), subject);

    private static PrivacyDecision Collect(string category, string purpose, DataSubject? subject = null, RequestContext context = default)
        => Policy.Decide(new CollectRequest(new(category), new(purpose), At, context), subject);

    private static PrivacyDecision Disclose(string category, string recipient, string reason, DataSubject? subject = null, RequestContext context = default)
        => Policy.Decide(new DiscloseRequest(new(category), new(recipient), new(reason), At, context), subject);

    private static PrivacyDecision Send(string message, string channel = "email", DataSubject? subject = null)
        => Policy.Decide(new CommunicateRequest(new(message), new(channel), At), subject);

    private static void AssertDecision(PrivacyDecision decision, Effect effect, params string[] clauses)
    {
        Assert.Equal(effect, decision.Effect);
        Assert.Equal(clauses, decision.Clauses.Select(c => c.Value).ToArray());
    }

    // Item 1: sensitive data.
    [Theory]
    [InlineData("sensitive.health", "service.delivery")]
    [InlineData("sensitive.biometric", "security.protection")]
    [InlineData("sensitive.genetic", "internal.analytics")]
    [InlineData("sensitive", "marketing.own")]
    public void SensitiveNone_UseForAnyPurpose_Denies(string category, string purpose)
    {
        AssertDecision(Use(category, purpose), Effect.Deny, "sensitive.none");
        AssertDecision(Collect(category, purpose), Effect.Deny, "sensitive.none");
    }

    [Fact]
    public void SensitiveNone_EvenWithConsent_Denies()
    {
        var subject = Subject(PrivacyEvent.ConsentGranted(new PurposeId("service.delivery"), At - Duration.FromDays(1)),
            PrivacyEvent.ConsentGranted(new RecipientId("third-party"), At - Duration.FromDays(1)));
        AssertDecision(Use("sensitive.health", "service.delivery", subject), Effect.Deny, "sensitive.none");
        AssertDecision(Disclose("sensitive.political-opinion", "third-party", "consent", subject), Effect.Deny, "sensitive.none");
        AssertDecision(Disclose("sensitive.religious-belief", "authority", "legal-obligation", subject), Effect.Deny, "sensitive.none");
    }

    // Item 2: device-local data.
    [Theory]
    [InlineData("service.delivery")]
    [InlineData("security.protection")]
    public void CollectionLocalOnly_AppData_Denies(string purpose)
    {
        AssertDecision(Collect("local.app-data", purpose), Effect.Deny, "collection.local-only");
        AssertDecision(Use("local.app-data", purpose), Effect.Deny, "collection.local-only");
        AssertDecision(Disclose("local.app-data", "service-provider", "service-provision", context: new(ConfidentialityAgreement: true)), Effect.Deny, "collection.local-only");
    }

    // Item 3: non-personal data.
    [Theory]
    [InlineData("non-personal.usage", "marketing.partners")]
    [InlineData("non-personal.aggregate", "internal.analytics")]
    public void NonPersonalAnyPurpose_UseAndCollect_Permit(string category, string purpose)
    {
        AssertDecision(Use(category, purpose), Effect.Permit, "non-personal.any-purpose");
        AssertDecision(Collect(category, purpose), Effect.Permit, "non-personal.any-purpose");
    }

    [Fact]
    public void NonPersonalAnyPurpose_DiscloseToAnyone_Permits()
    {
        AssertDecision(Disclose("non-personal.usage", "third-party", "consent"), Effect.Permit, "non-personal.any-purpose");
        AssertDecision(Disclose("non-personal.aggregate", "public", "business-transfer"), Effect.Permit, "non-personal.any-purpose");
    }

    [Fact]
    public void NonPersonalAnyPurpose_AfterErasure_StillPermits()
        => AssertDecision(Use("non-personal.usage", "internal.analytics", Subject(PrivacyEvent.ErasureRequested(At - Duration.FromDays(3)))), Effect.Permit, "non-personal.any-purpose");

    // Item 4: purpose-bound use of personal data.
    [Theory]
    [InlineData("personal.name", "service.delivery", "use.service")]
    [InlineData("personal.email", "service.support", "use.service")]
    [InlineData("personal.address", "service.maintenance", "use.service")]
    [InlineData("personal.age", "internal.surveys", "use.internal")]
    [InlineData("personal.position", "internal.audit", "use.internal")]
    [InlineData("personal.email", "communication.administrative", "use.contact")]
    [InlineData("personal.contact", "marketing.own", "use.contact")]
    [InlineData("personal.email", "marketing.partners", "use.contact")]
    [InlineData("personal.log.ip-address", "security.protection", "use.logs")]
    [InlineData("personal.log.clickstream", "internal.analytics", "use.logs")]
    [InlineData("personal.log.device-id", "service.maintenance", "use.logs")]
    [InlineData("personal.cookie", "internal.analytics", "use.cookies")]
    [InlineData("personal.cookie", "marketing.own", "use.cookies")]
    [InlineData("personal.cookie", "service.delivery", "use.cookies")]
    [InlineData("personal.shared-content", "service.delivery", "use.service")]
    public void PurposeBound_ListedPair_Permits(string category, string purpose, string clause)
    {
        AssertDecision(Use(category, purpose), Effect.Permit, clause);
        AssertDecision(Collect(category, purpose), Effect.Permit, clause);
    }

    [Theory]
    [InlineData("personal.name", "security.protection")]
    [InlineData("personal.log.ip-address", "marketing.own")]
    [InlineData("personal.log.timestamp", "communication.administrative")]
    [InlineData("personal.cookie", "internal.audit")]
    [InlineData("personal.shared-content", "marketing.own")]
    [InlineData("personal.shared-content", "service.support")]
    [InlineData("personal", "service.delivery")]
    public void CollectionNecessary_UnlistedPair_Denies(string category, string purpose)
        => AssertDecision(Use(category, purpose), Effect.Deny, "collection.necessary");

    [Fact]
    public void UseLocation_WhileLocationFeatureInUse_Permits()
        => AssertDecision(Use("personal.location.network", "service.location", context: new(LocationFeatureInUse: true)), Effect.Permit, "use.location");

    [Fact]
    public void UseLocation_WithoutLocationFeature_DeniesCitingTheUnmetRule()
        => AssertDecision(Use("personal.location.network", "service.location"), Effect.Deny, "use.location", "collection.necessary");

    [Fact]
    public void UseLocation_OtherPurposeEvenWithFeature_Denies()
        => AssertDecision(Use("personal.location.network", "service.delivery", context: new(LocationFeatureInUse: true)), Effect.Deny, "collection.necessary");

    [Fact]
    public void RightsErasure_UseAfterRequest_Denies()
        => AssertDecision(Use("personal.email", "service.support", Subject(PrivacyEvent.ErasureRequested(At - Duration.FromHours(1)))), Effect.Deny, "rights.erasure");

    [Fact]
    public void RightsErasure_RequestAfterTheInstant_ChangesNothing()
        => AssertDecision(Use("personal.email", "service.support", Subject(PrivacyEvent.ErasureRequested(At + Duration.FromHours(1)))), Effect.Permit, "use.service");

    [Fact]
    public void RetentionExceptions_SecurityUseOfLogsAfterErasure_PermitsCitingTheException()
        => AssertDecision(Use("personal.log.ip-address", "security.protection", Subject(PrivacyEvent.ErasureRequested(At - Duration.FromDays(1)))),
            Effect.Permit, "use.logs", "rights.retention-exceptions");

    [Fact]
    public void RetentionExceptions_ExemptPurposeButNoPermission_StillDenies()
        => AssertDecision(Use("personal.name", "security.protection", Subject(PrivacyEvent.ErasureRequested(At - Duration.FromDays(1)))), Effect.Deny, "collection.necessary");

    [Fact]
    public void MarketingOptOut_MarketingUse_Denies()
    {
        var subject = Subject(PrivacyEvent.MarketingOptOut(At - Duration.FromDays(2)));
        AssertDecision(Use("personal.email", "marketing.own", subject), Effect.Deny, "rights.marketing-opt-out");
        AssertDecision(Use("personal.cookie", "marketing.partners", subject), Effect.Deny, "rights.marketing-opt-out");
        AssertDecision(Use("personal.email", "service.support", subject), Effect.Permit, "use.service");
    }

    [Theory]
    [InlineData("non-personal.usage", "marketing.own")]
    [InlineData("non-personal.aggregate", "marketing.partners")]
    [InlineData("non-personal", "marketing")]
    public void MarketingOptOut_NonPersonalDataForMarketing_StillPermits(string category, string purpose)
    {
        var subject = Subject(PrivacyEvent.MarketingOptOut(At - Duration.FromDays(2)));
        AssertDecision(Use(category, purpose, subject), Effect.Permit, "non-personal.any-purpose");
        AssertDecision(Collect(category, purpose, subject), Effect.Permit, "non-personal.any-purpose");
        AssertDecision(Disclose(category, "third-party", "consent", subject), Effect.Permit, "non-personal.any-purpose");
    }

    [Fact]
    public void MarketingOptOut_PersonalDataForMarketing_StillDeniesForEveryPersonalCategory()
    {
        var subject = Subject(PrivacyEvent.MarketingOptOut(At - Duration.FromDays(2)));
        foreach (var category in Policy.Policy.Categories.Where(c => c.Class == DataClass.Personal))
        {
            Assert.Equal(Effect.Deny, Use(category.Id.Value, "marketing.own", subject).Effect);
            Assert.Equal(Effect.Deny, Collect(category.Id.Value, "marketing.partners", subject).Effect);
        }
    }

    [Fact]
    public void MarketingOptOut_ThenOptIn_AllowsMarketingAgain()
    {
        var subject = Subject(PrivacyEvent.MarketingOptIn(At - Duration.FromDays(1)), PrivacyEvent.MarketingOptOut(At - Duration.FromDays(2)));
        AssertDecision(Use("personal.email", "marketing.own", subject), Effect.Permit, "use.contact");
    }

    [Fact]
    public void MarketingOptOut_OptOutAndOptInAtTheSameInstant_OptOutWins()
    {
        var subject = Subject(PrivacyEvent.MarketingOptIn(At - Duration.FromDays(1)), PrivacyEvent.MarketingOptOut(At - Duration.FromDays(1)));
        AssertDecision(Send("marketing", subject: subject), Effect.Deny, "rights.marketing-opt-out");
    }
}
