using System;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Compilation;

namespace Privacy.Tests.Compilation;

/// <summary>
/// Deciding on resolved ids allocates nothing, for every action on the built-in policy. Allocations
/// are counted, not timed: <see cref="GC.GetAllocatedBytesForCurrentThread"/> around many calls
/// after a warm-up.
/// </summary>
public class AllocationTests
{
    private const int Calls = 20_000;

    private static readonly CompiledPolicy Policy = BuiltInPolicies.IsmartviewPro2018Compiled;
    private static readonly Instant At = Instant.FromUtc(2026, 3, 29, 0, 30);

    /// <summary>A subject with consents, an opt-out and activity, so that every lookup path is taken.</summary>
    private static readonly SubjectFacts Subject = Policy.Fold(
        new DataSubject("u", true, [
            PrivacyEvent.ConsentGranted(new PurposeId("marketing.own"), At - Duration.FromDays(40)),
            PrivacyEvent.ConsentGranted(new RecipientId("third-party"), At - Duration.FromDays(30)),
            PrivacyEvent.ConsentWithdrawn(new PurposeId("service.delivery"), At - Duration.FromDays(20)),
            PrivacyEvent.MarketingOptOut(At - Duration.FromDays(10)),
            PrivacyEvent.ServiceUsed(At - Duration.FromDays(2)),
        ]),
        At);

    private static readonly SubjectFacts Erased = Policy.Fold(
        new DataSubject("e", true, [PrivacyEvent.ErasureRequested(At - Duration.FromDays(3))]),
        At);

    private static int Id(IdTable table, string id) => table.GetIndex(id);

    [Fact]
    public void DecideCollect_ResolvedIds_AllocatesNothing()
    {
        var (c, p) = (Id(Policy.Vocabulary.Categories, "personal.email"), Id(Policy.Vocabulary.Purposes, "marketing.own"));
        AssertAllocatesNothing(Allocated(() => Policy.DecideCollect(c, p, Subject, new RequestContext(true, false))));
    }

    [Fact]
    public void DecideUse_ResolvedIds_AllocatesNothing()
    {
        var (c, p) = (Id(Policy.Vocabulary.Categories, "personal.email"), Id(Policy.Vocabulary.Purposes, "marketing.own"));
        AssertAllocatesNothing(Allocated(() => Policy.DecideUse(c, p, Subject)));
    }

    [Fact]
    public void DecideDisclose_ResolvedIds_AllocatesNothing()
    {
        var v = Policy.Vocabulary;
        var (c, r, s) = (Id(v.Categories, "personal.name"), Id(v.Recipients, "third-party"), Id(v.Reasons, "consent"));
        AssertAllocatesNothing(Allocated(() => Policy.DecideDisclose(c, r, s, Subject, new RequestContext(false, true))));
    }

    [Fact]
    public void DecideCommunicate_ResolvedIds_AllocatesNothing()
    {
        var (m, h) = (Id(Policy.Vocabulary.Messages, "marketing"), Id(Policy.Vocabulary.Channels, "email"));
        AssertAllocatesNothing(Allocated(() => Policy.DecideCommunicate(m, h, Subject)));
    }

    [Fact]
    public void DecideRetain_ResolvedIdsWithCalendarPeriodsAndOneGround_AllocatesNothing()
    {
        var v = Policy.Vocabulary;
        var log = Id(v.Categories, "personal.log.ip-address");
        var email = Id(v.Categories, "personal.email");
        var grounds = new[] { Id(v.Grounds, "fraud-prevention") };
        var collected = At - Duration.FromDays(200);
        AssertAllocatesNothing(Allocated(() => Policy.DecideRetain(log, collected, At, Subject, grounds)));
        AssertAllocatesNothing(Allocated(() => Policy.DecideRetain(email, collected, At, Subject)));
        AssertAllocatesNothing(Allocated(() => Policy.DecideRetain(email, collected, At, Erased, grounds)));
    }

    [Fact]
    public void Decide_TypedRequestsForASubjectWithNoHistory_AllocatesNothing()
    {
        IPrivacyEvaluator evaluator = Policy;
        var collect = new CollectRequest(new("personal.email"), new("marketing.own"), At, new RequestContext(true, false));
        var use = new UseRequest(new("personal.email"), new("service.delivery"), At);
        var disclose = new DiscloseRequest(new("personal.name"), new("third-party"), new("consent"), At);
        var communicate = new CommunicateRequest(new("marketing"), new("email"), At);
        var retain = new RetainRequest(new("personal.email"), At - Duration.FromDays(200), At);
        AssertAllocatesNothing(Allocated(() => evaluator.Decide(collect, null)));
        AssertAllocatesNothing(Allocated(() => evaluator.Decide(use, null)));
        AssertAllocatesNothing(Allocated(() => evaluator.Decide(disclose, null)));
        AssertAllocatesNothing(Allocated(() => evaluator.Decide(communicate, null)));
        AssertAllocatesNothing(Allocated(() => evaluator.Decide(retain, null)));
    }

    [Fact]
    public void AddTo_CalendarPeriodAcrossDaylightSavingChanges_AllocatesNothing()
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
        var month = Privacy.Retention.RetentionPeriod.FromPeriod(Period.FromMonths(1));

        // 28 February 02:30 plus a month falls in the spring gap; 1 October 02:30 plus a month in the autumn overlap.
        var spring = Instant.FromUtc(2026, 2, 28, 1, 30);
        var autumn = Instant.FromUtc(2026, 10, 1, 0, 30);
        AssertAllocatesNothing(Allocated(() => month.AddTo(spring, zone).ToUnixTimeTicks() + month.AddTo(autumn, zone).ToUnixTimeTicks()));
    }

    /// <summary>
    /// Zero bytes per call: fewer bytes in all than calls, since any allocation by a call takes at least
    /// 24 bytes and would show in every measurement. (A garbage collection caused by tests running in
    /// parallel may book a few hundred bytes to this thread once; that is not the calls allocating.)
    /// </summary>
    private static void AssertAllocatesNothing(long bytes)
        => Assert.True(bytes / Calls == 0, $"{bytes} bytes allocated by {Calls} calls");

    /// <summary>Bytes allocated on this thread by many decisions, after as many warm-up calls.</summary>
    private static long Allocated(Func<PrivacyDecision> decide) => Allocated(() => (long)decide().Effect + decide().Clauses.Length);

    /// <summary>
    /// Bytes allocated on this thread by many calls, after as many warm-up calls: the least of three
    /// measurements, stopping at the first that is exactly zero.
    /// </summary>
    private static long Allocated(Func<long> call)
    {
        long sink = 0;
        for (var i = 0; i < Calls; i++)
        {
            sink += call();
        }

        var least = long.MaxValue;
        for (var measurement = 0; measurement < 3 && least > 0; measurement++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < Calls; i++)
            {
                sink += call();
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        GC.KeepAlive(sink);
        return least;
    }
}
