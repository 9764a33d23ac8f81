using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Testing.Generators;
using Privacy.Testing.Invariants;

namespace Privacy.Testing.Tests.Invariants;

public class PrivacyInvariantsTests
{
    private static readonly CompiledPolicy Policy = BuiltInPolicies.IsmartviewPro2018Compiled;

    /// <summary>A host's evaluator that forgets marketing opt-outs: the invariants must catch it.</summary>
    private sealed class IgnoresOptOut(IPrivacyEvaluator inner) : IPrivacyEvaluator
    {
        public string PolicyId => inner.PolicyId;

        public PrivacyDecision Decide(in CollectRequest request, SubjectState? subject) => inner.Decide(request, subject);

        public PrivacyDecision Decide(in UseRequest request, SubjectState? subject) => inner.Decide(request, subject);

        public PrivacyDecision Decide(in DiscloseRequest request, SubjectState? subject) => inner.Decide(request, subject);

        public PrivacyDecision Decide(in CommunicateRequest request, SubjectState? subject)
            => subject is { IsOptedOutOfMarketing: true } ? new PrivacyDecision(Effect.Permit, [new ClauseId("use.contact")]) : inner.Decide(request, subject);

        public PrivacyDecision Decide(in RetainRequest request, SubjectState? subject) => inner.Decide(request, subject);
    }

    /// <summary>A host's evaluator that permits everything: fail-closed and prohibitions-win must catch it.</summary>
    private sealed class PermitsEverything : IPrivacyEvaluator
    {
        private static readonly PrivacyDecision Yes = new(Effect.Permit, [new ClauseId("use.contact")]);

        public string PolicyId => Policy.PolicyId;

        public PrivacyDecision Decide(in CollectRequest request, SubjectState? subject) => Yes;

        public PrivacyDecision Decide(in UseRequest request, SubjectState? subject) => Yes;

        public PrivacyDecision Decide(in DiscloseRequest request, SubjectState? subject) => Yes;

        public PrivacyDecision Decide(in CommunicateRequest request, SubjectState? subject) => Yes;

        public PrivacyDecision Decide(in RetainRequest request, SubjectState? subject) => new(Effect.Retain, [new ClauseId("use.contact")]);
    }

    [Fact]
    public void ProhibitionsWinAndFailsClosed_HostThatPermitsEverything_IsCaught()
    {
        var sensitive = Policy.Policy.Categories.First(c => c.Class == DataClass.Sensitive).Id;
        var at = PolicyArbitraries.DefaultEpoch;
        var request = new PolicyRequest(PrivacyAction.Use, sensitive, new("service"), default, default, default, default, at, at, [], default);
        var subject = new DataSubject("u-1", true);

        var prohibited = Assert.Throws<PrivacyAssertionException>(() => PrivacyInvariants.ProhibitionsWin(Policy, new PermitsEverything(), request, subject));
        Assert.Contains($"applies to use {sensitive} for service", prohibited.Message, System.StringComparison.Ordinal);
        var unknown = Assert.Throws<PrivacyAssertionException>(() => PrivacyInvariants.FailsClosed(new PermitsEverything(), request, subject));
        Assert.Contains("zz-not-in-this-policy", unknown.Message, System.StringComparison.Ordinal);

        // The engine itself passes both on the same request.
        PrivacyInvariants.ProhibitionsWin(Policy, Policy, request, subject);
        PrivacyInvariants.FailsClosed(Policy, request, subject);
    }

    [Property(Arbitrary = [typeof(BuiltInArbitraries)], MaxTest = 300)]
    public void All_HoldForTheEngine_OnGeneratedRequestsAndSubjects(PolicyRequest request, GeneratedSubject subject)
        => PrivacyInvariants.All(Policy, Policy, request, subject.ToSubject());

    [Property(Arbitrary = [typeof(BuiltInArbitraries)], MaxTest = 200)]
    public Property OrderIndependent_HoldsForShuffledHistories(PolicyRequest request, GeneratedSubject subject)
        => Prop.ForAll(Gen.Shuffle(subject.Events.ToArray()).ToArbitrary(), shuffled => PrivacyInvariants.OrderIndependent(Policy, request, subject.ToSubject(), shuffled));

    [Property(Arbitrary = [typeof(BuiltInArbitraries)], MaxTest = 200)]
    public Property IgnoresLaterEvents_Holds(PolicyRequest request, GeneratedSubject subject)
        => Prop.ForAll(BuiltInArbitraries.Histories(), later => PrivacyInvariants.IgnoresLaterEvents(Policy, request, subject.ToSubject(), later));

