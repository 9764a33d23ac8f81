using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;
using NodaTime.Testing;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.DependencyInjection;
using Privacy.Retention;
using Privacy.Telemetry;
using Privacy.Tests.Documents;

namespace Privacy.Tests.Telemetry;

/// <summary>The meter and activity source are process-wide, so these tests run alone, not beside other decisions.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests : IDisposable
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 1, 9, 0);
    private readonly string _directory = Directory.CreateTempSubdirectory("privacy-telemetry-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ServiceProvider Host(Action<PrivacyOptions>? configure = null, FakeLogger<OptionsPolicyProvider>? logger = null, IDecisionObserver? observer = null)
    {
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(Now));
        if (logger is not null)
        {
            services.AddSingleton<ILogger<OptionsPolicyProvider>>(logger);
        }

        if (observer is not null)
        {
            services.AddSingleton(observer);
        }

        services.AddPrivacy(o =>
        {
            o.SuppressionKey = "a-telemetry-test-key-of-32-bytes!";
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Decisions_AreCountedByActionAndEffect_AndDenialsByClause()
    {
        using var decisions = new MetricCollector<long>(null, PrivacyTelemetry.Name, "privacy.decisions");
        using var denials = new MetricCollector<long>(null, PrivacyTelemetry.Name, "privacy.denials");
        using var provider = Host();
        var gate = provider.GetRequiredService<IPrivacyGate>();
        var optedOut = new DataSubject("u-1", hasEmail: true, [PrivacyEvent.MarketingOptOut(Now - Duration.FromDays(1))]);

        gate.MaySend(optedOut, new("marketing"), new("email"));
        gate.MayUse(new DataSubject("u-2", true), new("personal.email"), new("service.delivery"));

        var snapshot = decisions.GetMeasurementSnapshot();
        Assert.Contains(snapshot, m => m.Value == 1 && m.ContainsTags(new KeyValuePair<string, object?>("privacy.action", "communicate"), new KeyValuePair<string, object?>("privacy.effect", "deny")));
        Assert.Contains(snapshot, m => m.Value == 1 && m.ContainsTags(new KeyValuePair<string, object?>("privacy.action", "use")));
        var denial = Assert.Single(denials.GetMeasurementSnapshot());
        Assert.Equal("rights.marketing-opt-out", denial.Tags["privacy.clause"]);
    }

    [Fact]
    public void Reloads_AreCountedByOutcome_AndLoggedWithStableEventIds()
    {
        var path = Path.Combine(_directory, "policy.json");
        File.Copy(DocumentFixtures.Minimal, path);
        using var reloads = new MetricCollector<long>(null, PrivacyTelemetry.Name, "privacy.policy.reloads");
        var logger = new FakeLogger<OptionsPolicyProvider>();
        using var provider = Host(o => o.Policy = path, logger);
        var policies = provider.GetRequiredService<IPrivacyPolicyProvider>();
        _ = policies.Current;

        Assert.True(policies.Reload());
        File.WriteAllText(path, "{ \"formatVersion\": 1, ");
        Assert.False(policies.Reload());

        Assert.Contains(reloads.GetMeasurementSnapshot(), m => Equals(m.Tags["privacy.outcome"], "success"));
        Assert.Contains(reloads.GetMeasurementSnapshot(), m => Equals(m.Tags["privacy.outcome"], "failure"));
        var logs = logger.Collector.GetSnapshot();
        Assert.Contains(logs, r => r.Id.Id == 1 && r.Id.Name == "PolicyLoaded" && r.Level == LogLevel.Information);
        var refused = Assert.Single(logs, r => r.Id.Id == 2);
        Assert.Equal("PolicyRefused", refused.Id.Name);
        Assert.Equal(LogLevel.Error, refused.Level);
        Assert.NotNull(refused.Exception);
    }

    [Fact]
    public void PlansAndSweeps_AreCountedTimedAndTraced()
    {
        using var plans = new MetricCollector<long>(null, PrivacyTelemetry.Name, "privacy.plans");
        using var planDurations = new MetricCollector<double>(null, PrivacyTelemetry.Name, "privacy.plan.duration");
        using var sweeps = new MetricCollector<long>(null, PrivacyTelemetry.Name, "privacy.sweeps");
        using var swept = new MetricCollector<long>(null, PrivacyTelemetry.Name, "privacy.sweep.records");
        using var sweepDurations = new MetricCollector<double>(null, PrivacyTelemetry.Name, "privacy.sweep.duration");
        var activities = new ConcurrentQueue<Activity>();
        using var listener = Listen(activities);
        using var provider = Host();

        provider.GetRequiredService<IRightsPlanner>().Plan(RightKind.Erasure, new DataSubject("u-1", true), [new StoredRecord("r-1", new("personal.email"), Now - Duration.FromDays(3))], Now);
        var policy = BuiltInPolicies.IsmartviewPro2018Compiled;
        var email = policy.Vocabulary.Categories.GetIndex("personal.email");
        RetentionRecord[] records = [new(email, Now - Duration.FromDays(1)), new(email, Now - Duration.FromDays(4000))];
        policy.SweepRetentionEffects(records, [], Now, new Effect[2]);
        policy.SweepRetention(records, [], Now, new PrivacyDecision[2]);

        Assert.Equal("erasure", Assert.Single(plans.GetMeasurementSnapshot()).Tags["privacy.right"]);
        Assert.Single(planDurations.GetMeasurementSnapshot());
        Assert.Equal(2, sweeps.GetMeasurementSnapshot().Count);
        Assert.Equal(4, swept.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(2, sweepDurations.GetMeasurementSnapshot().Count);
        Assert.Contains(activities, a => a.OperationName == "privacy.rights.plan");
        Assert.Equal(2, activities.Count(a => a.OperationName == "privacy.retention.sweep"));
    }

    [Fact]
    public void Decisions_AreTracedOnlyWhenTheOptionSaysSo()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var listener = Listen(activities);
        using (var quiet = Host())
        {
            quiet.GetRequiredService<IPrivacyGate>().MaySend(new DataSubject(), new("marketing"), new("email"));
        }

        Assert.DoesNotContain(activities, a => a.OperationName == "privacy.decide");

        using var traced = Host(o => o.TraceDecisions = true);
        traced.GetRequiredService<IPrivacyGate>().MaySend(new DataSubject(), new("marketing"), new("email"));
        var decide = Assert.Single(activities, a => a.OperationName == "privacy.decide");
        Assert.Equal("communicate", decide.GetTagItem("privacy.action"));
    }

    [Fact]
    public void Reload_IsTraced()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var listener = Listen(activities);
        using var provider = Host();
        provider.GetRequiredService<IPrivacyPolicyProvider>().Reload();
        var reload = Assert.Single(activities, a => a.OperationName == "privacy.policy.reload");
        Assert.Equal("ismartviewpro-2018", reload.GetTagItem("privacy.policy.id"));
    }

    [Fact]
    public void DecisionObserver_SeesEveryDecision_ButNeverTheContactAddress()
    {
        var observer = new RecordingObserver();
        using var provider = Host(observer: observer);
        var planner = provider.GetRequiredService<IRightsPlanner>();
        var plan = planner.Plan(RightKind.Erasure, new DataSubject("u-1", true), [], Now - Duration.FromDays(40), ["Jane.Doe@example.com"]);
        provider.GetRequiredService<ISuppressionList>().Add(plan.Suppressions[0]);
        var gate = provider.GetRequiredService<IPrivacyGate>();

        var decision = gate.MaySend(new DataSubject(), new("administrative"), new("email"), "jane.doe@EXAMPLE.com");
        gate.MayCollect(new DataSubject("u-2", true), new("personal.email"), new("service.delivery"));

        Assert.Equal(2, observer.Records.Count);
        var sent = observer.Records.First();
        Assert.Equal(PrivacyAction.Communicate, sent.Action);
        Assert.Equal(decision, sent.Decision);
        Assert.Equal(Effect.Deny, sent.Decision.Effect);
        Assert.Equal(new ChannelId("email"), sent.Channel);
        Assert.Equal(Now, sent.At);
        Assert.All(observer.Records, r => Assert.DoesNotContain("jane", r.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(new PurposeId("service.delivery"), observer.Records.Last().Purpose);
    }

    [Fact]
    public void DecisionThroughTheDiEvaluator_WithoutListeners_AllocatesNoMoreThanTheCompiledPolicy()
    {
        using var provider = Host();
        var evaluator = provider.GetRequiredService<IPrivacyEvaluator>();
        var policy = provider.GetRequiredService<IPrivacyPolicyProvider>().Current;
        var request = new UseRequest(new("personal.email"), new("marketing.own"), Now);
        var state = new DataSubject("u-1", true).StateAt(Now);
        evaluator.Decide(request, state);
        policy.Decide(request, state);

        var before = GC.GetAllocatedBytesForCurrentThread();
        policy.Decide(request, state);
        var direct = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        evaluator.Decide(request, state);
        var throughDi = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(direct, throughDi);
    }

    [Fact]
    public async Task HealthCheck_IsHealthyWithAPolicy_DegradedAfterARefusedReload_UnhealthyWithoutOne()
    {
        var path = Path.Combine(_directory, "policy.json");
        File.Copy(DocumentFixtures.Minimal, path);
        using (var provider = Host(o => o.Policy = path))
        {
            var check = provider.GetRequiredService<PrivacyPolicyHealthCheck>();
            var healthy = await check.CheckHealthAsync(new HealthCheckContext());
            Assert.Equal(HealthStatus.Healthy, healthy.Status);
            Assert.Equal("acme", healthy.Data["policyId"]);

            File.WriteAllText(path, "not json");
            Assert.False(provider.GetRequiredService<IPrivacyPolicyProvider>().Reload());
            var degraded = await check.CheckHealthAsync(new HealthCheckContext());
            Assert.Equal(HealthStatus.Degraded, degraded.Status);
            Assert.Contains("lastReloadError", degraded.Data.Keys);
        }

        using var broken = Host(o => o.Policy = Path.Combine(_directory, "missing.json"));
        var unhealthy = await new PrivacyPolicyHealthCheck(broken.GetRequiredService<IPrivacyPolicyProvider>()).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
    }

    private static ActivityListener Listen(ConcurrentQueue<Activity> into)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PrivacyTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = into.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private sealed class RecordingObserver : IDecisionObserver
    {
        public ConcurrentQueue<DecisionRecord> Records { get; } = new();

        public void OnDecision(in DecisionRecord decision) => Records.Enqueue(decision);
    }
}
