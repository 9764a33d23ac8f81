using System;
using System.IO;
using System.Linq;
using NodaTime;
using Privacy;
using Privacy.Analysis;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Documents;

namespace CameraCompanion.Tests.Profile;

/// <summary>The camera profile, loaded through the library's document loader: one test per clause it adds.</summary>
public class CameraProfileTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 1, 9, 0);

    public static CompiledPolicy Profile { get; } = CompiledPolicy.Compile(PolicyDocument.Load(Path.Combine(AppContext.BaseDirectory, "examples", "ismartviewpro-camera.policy.json")));

    private static SubjectState Plain => new DataSubject("u-1", hasEmail: true).StateAt(At);

    private static SubjectState With(params PrivacyEvent[] events) => new DataSubject("u-1", hasEmail: true, events).StateAt(At);

    private static string[] Clauses(PrivacyDecision d) => [.. d.Clauses.Select(c => c.Value)];

    [Fact]
    public void Load_CameraProfile_HasNoErrorOrWarningFindings()
    {
        var findings = PolicyAnalyzer.Default.Analyze(Profile.Policy);
        Assert.DoesNotContain(findings, f => f.Severity is FindingSeverity.Error or FindingSeverity.Warning);
    }

    [Fact]
    public void Load_CameraProfile_KeepsEveryBuiltInDecisionVocabulary()
    {
        var builtIn = BuiltInPolicies.IsmartviewPro2018Compiled.Policy;
        Assert.All(builtIn.Categories, c => Assert.Contains(Profile.Policy.Categories, p => p.Id == c.Id));
        Assert.All(builtIn.Clauses, c => Assert.Contains(Profile.Policy.Clauses, p => p.Id == c.Id));
        Assert.Equal("ismartviewpro-2018", BuiltInPolicies.IsmartviewPro2018Compiled.PolicyId);
    }

    [Theory]
    [InlineData("personal.camera.video", "service.delivery")]
    [InlineData("personal.camera.snapshot", "service.alerts")]
    [InlineData("personal.camera.audio", "service.support")]
    [InlineData("personal.camera.video", "security.protection")]
    public void Use_RecordingsForTheService_PermitsCitingCameraRecordings(string category, string purpose)
    {
        var decision = Profile.Decide(new UseRequest(new(category), new(purpose), At), Plain);
        Assert.Equal(Effect.Permit, decision.Effect);
        Assert.Equal(["camera.recordings"], Clauses(decision));
    }

    [Theory]
    [InlineData("marketing.own")]
    [InlineData("internal.analytics")]
    [InlineData("marketing.partners")]
    public void Use_RecordingsBeyondTheService_Denies(string purpose)
    {
        var decision = Profile.Decide(new UseRequest(new("personal.camera.video"), new(purpose), At), Plain);
        Assert.Equal(Effect.Deny, decision.Effect);
    }

    [Fact]
    public void Collect_CloudStorageWithoutConsent_DeniesCitingCameraCloudStorage()
    {
        var decision = Profile.Decide(new CollectRequest(new("personal.camera.video"), new("service.cloud-storage"), At), Plain);
        Assert.Equal(Effect.Deny, decision.Effect);
        Assert.Equal("camera.cloud-storage", Clauses(decision)[0]);
    }

    [Fact]
    public void Collect_CloudStorageWithConsent_Permits()
    {
        var subject = With(PrivacyEvent.ConsentGranted(new PurposeId("service.cloud-storage"), At - Duration.FromDays(1)));
        var decision = Profile.Decide(new CollectRequest(new("personal.camera.video"), new("service.cloud-storage"), At), subject);
        Assert.Equal(Effect.Permit, decision.Effect);
        Assert.Equal(["camera.cloud-storage"], Clauses(decision));
    }

    [Fact]
    public void Collect_CloudStorageAfterConsentWithdrawn_Denies()
    {
        var subject = With(
            PrivacyEvent.ConsentGranted(new PurposeId("service.cloud-storage"), At - Duration.FromDays(2)),
            PrivacyEvent.ConsentWithdrawn(new PurposeId("service.cloud-storage"), At - Duration.FromDays(1)));
        Assert.Equal(Effect.Deny, Profile.Decide(new CollectRequest(new("personal.camera.video"), new("service.cloud-storage"), At), subject).Effect);
    }

    [Theory]
    [InlineData("local.wifi-secret")]
    [InlineData("local.device-credentials")]
    public void Collect_DeviceSecrets_DeniesCitingCameraDeviceSecretsEvenWithConsent(string category)
    {
        var subject = With(PrivacyEvent.ConsentGranted(new PurposeId("service.delivery"), At - Duration.FromDays(1)));
        var decision = Profile.Decide(new CollectRequest(new(category), new("service.delivery"), At), subject);
        Assert.Equal(Effect.Deny, decision.Effect);
        Assert.Equal("camera.device-secrets", Clauses(decision)[0]);
        Assert.Equal(Effect.Deny, Profile.Decide(new DiscloseRequest(new(category), new("service-provider"), new("service-provision"), At, new RequestContext(ConfidentialityAgreement: true)), subject).Effect);
    }

    [Fact]
    public void Use_PairingForTheService_PermitsCitingCameraPairing()
    {
        var decision = Profile.Decide(new UseRequest(new("personal.device.pairing"), new("service.maintenance"), At), Plain);
        Assert.Equal(Effect.Permit, decision.Effect);
        Assert.Equal(["camera.pairing"], Clauses(decision));
        Assert.Equal(Effect.Deny, Profile.Decide(new UseRequest(new("personal.device.pairing"), new("marketing.own"), At), Plain).Effect);
    }

    [Fact]
    public void Retain_PairingOfAnOpenAccount_IsKept()
    {
        var decision = Profile.Decide(new RetainRequest(new("personal.device.pairing"), At - Duration.FromDays(3000), At), Plain);
        Assert.Equal(Effect.Retain, decision.Effect);
    }

    [Fact]
    public void Retain_PairingAMonthAfterAccountClosure_IsDeleted()
    {
        var subject = With(PrivacyEvent.AccountClosed(Instant.FromUtc(2026, 1, 15, 0, 0)));
        var decision = Profile.Decide(new RetainRequest(new("personal.device.pairing"), Instant.FromUtc(2025, 1, 1, 0, 0), At), subject);
        Assert.Equal(Effect.Delete, decision.Effect);
        Assert.Equal(Instant.FromUtc(2026, 2, 15, 0, 0), decision.Deadline);
        Assert.Equal(["camera.pairing"], Clauses(decision));
    }

    [Theory]
    [InlineData("motion-alert", "push")]
    [InlineData("motion-alert", "email")]
    public void Communicate_MotionAlertAfterMarketingOptOut_PermitsCitingCameraMotionAlerts(string message, string channel)
    {
        var subject = With(PrivacyEvent.MarketingOptOut(At - Duration.FromDays(1)));
        var decision = Profile.Decide(new CommunicateRequest(new(message), new(channel), At), subject);
        Assert.Equal(Effect.Permit, decision.Effect);
        Assert.Equal(["camera.motion-alerts"], Clauses(decision));
    }

    [Fact]
    public void Communicate_MotionAlertAfterErasure_DeniesCitingRightsErasure()
    {
        var subject = With(PrivacyEvent.ErasureRequested(At - Duration.FromDays(1)));
        var decision = Profile.Decide(new CommunicateRequest(new("motion-alert"), new("push"), At), subject);
        Assert.Equal(Effect.Deny, decision.Effect);
        Assert.Equal("rights.erasure", Clauses(decision)[0]);
    }

    [Fact]
    public void Communicate_MotionAlertByPost_Denies()
        => Assert.Equal(Effect.Deny, Profile.Decide(new CommunicateRequest(new("motion-alert"), new("post"), At), Plain).Effect);

    [Fact]
    public void Disclose_ClipSharedAtTheSubjectsRequest_PermitsAndObligesALoggedDisclosure()
    {
        foreach (var recipient in new[] { "public", "app-user" })
        {
            var decision = Profile.Decide(new DiscloseRequest(new("personal.camera.video"), new(recipient), new("subject-request"), At), Plain);
            Assert.Equal(Effect.Permit, decision.Effect);
            Assert.Equal(["camera.sharing"], Clauses(decision));
            Assert.Contains(new ObligationId("log-disclosure"), decision.Obligations);
        }
    }

    [Fact]
    public void Disclose_ClipToAThirdPartyAtTheSubjectsRequest_Denies()
        => Assert.Equal(Effect.Deny, Profile.Decide(new DiscloseRequest(new("personal.camera.video"), new("third-party"), new("subject-request"), At), Plain).Effect);

    [Fact]
    public void Disclose_ClipSharedAfterErasure_DeniesCitingRightsErasure()
    {
        var subject = With(PrivacyEvent.ErasureRequested(At - Duration.FromDays(1)));
        var decision = Profile.Decide(new DiscloseRequest(new("personal.camera.video"), new("public"), new("subject-request"), At), subject);
        Assert.Equal(Effect.Deny, decision.Effect);
        Assert.Equal("rights.erasure", Clauses(decision)[0]);
    }

    [Fact]
    public void Use_SupportTicketToAnswerTheUser_PermitsCitingSupportTickets()
    {
        var decision = Profile.Decide(new UseRequest(new("personal.support-ticket"), new("service.support"), At), Plain);
        Assert.Equal(Effect.Permit, decision.Effect);
        Assert.Equal(["support.tickets"], Clauses(decision));
        Assert.Equal(Effect.Deny, Profile.Decide(new UseRequest(new("personal.support-ticket"), new("marketing.own"), At), Plain).Effect);
    }

    [Fact]
    public void Retain_SupportTicketAfterTwoYears_IsDeleted()
    {
        var decision = Profile.Decide(new RetainRequest(new("personal.support-ticket"), Instant.FromUtc(2024, 2, 1, 0, 0), At), Plain);
        Assert.Equal(Effect.Delete, decision.Effect);
        Assert.Equal(Instant.FromUtc(2026, 2, 1, 0, 0), decision.Deadline);
    }

    [Fact]
    public void Communicate_NewsletterToASubscriber_PermitsWithOptOutInstructions()
    {
        var decision = Profile.Decide(new CommunicateRequest(new("newsletter"), new("email"), At), Plain);
        Assert.Equal(Effect.Permit, decision.Effect);
        Assert.Equal(["newsletter.subscription"], Clauses(decision));
        Assert.Contains(new ObligationId("include-opt-out-instructions"), decision.Obligations);
    }

    [Fact]
    public void Communicate_NewsletterAfterOptOut_DeniesCitingMarketingOptOut()
    {
        var subject = With(PrivacyEvent.MarketingOptOut(At - Duration.FromDays(1)));
        var decision = Profile.Decide(new CommunicateRequest(new("newsletter"), new("email"), At), subject);
        Assert.Equal(Effect.Deny, decision.Effect);
        Assert.Equal(["rights.marketing-opt-out"], Clauses(decision));
    }

    [Fact]
    public void Use_NewsletterSubscriptionForOwnMarketing_PermitsUntilOptOut()
    {
        Assert.Equal(Effect.Permit, Profile.Decide(new UseRequest(new("personal.newsletter"), new("marketing.own"), At), Plain).Effect);
        var subject = With(PrivacyEvent.MarketingOptOut(At - Duration.FromDays(1)));
        Assert.Equal(Effect.Deny, Profile.Decide(new UseRequest(new("personal.newsletter"), new("marketing.own"), At), subject).Effect);
    }

    [Theory]
    [InlineData("subject-request")]
    [InlineData("service-provision")]
    [InlineData("business-transfer")]
    public void Disclose_ToALinkedThirdPartyService_DeniesCitingThirdPartyServices(string reason)
    {
        var decision = Profile.Decide(new DiscloseRequest(new("personal.email"), new("linked-service"), new(reason), At, new RequestContext(ConfidentialityAgreement: true)), Plain);
        Assert.Equal(Effect.Deny, decision.Effect);
        Assert.Equal("third-party.services", Clauses(decision)[0]);
    }

    [Fact]
    public void Disclose_ToALinkedThirdPartyServiceWithConsent_Permits()
    {
        var subject = With(PrivacyEvent.ConsentGranted(new RecipientId("linked-service"), At - Duration.FromDays(1)));
        var decision = Profile.Decide(new DiscloseRequest(new("personal.email"), new("linked-service"), new("consent"), At), subject);
        Assert.Equal(Effect.Permit, decision.Effect);
        Assert.Contains("disclosure.consent", Clauses(decision));
    }

    [Theory]
    [InlineData("personal.camera.video", 29, Effect.Retain)]
    [InlineData("personal.camera.snapshot", 30, Effect.Delete)]
    [InlineData("personal.camera.audio", 31, Effect.Delete)]
    public void Retain_Recordings_AreKeptThirtyDays(string category, int age, Effect expected)
    {
        var decision = Profile.Decide(new RetainRequest(new(category), At - Duration.FromDays(age), At), Plain);
        Assert.Equal(expected, decision.Effect);
        Assert.Equal(["camera.recordings"], Clauses(decision));
    }
}
