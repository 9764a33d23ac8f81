using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Privacy.Compilation;
using Privacy.Policies;
using Privacy.Reference;

namespace Privacy.Tests.Compilation;

/// <summary>
/// The compiled evaluator against <see cref="ReferenceEvaluator"/> on generated policies (random
/// vocabularies, hierarchies, rules, retention rules and grounds), requests and histories: both
/// the typed API and the hot path on dense ids must give the reference's decision, clauses,
/// obligations, deadline and grounds, for every action.
/// </summary>
public class DifferentialTests
{
    private const int Policies = 1_000;
    private const int RequestsPerPolicy = 10;

    private static readonly Instant Epoch = Instant.FromUtc(2026, 1, 1, 0, 0);

    [Fact]
    public void CompiledEvaluator_AgreesWithReference_OnGeneratedPoliciesRequestsAndHistories()
    {
        var compared = 0;
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var compiled = CompiledPolicy.Compile(c.Policy.Policy);
            var reference = new ReferenceEvaluator(c.Policy.Policy);
            foreach (var request in c.Requests)
            {
                var state = request.Subject.StateAt(request.At);
                var facts = compiled.Fold(state);
                foreach (var action in System.Enum.GetValues<PrivacyAction>())
                {
                    var expected = request.Decide(action, reference, state);
                    var typed = request.Decide(action, compiled, state);
                    var hot = request.DecideHot(action, compiled, facts);
                    Assert.True(expected == typed, $"{action}: reference {expected}, compiled {typed}; {request}");
                    Assert.True(expected == hot, $"{action}: reference {expected}, hot path {hot}; {request}");
                    Interlocked.Increment(ref compared);
                }
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Policies));

        // Every run compares at least 10,000 requests (policy, request and history), each for all five actions.
        Assert.True(compared >= 10_000 * 5, $"only {compared} decisions compared");
    }

    [Fact]
    public void CompiledEvaluator_AgreesWithReference_OnTheBuiltInPolicy()
    {
        var policy = Privacy.BuiltIn.BuiltInPolicies.IsmartviewPro2018Compiled;
        var generated = new GeneratedPolicy(policy.Policy, 0);
        var reference = new ReferenceEvaluator(policy.Policy);
        Prop.ForAll(Gen.ArrayOf(Requests(policy.Policy), 20).ToArbitrary(), requests =>
        {
            foreach (var request in requests)
            {
                var state = request.Subject.StateAt(request.At);
                foreach (var action in System.Enum.GetValues<PrivacyAction>())
                {
                    var expected = request.Decide(action, reference, state);
                    var actual = request.Decide(action, policy, state);
                    Assert.True(expected == actual, $"{action}: reference {expected}, compiled {actual}; {request} on {generated}");
                }
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));
    }

    private static Gen<DifferentialCase> Cases() =>
        from policy in GeneratedPolicies.Policies()
        from requests in Gen.ArrayOf(Requests(policy.Policy), RequestsPerPolicy)
        select new DifferentialCase(policy, requests);

    private static Gen<GeneratedRequest> Requests(PrivacyPolicy p)
    {
        var purposes = p.Purposes.Select(x => x.Id.Value).ToArray();
        var recipients = p.Recipients.Select(x => x.Id.Value).ToArray();
        var grounds = p.Grounds.Select(x => x.Id.Value).ToArray();

        // The kit's instants (whole minutes over two years, favouring clock changes and month ends, so that ties happen) and histories.
        var arbitraries = new PolicyArbitraries(CompiledPolicy.Compile(p), Epoch);
        var instants = arbitraries.Instants.Generator;
        var histories = arbitraries.Histories.Generator;
        return
            from category in Gen.Elements(p.Categories.Select(x => x.Id.Value).ToArray())
            from purpose in Gen.Elements(purposes)
            from recipient in Gen.Elements(recipients)
            from reason in Gen.Elements(p.Reasons.Select(x => x.Id.Value).ToArray())
            from message in Gen.Elements(p.Messages.Select(x => x.Id.Value).ToArray())
            from channel in Gen.Elements(p.Channels.Select(x => x.Id.Value).ToArray())
            from at in instants
            from age in Gen.Choose(0, 60 * 24 * 900)
            from claimed in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements(grounds), n))
            from location in ArbMap.Default.GeneratorFor<bool>()
            from confidentiality in ArbMap.Default.GeneratorFor<bool>()
            from history in histories
            select new GeneratedRequest(
                category, purpose, recipient, reason, message, channel, at, at - Duration.FromMinutes(age), [.. claimed],
                new RequestContext(location, confidentiality), new DataSubject("s", true, history));
    }
}

/// <summary>A generated policy with requests on its vocabulary, printable in a counterexample.</summary>
public sealed record DifferentialCase(GeneratedPolicy Policy, GeneratedRequest[] Requests)
{
    public override string ToString() => $"{Policy} requests [{string.Join(" | ", Requests.Select(r => r.ToString()))}]";
}

/// <summary>The ids of a request of every action, with a subject and its history.</summary>
public sealed record GeneratedRequest(
    string Category, string Purpose, string Recipient, string Reason, string Message, string Channel,
    Instant At, Instant CollectedAt, ImmutableArray<string> Grounds, RequestContext Context, DataSubject Subject)
{
    public PrivacyDecision Decide(PrivacyAction action, IPrivacyEvaluator evaluator, SubjectState state) => action switch
    {
        PrivacyAction.Collect => evaluator.Decide(new CollectRequest(new(Category), new(Purpose), At, Context), state),
        PrivacyAction.Use => evaluator.Decide(new UseRequest(new(Category), new(Purpose), At, Context), state),
        PrivacyAction.Disclose => evaluator.Decide(new DiscloseRequest(new(Category), new(Recipient), new(Reason), At, Context), state),
        PrivacyAction.Communicate => evaluator.Decide(new CommunicateRequest(new(Message), new(Channel), At, Context), state),
        _ => evaluator.Decide(new RetainRequest(new(Category), CollectedAt, At, [.. Grounds.Select(g => new RetentionGroundId(g))]), state),
    };

    public PrivacyDecision DecideHot(PrivacyAction action, CompiledPolicy policy, in SubjectFacts facts)
    {
        var v = policy.Vocabulary;
        return action switch
        {
            PrivacyAction.Collect => policy.DecideCollect(v.Categories.GetIndex(Category), v.Purposes.GetIndex(Purpose), facts, Context),
            PrivacyAction.Use => policy.DecideUse(v.Categories.GetIndex(Category), v.Purposes.GetIndex(Purpose), facts, Context),
            PrivacyAction.Disclose => policy.DecideDisclose(v.Categories.GetIndex(Category), v.Recipients.GetIndex(Recipient), v.Reasons.GetIndex(Reason), facts, Context),
            PrivacyAction.Communicate => policy.DecideCommunicate(v.Messages.GetIndex(Message), v.Channels.GetIndex(Channel), facts, Context),
            _ => policy.DecideRetain(v.Categories.GetIndex(Category), CollectedAt, At, facts, Grounds.Select(g => v.Grounds.GetIndex(g)).ToArray()),
        };
    }

    public override string ToString()
        => $"{Category} purpose={Purpose} to={Recipient}/{Reason} msg={Message}/{Channel} at={At} collected={CollectedAt} grounds=[{string.Join(",", Grounds)}] {Context} "
            + $"events=[{string.Join("; ", Subject.Events.Select(e => $"{e.Kind.ToName()}@{e.At} {e.Purpose} {e.Recipient}"))}]";
}
