using System.Linq;
using NodaTime;
using Privacy.Breach;
using Privacy.BuiltIn;
using Privacy.Compilation;

namespace Privacy.Tests.Breach;

public class BreachPlannerTests
{
    private static readonly CompiledPolicy Policy = BuiltInPolicies.IsmartviewPro2018Compiled;
    private static readonly CompiledPolicy Oslo = CompiledPolicy.Compile(BuiltInPolicies.IsmartviewPro2018Policy.ToBuilder().WithTimeZone("Europe/Oslo").Build());
    private static readonly Instant AwareAt = Instant.FromUtc(2026, 3, 10, 9, 30);
    private static readonly BreachPlanner Planner = new();

    private static BreachIncident Incident(int subjects, bool unintelligible, params string[] categories)
        => new(AwareAt, categories.Select(c => new DataCategoryId(c)), subjects, unintelligible);

    private static string[] StepIds(BreachPlan plan) => [.. plan.Steps.Select(s => s.Id)];

    [Fact]
    public void Plan_NonPersonalDataOnly_ContainsButNotifiesNobody()
    {
        var plan = Planner.Plan(Incident(50_000, false, "non-personal.usage", "non-personal.aggregate"), Policy);
        Assert.Equal(BreachRisk.Unlikely, plan.Risk);
        Assert.Equal(["contain"], StepIds(plan));
        Assert.Equal(["notify-authority", "notify-subjects"], plan.Skipped.Select(s => s.Id));
        Assert.Equal("GDPR art. 33(1)", plan.Skipped[0].LegalBasis);
    }

