using NodaTime;
using Privacy.Breach;
using Privacy.BuiltIn;
using Privacy.Retention;

namespace Privacy.Tests.Retention;

/// <summary>Deadlines that would fall after the end of 9999 stop at the last instant instead of throwing.</summary>
public class EndOfTimeTests
{
    private static readonly Instant NearTheEnd = Instant.FromUtc(9999, 12, 30, 0, 0);

    [Theory]
    [InlineData("UTC")]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("America/New_York")]
    public void CalendarRetention_PastTheEndOfTime_IsTheLastInstant(string zone)
    {
        var policy = RetentionRulesTests.Policy(zone, period: RetentionPeriod.FromPeriod(Period.FromYears(3)));

        var decision = policy.Decide(new RetainRequest(new("account"), NearTheEnd, NearTheEnd), null);

        Assert.Equal(Effect.Retain, decision.Effect);
        Assert.Equal(Instant.MaxValue, decision.Deadline);
    }

    [Fact]
    public void ExactRetention_PastTheEndOfTime_IsTheLastInstant()
    {
        var period = RetentionPeriod.FromDuration(Duration.FromDays(30));

        Assert.Equal(Instant.MaxValue, period.AddTo(NearTheEnd, DateTimeZone.Utc));
        Assert.Equal(Instant.MaxValue, RetentionPeriod.FromPeriod(Period.FromMonths(1)).AddTo(NearTheEnd, DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"]));
        Assert.Equal(Instant.MaxValue, RetentionPeriod.FromPeriod(Period.FromDays(1)).AddTo(Instant.MaxValue, DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"]));
    }

    [Fact]
    public void BuiltInErasure_RequestedNearTheEnd_DeletesByTheLastInstant()
    {
        var subject = new DataSubject("s", true, [new PrivacyEvent(PrivacyEventKind.ErasureRequested, NearTheEnd)]);

        var decision = BuiltInPolicies.IsmartviewPro2018Compiled.Decide(new RetainRequest(new("personal.email"), NearTheEnd, NearTheEnd), subject.StateAt(NearTheEnd));

        Assert.Equal(Effect.Delete, decision.Effect);
        Assert.Equal(Instant.MaxValue, decision.Deadline);
    }

    [Fact]
    public void BreachPlan_AwareNearTheEnd_NotifyByTheLastInstant()
    {
        var incident = new BreachIncident(NearTheEnd, [new DataCategoryId("personal.email")], 5, false);

        var plan = new BreachPlanner().Plan(incident, BuiltInPolicies.IsmartviewPro2018Compiled);

        Assert.Contains(plan.Steps, s => s.By == Instant.MaxValue);
    }
}
