using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Retention;

namespace Privacy.Tests.Readme;

/// <summary>The README's C# snippets, run as written (with a fake clock where they ask about now).</summary>
public class ReadmeQuickStartTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 29, 12, 0);

    [Fact]
    public void QuickStart_WithDependencyInjection_GivesTheAnswersTheReadmeShows()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(Now));
        services.AddPrivacy(options =>
        {
            options.TimeZone = "Europe/Oslo";
            options.ErasurePeriod = Period.FromDays(30);
            options.Retention["personal.log"] = Period.FromMonths(3);
            options.SuppressionKey = "a-secret-key-of-enough-length-32-bytes";
        });
        using var provider = services.BuildServiceProvider();

        var gate = provider.GetRequiredService<IPrivacyGate>();
        var subject = new DataSubject("u-17", hasEmail: true, [PrivacyEvent.MarketingOptOut(Instant.FromUtc(2026, 2, 1, 10, 0))]);

        var decision = gate.MaySend(subject, new("marketing"), new("email"));
        Assert.Equal(Effect.Deny, decision.Effect);
        Assert.Equal(["rights.marketing-opt-out"], decision.Clauses.Select(c => c.Value));

        decision = gate.MayDisclose(subject, new("personal.email"), new("service-provider"), new("service-provision"), new RequestContext(ConfidentialityAgreement: true));
        Assert.Equal(Effect.Permit, decision.Effect);
        Assert.Equal(["disclosure.service-providers"], decision.Clauses.Select(c => c.Value));
        Assert.Equal(["share-only-what-is-needed", "log-disclosure"], decision.Obligations.Select(o => o.Value));

        var planner = provider.GetRequiredService<IRightsPlanner>();
        var plan = planner.Plan(RightKind.Erasure, subject, [new StoredRecord("r", new("personal.email"), Now - Duration.FromDays(10))], Now, ["jane@example.com"]);
        provider.GetRequiredService<ISuppressionList>().Add(plan.Suppressions[0]);
        var suppressed = gate.MaySend(new DataSubject(), new("marketing"), new("email"), "jane@example.com");
        Assert.Equal(Effect.Deny, suppressed.Effect);
        Assert.Equal(["rights.erasure"], suppressed.Clauses.Select(c => c.Value));
    }

    [Fact]
    public void QuickStart_WithoutDependencyInjection_HotPathAgreesWithTheTypedCall()
    {
        var subject = new DataSubject("u-17", hasEmail: true, [PrivacyEvent.MarketingOptOut(Instant.FromUtc(2026, 2, 1, 10, 0))]);
        var policy = BuiltInPolicies.IsmartviewPro2018Compiled;
        var at = Instant.FromUtc(2026, 3, 1, 9, 0);
        var decision = policy.Decide(new UseRequest(new("personal.email"), new("marketing.own"), at), subject);

        int email = policy.Vocabulary.Categories.GetIndex("personal.email");
        int own = policy.Vocabulary.Purposes.GetIndex("marketing.own");
        SubjectFacts facts = policy.Fold(subject, at);
        Assert.Equal(decision, policy.DecideUse(email, own, facts));
        Assert.Equal(Effect.Deny, decision.Effect);

        RetentionRecord[] records = [new(email, at - Duration.FromDays(4000)), new(email, at - Duration.FromDays(1))];
        var verdicts = new PrivacyDecision[records.Length];
        policy.SweepRetention(records, [], at, verdicts);
        Assert.Equal([Effect.Delete, Effect.Retain], verdicts.Select(v => v.Effect));
    }
}