    [Fact]
    public void Plan_SensitiveData_TellsTheAuthorityAndTheUsers()
    {
        var plan = Planner.Plan(Incident(12, false, "sensitive.health", "personal.log.device-id"), Policy);
        Assert.Equal(BreachRisk.High, plan.Risk);
        Assert.Equal(["contain", "notify-authority", "notify-subjects"], StepIds(plan));
        Assert.Empty(plan.Skipped);
        Assert.Contains("sensitive.health", plan.RiskReason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_EncryptedSensitiveData_TellsTheAuthorityButNotTheUsers()
    {
        var plan = Planner.Plan(Incident(12, true, "sensitive.biometric"), Policy);
        Assert.Equal(["contain", "notify-authority"], StepIds(plan));
        var skipped = Assert.Single(plan.Skipped);
        Assert.Equal("notify-subjects", skipped.Id);
        Assert.Equal("GDPR art. 34(3)(a)", skipped.LegalBasis);
    }

    [Theory]
    [InlineData(999, BreachRisk.Risk)]
    [InlineData(1000, BreachRisk.High)]
    public void Plan_ContactDataAtScale_IsAHighRisk(int subjects, BreachRisk risk)
        => Assert.Equal(risk, Planner.Plan(Incident(subjects, false, "personal.email"), Policy).Risk);

    [Fact]
    public void Plan_LogsAtScale_AreARiskButNotHigh_AndTheUsersAreStillTold()
    {
        var plan = Planner.Plan(Incident(1_000_000, false, "personal.log"), Policy);
        Assert.Equal(BreachRisk.Risk, plan.Risk);
        Assert.Equal(["contain", "notify-authority", "notify-subjects"], StepIds(plan));
        Assert.Empty(plan.Skipped);
    }

    [Theory]
    [InlineData(50, "personal.log.ip-address")]
    [InlineData(999, "personal.email")]
    [InlineData(1, "personal.cookie")]
    [InlineData(3, "local.app-data")]
    public void Plan_ReadablePersonalDataBelowHighRisk_TellsTheAffectedUsers(int subjects, string category)
    {
        var incident = new BreachIncident(AwareAt, [new DataCategoryId(category)], subjects, affected: [new DataSubject("a", true), new DataSubject("b", false)]);
        var plan = Planner.Plan(incident, Policy);
        Assert.Equal(BreachRisk.Risk, plan.Risk);
        var step = Assert.Single(plan.Steps, s => s.Id == "notify-subjects");
        Assert.Equal(AwareAt + Duration.FromHours(72), step.By);
        Assert.Equal(["security.breach"], step.Clauses.Select(c => c.Value));
        Assert.Contains(category, step.Reason, System.StringComparison.Ordinal);
        Assert.DoesNotContain("high risk", step.Reason, System.StringComparison.Ordinal);
        Assert.Equal([true, true], plan.Notices.Select(n => n.Send));
        Assert.Equal(["email", "popup"], plan.Notices.Select(n => n.Channel.Value));
    }

    [Fact]
    public void Plan_EncryptedPersonalDataBelowHighRisk_IsTheExemption()
    {
        var plan = Planner.Plan(Incident(50, true, "personal.log.ip-address"), Policy);
        Assert.Equal(["contain", "notify-authority"], StepIds(plan));
        Assert.Equal("GDPR art. 34(3)(a)", Assert.Single(plan.Skipped).LegalBasis);
        Assert.Empty(plan.Notices);
    }

    [Fact]
    public void Plan_HighRisk_SaysSoInTheReason()
    {
        var step = Planner.Plan(Incident(12, false, "sensitive.health"), Policy).Steps.Single(s => s.Id == "notify-subjects");
        Assert.Contains("high risk", step.Reason, System.StringComparison.Ordinal);
        Assert.Equal("GDPR art. 34(1)", step.LegalBasis);
    }

    [Fact]
    public void Plan_ParentCategory_CountsItsSensitiveChildren()
        => Assert.Equal(BreachRisk.High, Planner.Plan(Incident(1, false, "sensitive"), Policy).Risk);

    [Fact]
    public void Plan_Deadlines_ContainAtOnceAndNotifyWithin72Hours()
    {
        var plan = Planner.Plan(Incident(5, false, "sensitive.health"), Policy);
        Assert.Equal(AwareAt, plan.Steps[0].By);
        Assert.Equal(AwareAt + Duration.FromHours(72), plan.Steps[1].By);
        Assert.Equal(AwareAt + Duration.FromHours(72), plan.Steps[2].By);
        Assert.Equal(["security.breach", "security.measures"], plan.Steps[0].Clauses.Select(c => c.Value));
        Assert.All(plan.Steps.Skip(1), s => Assert.Equal(["security.breach"], s.Clauses.Select(c => c.Value)));
    }

    [Fact]
    public void Plan_AcrossTheOsloSpringForward_IsExactly72ElapsedHours()
    {
        // Aware on Friday 27 March 2026 at 12:00 in Oslo (CET, +01:00); clocks go forward on Sunday 29 March.
        var zone = Oslo.TimeZone;
        var aware = new LocalDateTime(2026, 3, 27, 12, 0).InZoneStrictly(zone).ToInstant();
        var plan = Planner.Plan(new BreachIncident(aware, [new DataCategoryId("personal.email")], 10), Oslo);
        var authority = plan.Steps.Single(s => s.Id == "notify-authority");
        Assert.Equal(Duration.FromHours(72), authority.By - aware);
        var local = authority.By.InZone(zone);
        Assert.Equal(new LocalDateTime(2026, 3, 30, 13, 0), local.LocalDateTime);
        Assert.Equal(Offset.FromHours(2), local.Offset);
    }

    [Fact]
    public void Plan_Notices_FollowThePolicy()
    {
        var optedOut = new DataSubject("opted-out", true, [PrivacyEvent.MarketingOptOut(Instant.FromUtc(2026, 1, 1, 0, 0))]);
        var noEmail = new DataSubject("no-email", false);
        var erased = new DataSubject("erased", true, [PrivacyEvent.ErasureRequested(Instant.FromUtc(2026, 2, 1, 0, 0))]);
        var incident = new BreachIncident(AwareAt, [new DataCategoryId("sensitive.health")], 0, affected: [optedOut, noEmail, erased]);
        var plan = Planner.Plan(incident, Policy);
        Assert.Equal(3, plan.Incident.Subjects);
        Assert.Equal(["email", "popup", "email"], plan.Notices.Select(n => n.Channel.Value));
        Assert.Equal([true, true, false], plan.Notices.Select(n => n.Send));
        Assert.Equal(["rights.erasure"], plan.Notices[2].Decision.Clauses.Select(c => c.Value));
        Assert.Contains(new ClauseId("security.breach"), plan.Notices[0].Decision.Clauses);
        Assert.All(plan.Notices, n => Assert.Equal(AwareAt + Duration.FromHours(72), n.By));
    }

    [Fact]
    public void Plan_NoSubjectNotice_NoNotices()
    {
        var incident = new BreachIncident(AwareAt, [new DataCategoryId("sensitive.health")], 1, unintelligible: true, affected: [new DataSubject("a", true)]);
        Assert.Empty(Planner.Plan(incident, Policy).Notices);
    }

    [Fact]
    public void Plan_UnknownCategory_NamesTheField()
    {
        var e = Assert.Throws<PrivacyRequestException>(() => Planner.Plan(Incident(1, false, "personal.email", "personal.emial"), Policy));
        Assert.Equal("unknown-category", e.Code);
        Assert.Equal("categories[1]", e.Field);
    }

    [Fact]
    public void Incident_NegativeSubjectsOrNoCategories_IsRejected()
    {
        Assert.Equal("subjects", Assert.Throws<PrivacyRequestException>(() => Incident(-1, false, "personal.email")).Field);
        Assert.Equal("categories", Assert.Throws<PrivacyRequestException>(() => Incident(1, false)).Field);
    }

    [Fact]
    public void Plan_CustomOptions_ChangeThresholdAndDeadline()
    {
        var planner = new BreachPlanner(new BreachPlannerOptions { LargeScale = 10, SubjectDeadline = Duration.FromHours(24) });
        var plan = planner.Plan(Incident(10, false, "personal.name"), Policy);
        Assert.Equal(BreachRisk.High, plan.Risk);
        Assert.Equal(AwareAt + Duration.FromHours(24), plan.Steps.Single(s => s.Id == "notify-subjects").By);
    }
}
