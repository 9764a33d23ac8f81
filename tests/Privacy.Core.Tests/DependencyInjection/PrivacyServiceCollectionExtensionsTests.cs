using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Privacy.Tests.DependencyInjection;

public class PrivacyServiceCollectionExtensionsTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 1, 9, 0);

    [Fact]
    public void AddPrivacy_ResolvesEveryServiceFromARealContainer()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(Now));
        var builder = services.AddPrivacy();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Same(services, builder.Services);
        Assert.Equal(Options.DefaultName, builder.Name);
        Assert.Equal("ismartviewpro-2018", provider.GetRequiredService<IPrivacyEvaluator>().PolicyId);
        Assert.Equal("ismartviewpro-2018", provider.GetRequiredService<IPrivacyPolicyProvider>().Current.PolicyId);
        var gate = provider.GetRequiredService<IPrivacyGate>();
        Assert.Equal(Now, gate.Now);

        var optedOut = new DataSubject("u-1", true, [PrivacyEvent.MarketingOptOut(Now - Duration.FromDays(1))]);
        Assert.Equal(Effect.Deny, gate.MaySend(optedOut, new("marketing"), new("email")).Effect);
        Assert.Equal(Effect.Permit, gate.MaySend(optedOut, new("administrative"), new("email")).Effect);
        Assert.Equal(Effect.Permit, gate.MayUse(optedOut, new("personal.email"), new("service.support")).Effect);
    }

    [Fact]
    public void AddPrivacy_WithoutAClock_UsesTheSystemClock()
    {
        var services = new ServiceCollection().AddPrivacy().Services;
        using var provider = services.BuildServiceProvider();
        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddPrivacy_GateAsksAboutTheClocksNow()
    {
        var clock = new FakeClock(Now);
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        services.AddPrivacy();
        using var provider = services.BuildServiceProvider();
        var gate = provider.GetRequiredService<IPrivacyGate>();
        var subject = new DataSubject("u-2", true, [PrivacyEvent.ErasureRequested(Now + Duration.FromHours(1))]);

        Assert.Equal(Effect.Permit, gate.MaySend(subject, new("administrative"), new("email")).Effect);
        clock.Advance(Duration.FromHours(2));
        Assert.Equal(Effect.Deny, gate.MaySend(subject, new("administrative"), new("email")).Effect);
    }

    [Fact]
    public void AddPrivacy_OperatorSettings_ApplyToRetention()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(Now));
        services.AddPrivacy(o =>
        {
            o.TimeZone = "Europe/Oslo";
            o.ErasurePeriod = Period.FromDays(14);
            o.Retention["personal.log"] = Period.FromDays(30);
        });
        using var provider = services.BuildServiceProvider();
        var gate = provider.GetRequiredService<IPrivacyGate>();

        var log = gate.Retention(DataSubject.Anonymous, new("personal.log.ip-address"), Instant.FromUtc(2026, 2, 20, 12, 0));
        Assert.Equal(Effect.Retain, log.Effect);
        Assert.Equal(Instant.FromUtc(2026, 3, 22, 12, 0), log.Deadline);
        Assert.Contains(new ClauseId("use.logs"), log.Clauses);

        var erased = new DataSubject("u-3", true, [PrivacyEvent.ErasureRequested(Instant.FromUtc(2026, 2, 27, 23, 30))]);
        var email = gate.Retention(erased, new("personal.email"), Instant.FromUtc(2025, 1, 1, 0, 0));
        Assert.Equal(Instant.FromUtc(2026, 3, 13, 23, 30), email.Deadline);
    }

    [Theory]
    [InlineData("builtin:no-such-policy", null, "Policy")]
    [InlineData("builtin:ismartviewpro-2018", "Mars/Olympus", "TimeZone")]
    public void AddPrivacy_InvalidOptions_FailAtStartNamingTheSetting(string policy, string? zone, string setting)
    {
        var services = new ServiceCollection();
        services.AddPrivacy(o =>
        {
            o.Policy = policy;
            o.TimeZone = zone;
        });
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPrivacy_UnknownRetentionCategory_FailsNamingIt()
    {
        var services = new ServiceCollection();
        services.AddPrivacy(o => o.Retention["personal.lgo"] = Period.FromDays(3));
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PrivacyOptions>>().Value);
        Assert.Contains("personal.lgo", error.Message, StringComparison.Ordinal);
        Assert.Contains("personal.log", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPrivacy_HostRegistrationsWin()
    {
        var services = new ServiceCollection();
        var custom = new FixedEvaluator();
        services.AddSingleton<IPrivacyEvaluator>(custom);
        services.AddPrivacy();
        services.AddPrivacy();
        using var provider = services.BuildServiceProvider();
        Assert.Same(custom, provider.GetRequiredService<IPrivacyEvaluator>());
        Assert.Single(provider.GetServices<IValidateOptions<PrivacyOptions>>());
    }

    private sealed class FixedEvaluator : IPrivacyEvaluator
    {
        public string PolicyId => "fixed";

        public PrivacyDecision Decide(in CollectRequest request, SubjectState? subject) => Deny();

        public PrivacyDecision Decide(in UseRequest request, SubjectState? subject) => Deny();

        public PrivacyDecision Decide(in DiscloseRequest request, SubjectState? subject) => Deny();

        public PrivacyDecision Decide(in CommunicateRequest request, SubjectState? subject) => Deny();

        public PrivacyDecision Decide(in RetainRequest request, SubjectState? subject) => Deny();

        private static PrivacyDecision Deny() => new(Effect.Deny, [new ClauseId("fixed")]);
    }
}

public class SuppressionTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 1, 9, 0);

    [Fact]
    public void SuppressedAddress_GetsNoMessageOfAnyKindOnAnyChannel_EvenWithoutHistory()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(Now));
        services.AddPrivacy(o => o.SuppressionKey = "a-suppression-key-for-tests-of-32-bytes");
        using var provider = services.BuildServiceProvider();
        var planner = provider.GetRequiredService<IRightsPlanner>();
        var suppressions = provider.GetRequiredService<ISuppressionList>();
        var gate = provider.GetRequiredService<IPrivacyGate>();

        var plan = planner.Plan(RightKind.Erasure, new DataSubject("u-1", true), [], Now - Duration.FromDays(40), ["Ola.Nordmann@example.no"]);
        suppressions.Add(Assert.Single(plan.Suppressions));

        // The subject's data and history are gone; only the address remains in some list.
        var stranger = new DataSubject();
        foreach (var message in BuiltInVocabulary.Messages)
        {
            foreach (var channel in BuiltInVocabulary.Channels)
            {
                var decision = gate.MaySend(stranger, new(message), new(channel), " ola.nordmann@EXAMPLE.no");
                Assert.Equal(Effect.Deny, decision.Effect);
                Assert.Contains(new ClauseId("rights.erasure"), decision.Clauses);
            }
        }

        Assert.Equal(Effect.Permit, gate.MaySend(stranger, new("administrative"), new("email"), "someone.else@example.no").Effect);
    }

    [Fact]
    public void SuppressionList_WithoutAKey_IsAClearConfigurationError()
    {
        var services = new ServiceCollection();
        services.AddPrivacy();
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IPrivacyGate>().MaySend(new DataSubject(), new("marketing"), new("email"), "a@b.example"));
        Assert.Contains("SuppressionKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortSuppressionKey_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddPrivacy(o => o.SuppressionKey = "short");
        using var provider = services.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PrivacyOptions>>().Value);
    }
}