    [Fact]
    public void OptOutNeverPermitsMore_HostThatIgnoresOptOuts_IsCaught()
    {
        var host = new IgnoresOptOut(Policy);
        var request = new PolicyRequest(PrivacyAction.Communicate, default, default, default, default, new("marketing"), new("email"), PolicyArbitraries.DefaultEpoch, PolicyArbitraries.DefaultEpoch, [], default);
        var subject = new DataSubject("u-1", true, [PrivacyEvent.ErasureRequested(PolicyArbitraries.DefaultEpoch - Duration.FromDays(1))]);
        var error = Assert.Throws<PrivacyAssertionException>(() => PrivacyInvariants.OptOutNeverPermitsMore(host, request, subject));
        Assert.Contains("marketing opt-out", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void FailsClosed_UnknownIds_AreErrorsForTheEngine()
    {
        foreach (var request in Gen.Sample(BuiltInArbitraries.Requests().Generator, 50))
        {
            PrivacyInvariants.FailsClosed(Policy, request, new DataSubject("u"));
        }
    }

    [Fact]
    public void PrivacyAssert_PermittedAndDenied_ThrowTheKitException()
    {
        var at = PolicyArbitraries.DefaultEpoch;
        var marketing = new PolicyRequest(PrivacyAction.Communicate, default, default, default, default, new("marketing"), new("email"), at, at, [], default);
        var optedOut = new DataSubject("u-1", true, [PrivacyEvent.MarketingOptOut(at - Duration.FromHours(1))]);
        PrivacyAssert.Denied(Policy, marketing, optedOut);
        var error = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.Permitted(Policy, marketing, optedOut));
        Assert.Contains("rights.marketing-opt-out", error.Message, System.StringComparison.Ordinal);
        PrivacyAssert.Cites(PrivacyAssert.Permitted(Policy, marketing, new DataSubject("u-2", true)), "use.contact");
    }

    [Fact]
    public void DeletedExactlyTheDueRecords_NamesTheRecordKeptTooLong()
    {
        var at = PolicyArbitraries.DefaultEpoch + Duration.FromDays(800);
        var old = new StoredRecord("old", new DataCategoryId("personal.log"), PolicyArbitraries.DefaultEpoch);
        var fresh = new StoredRecord("fresh", new DataCategoryId("personal.log"), at - Duration.FromDays(1));
        var subject = new DataSubject("u-1");
        PrivacyAssert.DeletedExactlyTheDueRecords(Policy, subject, [old, fresh], at, ["old"]);
        var error = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.DeletedExactlyTheDueRecords(Policy, subject, [old, fresh], at, []));
        Assert.Contains("old (personal.log", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void RecordingGate_WithFakeClock_RecordsQuestionsAndFlagsUnpermittedMessages()
    {
        var services = new ServiceCollection();
        services.AddPrivacy();
        var clock = services.AddFakePrivacyClock(PrivacyTestClock.StartingAtLocal("Europe/Oslo", new LocalDateTime(2026, 3, 29, 1, 30)));
        using var provider = services.BuildServiceProvider();
        var gate = new RecordingPrivacyGate(provider.GetRequiredService<IPrivacyGate>());
        Assert.Equal(clock.GetCurrentInstant(), gate.Now);

        var optedOut = new DataSubject("u-1", true, [PrivacyEvent.MarketingOptOut(clock.GetCurrentInstant() - Duration.FromDays(1))]);
        var welcome = new DataSubject("u-2", true);
        gate.MaySend(optedOut, new("marketing"), new("email"));
        gate.MaySend(welcome, new("marketing"), new("email"));
        clock.Advance(Duration.FromHours(2));
        Assert.Equal(2, gate.Calls.Length);
        Assert.True(gate.WasPermitted("u-2", new("marketing"), new("email")));

        PrivacyAssert.NoMessageWithoutPermit(gate, [("u-2", new MessageKindId("marketing"), new ChannelId("email"))]);
        var error = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.NoMessageWithoutPermit(gate, [("u-1", new MessageKindId("marketing"), new ChannelId("email")), ("u-3", new MessageKindId("marketing"), new ChannelId("sms"))]));
        Assert.Contains("to u-1: the gate answered", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("to u-3: the gate was never asked", error.Message, System.StringComparison.Ordinal);
    }
}
