using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Privacy;
using Privacy.Testing.Generators;
using Privacy.Testing.Invariants;

namespace Samples.Notifications.Tests;

public class CampaignSenderProperties
{
    /// <summary>
    /// The host's property: "no marketing message leaves without a permit", over generated customers
    /// with histories (ties, re-grants, erasure, holds) on the policy's vocabulary.
    /// </summary>
    private static Property NoMarketingWithoutAPermit()
    {
        var arbitraries = BuiltInArbitraries.Instance;
        var customers = Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(arbitraries.Subjects.Generator, n))
            .ToArbitrary();
        return Prop.ForAll(customers, arbitraries.Channels, (generated, channel) =>
        {
            var services = new ServiceCollection();
            services.AddPrivacy();
            services.AddFakePrivacyClock(PrivacyTestClock.StartingAt(PolicyArbitraries.DefaultEpoch + Duration.FromDays(800)));
            using var provider = services.BuildServiceProvider();
            var gate = new RecordingPrivacyGate(provider.GetRequiredService<IPrivacyGate>());

            var sent = new CampaignSender(gate).Send(generated.Select((g, i) => (g with { Id = $"c-{i}" }).ToSubject()), channel);

            PrivacyAssert.NoMessageWithoutPermit(gate, sent.Select(s => (s.SubjectId, s.Kind, s.Channel)));
        });
    }

    [Fact]
    public void NoMarketingWithoutAPermit_FindsThePlantedBug()
    {
        // The sample service has a planted bug; the property must find it and report a small counterexample.
        var failure = Assert.ThrowsAny<Exception>(() => NoMarketingWithoutAPermit().Check(Config.QuickThrowOnFailure.WithMaxTest(2_000)));

        // The bug needs a customer whose last stored event is an opt-in; what makes the policy deny them
        // varies from run to run (an opt-out later in time, an erasure request, no address for the channel).
        Assert.Contains("left without a permit", failure.Message, StringComparison.Ordinal);
        Assert.Contains("marketing-opt-in@", failure.Message, StringComparison.Ordinal);
    }
}
