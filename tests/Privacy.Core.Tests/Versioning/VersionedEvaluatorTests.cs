using System;
using System.Linq;
using NodaTime;
using Privacy.Compilation;
using Privacy.Policies;
using Privacy.Versioning;
using static Privacy.Tests.Versioning.PolicyEdits;

namespace Privacy.Tests.Versioning;

public class VersionedEvaluatorTests
{
    private static readonly Instant Before = Instant.FromUtc(2026, 5, 15, 12, 0);
    private static readonly Instant After = Instant.FromUtc(2026, 7, 1, 12, 0);

    // Version 002 lets server logs serve our own marketing, and drops cookies for marketing.
    private static readonly PrivacyPolicy Wider = V2(b =>
    {
        b.Permit("logs.marketing", r => r.On(PrivacyAction.Use).Categories("personal.log").Purposes("marketing.own").Cites("use.logs"));
        Replace(b, "cookies", RuleEffect.Permit, r => r.On(PrivacyAction.Collect, PrivacyAction.Use).Categories("personal.cookie")
            .Purposes("service", "internal.analytics").Cites("use.cookies"));
        b.AddPurpose("marketing.research", "Market research");
        b.Permit("identity.research", r => r.On(PrivacyAction.Use).Categories("personal.email").Purposes("marketing.research").Cites("use.contact"));
        b.Retain("personal.log", Months(12), "use.logs");
    });

    private static readonly VersionedEvaluator Evaluator = new(PolicyVersionSet.Create(V1, Wider));

    private static readonly UseRequest LogsForMarketing = new(new("personal.log.ip-address"), new("marketing.own"), After);

    private static DataSubject Subject(params PrivacyEvent[] events) => new("u-1", hasEmail: true, events);

    [Fact]
    public void Decide_SubjectWhoAcceptedNothing_IsDeniedWhatOnlyTheNewVersionPermits()
    {
        var decision = Evaluator.Decide(LogsForMarketing, Subject());
        Assert.Equal(Effect.Deny, decision.Effect);
        Assert.Equal(["collection.necessary", "changes.acceptance"], decision.Clauses.Select(c => c.Value));
    }

    [Fact]
    public void Decide_SubjectWhoAcceptedByEvent_GetsTheNewVersion()
    {
        var decision = Evaluator.Decide(LogsForMarketing, Subject(PrivacyEvent.PolicyAccepted("002", Instant.FromUtc(2026, 6, 3, 0, 0))));
        Assert.Equal(Effect.Permit, decision.Effect);
        Assert.Equal(["use.logs"], decision.Clauses.Select(c => c.Value));
    }

    [Fact]
    public void Decide_SubjectWhoUsedTheServiceAfterNoticeAndEntryIntoForce_GetsTheNewVersion()
    {
        var subject = Subject(PrivacyEvent.PolicyNotified("002", Instant.FromUtc(2026, 5, 10, 0, 0)), PrivacyEvent.ServiceUsed(Instant.FromUtc(2026, 6, 2, 8, 0)));
        Assert.Equal(Effect.Permit, Evaluator.Decide(LogsForMarketing, subject).Effect);
    }

    [Fact]
    public void Decide_SubjectWhoUsedTheServiceOnlyBeforeEntryIntoForce_IsNotBound()
    {
        var subject = Subject(PrivacyEvent.PolicyNotified("002", Instant.FromUtc(2026, 5, 10, 0, 0)), PrivacyEvent.ServiceUsed(Instant.FromUtc(2026, 5, 20, 8, 0)));
        Assert.Equal(Effect.Deny, Evaluator.Decide(LogsForMarketing, subject).Effect);
    }

    [Fact]
    public void Decide_SubjectWhoUsedTheServiceWithoutNotice_IsNotBound()
    {
        var subject = Subject(PrivacyEvent.ServiceUsed(Instant.FromUtc(2026, 6, 20, 8, 0)));
        Assert.Equal(Effect.Deny, Evaluator.Decide(LogsForMarketing, subject).Effect);
    }

    [Fact]
    public void Decide_BeforeEntryIntoForce_UsesTheOldVersionEvenAfterAcceptance()
    {
        var subject = Subject(PrivacyEvent.PolicyAccepted("002", Instant.FromUtc(2026, 5, 1, 0, 0)));
        Assert.Equal(Effect.Deny, Evaluator.Decide(LogsForMarketing with { At = Before }, subject).Effect);
    }

    [Fact]
    public void Decide_WhatTheNewVersionNoLongerPermits_StopsForEveryone()
    {
        var cookiesForMarketing = new UseRequest(new("personal.cookie"), new("marketing.own"), After);
        Assert.Equal(Effect.Permit, V1Compiled.Decide(cookiesForMarketing, Subject()).Effect);
        Assert.Equal(Effect.Deny, Evaluator.Decide(cookiesForMarketing, Subject()).Effect);
    }

    [Fact]
    public void Decide_PurposeOnlyTheNewVersionKnows_IsDeniedNotAnError()
    {
        var research = new UseRequest(new("personal.email"), new("marketing.research"), After);
        var decision = Evaluator.Decide(research, Subject());
        Assert.Equal(Effect.Deny, decision.Effect);
        Assert.Contains(new ClauseId("changes.acceptance"), decision.Clauses);
        Assert.Equal(Effect.Permit, Evaluator.Decide(research, Subject(PrivacyEvent.PolicyAccepted("002", After))).Effect);
    }