public class RightsConfigurationTests
{
    [Fact]
    public void AddPrivacy_FromConfiguration_BindsTheSuppressionKeyAndRightsSettings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new System.Collections.Generic.Dictionary<string, string?>
        {
            ["Privacy:SuppressionKey"] = "a-configured-suppression-key-of-32-bytes",
            ["Privacy:Rights:RectificationPeriod"] = "P3D",
            ["Privacy:Rights:ResponsePeriod"] = "P30D",
        }).Build();
        var services = new ServiceCollection();
        services.AddPrivacy(configuration.GetSection("Privacy"));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<PrivacyOptions>>().Value;
        Assert.Equal("a-configured-suppression-key-of-32-bytes", options.SuppressionKey);
        Assert.Equal(Period.FromDays(3), options.Rights.RectificationPeriod);

        var received = Instant.FromUtc(2026, 3, 1, 0, 0);
        var plan = provider.GetRequiredService<IRightsPlanner>().Plan(RightKind.Rectification, new DataSubject("u"), [new StoredRecord("r", new("personal.email"), received)], received, null);
        Assert.Equal(Instant.FromUtc(2026, 3, 4, 0, 0), plan.Items[0].Deadline);
        Assert.Equal(Instant.FromUtc(2026, 3, 31, 0, 0), plan.RespondBy);
        Assert.Null(provider.GetRequiredService<ISuppressionList>().Find("x@example.com"));
    }
}
