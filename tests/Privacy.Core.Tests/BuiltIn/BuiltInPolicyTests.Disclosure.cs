using System.Linq;
using NodaTime;

namespace Privacy.Tests.BuiltIn;

public partial class BuiltInPolicyTests
{
    // Item 5: disclosure of personal data.
    [Fact]
    public void DisclosureServiceProviders_WithConfidentialityAgreement_PermitsWithMinimisation()
    {
        var decision = Disclose("personal.email", "service-provider", "service-provision", context: new(ConfidentialityAgreement: true));
        AssertDecision(decision, Effect.Permit, "disclosure.service-providers");
        Assert.Contains(new ObligationId("share-only-what-is-needed"), decision.Obligations);
        Assert.Contains(new ObligationId("log-disclosure"), decision.Obligations);
    }

    [Fact]
    public void DisclosureServiceProviders_WithoutAgreement_Denies()
        => AssertDecision(Disclose("personal.email", "service-provider", "service-provision"), Effect.Deny, "disclosure.service-providers", "disclosure.default");

    [Fact]
    public void DisclosureLegal_ToAuthorityUnderLegalObligation_Permits()
        => AssertDecision(Disclose("personal.log.ip-address", "authority", "legal-obligation"), Effect.Permit, "disclosure.legal");

    [Fact]
    public void DisclosureLegal_LegalObligationToAThirdParty_Denies()
        => AssertDecision(Disclose("personal.name", "third-party", "legal-obligation"), Effect.Deny, "disclosure.default");

    [Theory]
    [InlineData("third-party")]
    [InlineData("authority")]
    [InlineData("public")]
    public void DisclosureProtection_AnyRecipient_Permits(string recipient)
        => AssertDecision(Disclose("personal.name", recipient, "protection"), Effect.Permit, "disclosure.protection");

    [Fact]
    public void DisclosureBusinessTransfer_ToAcquirer_Permits()
        => AssertDecision(Disclose("personal.address", "acquirer", "business-transfer"), Effect.Permit, "disclosure.business-transfer");

    [Fact]
    public void DisclosureBusinessTransfer_ToAThirdParty_Denies()
        => AssertDecision(Disclose("personal.address", "third-party", "business-transfer"), Effect.Deny, "disclosure.default");

    [Fact]
    public void DisclosureConsent_WithConsentForThatRecipient_Permits()
    {
        var subject = Subject(PrivacyEvent.ConsentGranted(new RecipientId("third-party"), At - Duration.FromDays(5)));
        AssertDecision(Disclose("personal.email", "third-party", "consent", subject), Effect.Permit, "disclosure.consent");
    }

    [Fact]
    public void DisclosureConsent_ConsentForAnotherRecipient_Denies()
    {
        var subject = Subject(PrivacyEvent.ConsentGranted(new RecipientId("acquirer"), At - Duration.FromDays(5)));
        AssertDecision(Disclose("personal.email", "third-party", "consent", subject), Effect.Deny, "disclosure.consent", "disclosure.default");
    }

    [Fact]
    public void DisclosureConsent_WithdrawnLater_Denies()
    {
        var subject = Subject(
            PrivacyEvent.ConsentWithdrawn(new RecipientId("third-party"), At - Duration.FromDays(1)),
            PrivacyEvent.ConsentGranted(new RecipientId("third-party"), At - Duration.FromDays(5)));
        AssertDecision(Disclose("personal.email", "third-party", "consent", subject), Effect.Deny, "disclosure.consent", "disclosure.default");
    }

    [Fact]
    public void DisclosureDefault_NoReasonApplies_Denies()
        => AssertDecision(Disclose("personal.email", "third-party", "service-provision"), Effect.Deny, "disclosure.default");

    [Theory]
    [InlineData("consent")]
    [InlineData("business-transfer")]
    [InlineData("service-provision")]
    public void SecurityPublicSharing_SharedContentToThePublic_PermitsWhateverTheReason(string reason)
        => AssertDecision(Disclose("personal.shared-content", "public", reason), Effect.Permit, "security.public-sharing");

    [Fact]
    public void SecurityPublicSharing_OtherDataToThePublic_Denies()
        => AssertDecision(Disclose("personal.email", "public", "consent"), Effect.Deny, "disclosure.consent", "disclosure.default");

    [Fact]
    public void RightsErasure_DisclosureAfterRequest_DeniesExceptLawAndProtection()
    {
        var subject = Subject(PrivacyEvent.ErasureRequested(At - Duration.FromDays(1)), PrivacyEvent.ConsentGranted(new RecipientId("third-party"), At - Duration.FromDays(9)));
        AssertDecision(Disclose("personal.email", "third-party", "consent", subject), Effect.Deny, "rights.erasure");
        AssertDecision(Disclose("personal.email", "acquirer", "business-transfer", subject), Effect.Deny, "rights.erasure");
        AssertDecision(Disclose("personal.email", "authority", "legal-obligation", subject), Effect.Permit, "disclosure.legal", "rights.retention-exceptions");
        AssertDecision(Disclose("personal.email", "third-party", "protection", subject), Effect.Permit, "disclosure.protection", "rights.retention-exceptions");
    }

    [Fact]
    public void LogDisclosure_EveryPermittedPersonalDisclosure_CarriesIt()
    {
        Assert.Contains(new ObligationId("log-disclosure"), Disclose("personal.name", "authority", "legal-obligation").Obligations);
        Assert.Contains(new ObligationId("log-disclosure"), Disclose("personal.name", "acquirer", "business-transfer").Obligations);
        Assert.Empty(Disclose("non-personal.usage", "third-party", "consent").Obligations);
    }

    // Item 6: messages.
    [Theory]
    [InlineData("email")]
    [InlineData("push")]
    [InlineData("post")]
    public void UseContact_MarketingMessage_PermitsWithOptOutInstructions(string channel)
    {
        var decision = Send("marketing", channel);
        AssertDecision(decision, Effect.Permit, "use.contact");
        Assert.Equal(["include-opt-out-instructions"], decision.Obligations.Select(o => o.Value));
    }

    [Fact]
    public void RightsMarketingOptOut_MarketingMessageAfterOptOut_Denies()
        => AssertDecision(Send("marketing", subject: Subject(PrivacyEvent.MarketingOptOut(At - Duration.FromDays(1)))), Effect.Deny, "rights.marketing-opt-out");

    [Theory]
    [InlineData("administrative", "rights.administrative-messages")]
    [InlineData("policy-change", "changes.notice")]
    [InlineData("breach-notice", "security.breach")]
    public void RightsAdministrativeMessages_AfterOptOut_StillPermit(string message, string first)
    {
        var decision = Send(message, subject: Subject(PrivacyEvent.MarketingOptOut(At - Duration.FromDays(1))));
        Assert.Equal(Effect.Permit, decision.Effect);
        Assert.Equal(first, decision.Clauses[0].Value);
        Assert.Contains(new ClauseId("rights.administrative-messages"), decision.Clauses);
    }

    [Theory]
    [InlineData("marketing")]
    [InlineData("administrative")]
    [InlineData("policy-change")]
    [InlineData("breach-notice")]
    public void RightsErasure_AnyMessageAfterRequest_Denies(string message)
        => AssertDecision(Send(message, "popup", Subject(PrivacyEvent.ErasureRequested(At - Duration.FromDays(1)), PrivacyEvent.MarketingOptIn(At - Duration.FromHours(1)))), Effect.Deny, "rights.erasure");
}