    [Fact]
    public void Decide_UnknownEverywhere_IsStillAnError()
        => Assert.Throws<PrivacyRequestException>(() => Evaluator.Decide(new UseRequest(new("personal.emial"), new("service.support"), After), Subject()));

    [Fact]
    public void Decide_WhatBothVersionsPermit_IsPermittedWithoutCitingAcceptance()
    {
        var decision = Evaluator.Decide(new UseRequest(new("personal.email"), new("service.support"), After), Subject());
        Assert.Equal(Effect.Permit, decision.Effect);
        Assert.Equal(["use.service"], decision.Clauses.Select(c => c.Value));
    }

    [Fact]
    public void Decide_Retention_KeepsTheOldShorterPeriodUntilAccepted()
    {
        var request = new RetainRequest(new("personal.log.ip-address"), Instant.FromUtc(2026, 6, 15, 0, 0), After);
        var unbound = Evaluator.Decide(request, Subject());
        var bound = Evaluator.Decide(request, Subject(PrivacyEvent.PolicyAccepted("002", After)));
        Assert.Equal(Instant.FromUtc(2026, 12, 15, 0, 0), unbound.Deadline);
        Assert.Contains(new ClauseId("changes.acceptance"), unbound.Clauses);
        Assert.Equal(Instant.FromUtc(2027, 6, 15, 0, 0), bound.Deadline);
    }

    [Fact]
    public void Decide_Erasure_WinsInEveryVersion()
    {
        var subject = Subject(PrivacyEvent.PolicyAccepted("002", After), PrivacyEvent.ErasureRequested(After));
        var decision = Evaluator.Decide(LogsForMarketing, subject);
        Assert.Equal(Effect.Deny, decision.Effect);
        Assert.Contains(new ClauseId("rights.erasure"), decision.Clauses);
    }

    [Fact]
    public void BoundVersion_PicksTheLatestAcceptedVersionInForce()
    {
        var v3 = Wider.ToBuilder().WithIdentity(V1.Id, "003").WithMetadata(null, Instant.FromUtc(2026, 9, 1, 0, 0), null).Build();
        var set = PolicyVersionSet.Create(v3, V1, Wider);
        Assert.Equal(["001", "002", "003"], set.Versions.Select(v => v.Policy.Version));
        var at = Instant.FromUtc(2026, 10, 1, 0, 0);
        var accepted2 = Subject(PrivacyEvent.PolicyAccepted("002", After)).StateAt(at);
        Assert.Equal("002", set.BoundVersion(accepted2).Policy.Version);
        Assert.Equal("001", set.BoundVersion(Subject().StateAt(at)).Policy.Version);
        Assert.Equal("003", set.LatestInForce(at).Policy.Version);
        Assert.Equal("002", set.LatestInForce(After).Policy.Version);
        Assert.Equal("001", set.LatestInForce(Before).Policy.Version);
    }

    [Fact]
    public void VersionsFor_SaysWhichVersionsDecide()
    {
        var (latest, bound) = Evaluator.VersionsFor(Subject().StateAt(After));
        Assert.Equal("002", latest.Policy.Version);
        Assert.Equal("001", bound.Policy.Version);
    }

    [Fact]
    public void PolicyVersionSet_RejectsMixedPoliciesAndRepeatedVersions()
    {
        var other = V1.ToBuilder().WithIdentity("other", "002").Build();
        Assert.Throws<ArgumentException>(() => PolicyVersionSet.Create(V1, other));
        Assert.Throws<ArgumentException>(() => PolicyVersionSet.Create(V1, V1.ToBuilder().WithMetadata(null, Instant.FromUtc(2027, 1, 1, 0, 0), null).Build()));
        Assert.Throws<ArgumentException>(() => PolicyVersionSet.Create());
    }

    [Fact]
    public void PolicyId_IsTheSharedId() => Assert.Equal("ismartviewpro-2018", Evaluator.PolicyId);

    private static CompiledPolicy V1Compiled => Privacy.BuiltIn.BuiltInPolicies.IsmartviewPro2018Compiled;
}

public class VersionedEvaluatorDroppedIdTests
{
    private static readonly Instant After = Instant.FromUtc(2026, 7, 1, 12, 0);

    // Version 002 no longer names the surveys purpose.
    private static readonly VersionedEvaluator Evaluator = new(PolicyVersionSet.Create(V1, V2(b => b.Purposes.RemoveAll(p => p.Id.Value == "internal.surveys"))));

    [Fact]
    public void Decide_IdTheVersionInForceDropped_IsDeniedForSubjectsOfTheOldVersion()
    {
        var decision = Evaluator.Decide(new UseRequest(new("personal.email"), new("internal.surveys"), After), new DataSubject("u"));
        Assert.Equal(Effect.Deny, decision.Effect);
        Assert.Equal(["collection.necessary"], decision.Clauses.Select(c => c.Value));
    }

    [Fact]
    public void Decide_IdTheVersionInForceDropped_IsAnErrorForSubjectsOfTheNewVersion()
        => Assert.Throws<PrivacyRequestException>(() => Evaluator.Decide(
            new UseRequest(new("personal.email"), new("internal.surveys"), After),
            new DataSubject("u", false, [PrivacyEvent.PolicyAccepted("002", After)])));
}
