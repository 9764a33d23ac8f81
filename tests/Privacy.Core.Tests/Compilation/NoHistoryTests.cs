using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Versioning;

namespace Privacy.Tests.Compilation;

/// <summary>
/// <c>evaluator.Decide(request, null)</c> compiles for every request kind and asks about a subject
/// with no history: the same decision as an empty state at the request's instant.
/// </summary>
public class NoHistoryTests
{
    private static readonly CompiledPolicy Policy = BuiltInPolicies.IsmartviewPro2018Compiled;
    private static readonly Instant At = Instant.FromUtc(2026, 3, 1, 9, 0);

    public static class Arbitraries
    {
        public static Arbitrary<PolicyRequest> Requests() => BuiltInArbitraries.Requests();
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void Decide_NullSubject_SameAsAnEmptyStateAtTheRequestsInstant(PolicyRequest request)
        => Assert.Equal(request.Decide(Policy, SubjectState.Empty(request.At)), DecideWithNull(Policy, request));

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 100)]
    public void Decide_NullSubjectOnTheVersionedEvaluator_SameAsAnEmptyState(PolicyRequest request)
    {
        var evaluator = new VersionedEvaluator(new PolicyVersionSet([Policy]));
        Assert.Equal(request.Decide(evaluator, SubjectState.Empty(request.At)), DecideWithNull(evaluator, request));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 100)]
    public void Decide_NullSubjectOnTheRegisteredEvaluator_SameAsAnEmptyState(PolicyRequest request)
    {
        using var provider = new ServiceCollection().AddPrivacy().Services.BuildServiceProvider();
        var evaluator = provider.GetRequiredService<IPrivacyEvaluator>();
        Assert.Equal(request.Decide(evaluator, SubjectState.Empty(request.At)), DecideWithNull(evaluator, request));
    }

    [Fact]
    public void Decide_NullSubjectForAUseThatNeedsNoHistory_Permits()
    {
        IPrivacyEvaluator evaluator = Policy;
        var decision = evaluator.Decide(new UseRequest(new("personal.email"), new("service.delivery"), At), null);
        Assert.Equal(Effect.Permit, decision.Effect);
    }

    [Fact]
    public void Decide_NullSubjectForARetention_CountsFromCollectionWithoutErasure()
    {
        var request = new RetainRequest(new("personal.email"), At - Duration.FromDays(10), At);
        Assert.Equal(Policy.Decide(request, SubjectState.Empty(At)), Policy.Decide(request, null));
        Assert.Equal(Effect.Retain, Policy.Decide(request, null).Effect);
    }

    [Fact]
    public void Decide_NullDataSubjectThroughTheExtension_SameAsTheAnonymousSubject()
    {
        IPrivacyEvaluator evaluator = Policy;
        DataSubject? nobody = null;
        var request = new CommunicateRequest(new("marketing"), new("email"), At);
        Assert.Equal(evaluator.Decide(request, DataSubject.Anonymous), evaluator.Decide(request, nobody));
        Assert.Equal(evaluator.Decide(request, SubjectState.Empty(At)), evaluator.Decide(request, null));
    }

    [Fact]
    public void Decide_StateOfAnotherInstant_IsStillRefused()
    {
        var error = Assert.Throws<PrivacyRequestException>(() => Policy.Decide(new UseRequest(new("personal.email"), new("service.delivery"), At), SubjectState.Empty(At - Duration.FromDays(1))));
        Assert.Equal("state-instant-mismatch", error.Code);
    }

    [Fact]
    public void Decide_NullSubjectWithAnUnknownId_IsStillAnErrorNamingTheField()
    {
        var error = Assert.Throws<PrivacyRequestException>(() => Policy.Decide(new DiscloseRequest(new("personal.email"), new("nobody"), new("consent"), At), null));
        Assert.Equal("recipient", error.Field);
    }

    /// <summary>Calls the evaluator with a bare <c>null</c> for each request kind, as a host writes it.</summary>
    internal static PrivacyDecision DecideWithNull(IPrivacyEvaluator evaluator, PolicyRequest r) => r.Action switch
    {
        PrivacyAction.Collect => evaluator.Decide(new CollectRequest(r.Category, r.Purpose, r.At, r.Context), null),
        PrivacyAction.Use => evaluator.Decide(new UseRequest(r.Category, r.Purpose, r.At, r.Context), null),
        PrivacyAction.Disclose => evaluator.Decide(new DiscloseRequest(r.Category, r.Recipient, r.Reason, r.At, r.Context), null),
        PrivacyAction.Communicate => evaluator.Decide(new CommunicateRequest(r.Message, r.Channel, r.At, r.Context), null),
        _ => evaluator.Decide(new RetainRequest(r.Category, r.CollectedAt, r.At, r.Grounds), null),
    };
}
