using System;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Rights;

namespace Privacy.Tests.Rights;

public class RightsPlannerProperties
{
    private static readonly CompiledPolicy Policy = BuiltInPolicies.IsmartviewPro2018Compiled;
    private static readonly RightsPlanner Planner = new(Policy, hasher: ContactHasher.FromText("property-test-key-0123456789abcdef"));

    public sealed record Records(ImmutableArray<StoredRecord> Items)
    {
        public override string ToString() => string.Join("; ", Items.Select(r => $"{r.Id} {r.Category} {r.CollectedAt} [{string.Join(",", r.Grounds)}]"));
    }

    public static class Arbitraries
    {
        private static Gen<StoredRecord> Record =>
            from index in Gen.Choose(0, 6)
            from category in Gen.Elements(BuiltInVocabulary.Categories.Append("personal.unknown").ToArray())
            from age in Gen.Choose(0, 60 * 24 * 900)
            from grounds in Gen.SubListOf(BuiltInVocabulary.Grounds)
            from purposes in Gen.SubListOf(BuiltInVocabulary.Purposes.Take(5).ToArray())
            select new StoredRecord($"r{index}", new DataCategoryId(category), BuiltInVocabulary.Epoch + Duration.FromDays(400) - Duration.FromMinutes(age),
                purposes.Select(p => new PurposeId(p)), [], grounds.Select(g => new RetentionGroundId(g)));

        public static Arbitrary<Records> RecordSets() =>
            Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Record, n)).Select(r => new Records([.. r])).ToArbitrary();

        public static Arbitrary<GeneratedSubject> Subjects() => BuiltInArbitraries.Subjects();

        public static Arbitrary<PolicyRequest> Requests() => BuiltInArbitraries.Requests();

        public static Arbitrary<GeneratedPolicy> Policies() => GeneratedPolicies.Arbitrary();

        public static Arbitrary<RightKind> Rights() => Gen.Elements(Enum.GetValues<RightKind>()).ToArbitrary();
    }

    private static readonly Instant Received = BuiltInVocabulary.Epoch + Duration.FromDays(400);

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public void EveryRecord_AppearsExactlyOnce(RightKind right, GeneratedSubject subject, Records records)
    {
        var plan = Planner.Plan(right, subject.ToSubject(), records.Items, Received);
        Assert.Equal(records.Items.Length, plan.Items.Length + plan.Problems.Length);
        var planned = plan.Items.Select(i => i.Record).Concat(plan.Problems.Select(p => p.Record!)).Order(StringComparer.Ordinal);
        Assert.Equal(records.Items.Select(r => r.Id).Order(StringComparer.Ordinal), planned);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 100)]
    public void Plans_AreDeterministic(RightKind right, GeneratedSubject subject, Records records)
    {
        var first = Planner.Plan(right, subject.ToSubject(), records.Items, Received, ["x@example.com"]);
        var second = new RightsPlanner(CompiledPolicy.Compile(Policy.Policy), hasher: ContactHasher.FromText("property-test-key-0123456789abcdef"))
            .Plan(right, new DataSubject("s-1", subject.HasEmail, subject.Events.Reverse()), records.Items, Received, ["x@example.com"]);
        Assert.Equal(first.Items, second.Items, (a, b) => a.Record == b.Record && a.Action == b.Action && a.Deadline == b.Deadline
            && a.Clauses.SequenceEqual(b.Clauses) && a.Grounds.SequenceEqual(b.Grounds) && a.Purposes.SequenceEqual(b.Purposes));
        Assert.Equal(first.Suppressions.ToArray(), second.Suppressions.ToArray());
        Assert.Equal(first.RespondBy, second.RespondBy);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public void WithNoRecognisedGround_ErasureAlwaysDeletes(GeneratedSubject subject, Records records)
    {
        var history = subject.Events.Where(e => e.Kind is not (PrivacyEventKind.LegalHoldPlaced or PrivacyEventKind.LegalHoldReleased));
        var groundless = records.Items.Select(r => new StoredRecord(r.Id, r.Category, r.CollectedAt, r.Purposes, r.DisclosedTo));
        var plan = Planner.Plan(RightKind.Erasure, new DataSubject("s", subject.HasEmail, history), groundless, Received);
        Assert.All(plan.Items, item =>
        {
            Assert.Equal(PlanAction.Delete, item.Action);
            Assert.NotNull(item.Deadline);
        });
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void NoDeadline_PrecedesItsAnchor(PolicyRequest request, GeneratedSubject subject)
    {
        var retain = request with { Action = PrivacyAction.Retain };
        var decision = retain.Decide(Policy, subject.ToSubject());
        if (decision.Deadline is { } deadline)
        {
            Assert.True(deadline >= retain.CollectedAt, $"{deadline} precedes collection at {retain.CollectedAt}");
            // When the erasure request brought the deadline forward, that deadline counts from the request.
            var unerased = new DataSubject("s-1", subject.HasEmail, subject.Events.Where(e => e.Kind != PrivacyEventKind.ErasureRequested));
            var regular = retain.Decide(Policy, unerased);
            var state = subject.ToSubject().StateAt(retain.At);
            if (state.ErasureRequestedAt is { } erasure && (regular.Deadline is null || regular.Deadline > deadline))
            {
                Assert.True(deadline >= erasure || deadline == retain.CollectedAt, $"{deadline} precedes the erasure request at {erasure}");
            }
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void AddingAGround_NeverShortensRetention(PolicyRequest request, GeneratedSubject subject, PositiveInt pick)
    {
        var retain = request with { Action = PrivacyAction.Retain };
        var extra = BuiltInVocabulary.Grounds[pick.Get % BuiltInVocabulary.Grounds.Length];
        var before = retain.Decide(Policy, subject.ToSubject());
        var after = (retain with { Grounds = retain.Grounds.Add(new(extra)) }).Decide(Policy, subject.ToSubject());
        Assert.True(KeepsAtLeastAsLong(after, before), $"{before} became {after}");
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 100)]
    public void GeneratedPolicies_NoDeadlinePrecedesCollection(GeneratedPolicy generated, PolicyRequest request, GeneratedSubject subject)
    {
        var compiled = CompiledPolicy.Compile(generated.Policy);
        var history = new DataSubject("s", false, subject.Events.Where(e => e.Purpose is null && e.Recipient is null));
        for (var c = 0; c < compiled.Vocabulary.Categories.Count; c++)
        {
            var decision = compiled.Decide(new RetainRequest(new(compiled.Vocabulary.Categories[c]), request.CollectedAt, request.At), history);
            Assert.True(decision.Deadline is not { } d || d >= request.CollectedAt, $"{decision} for {compiled.Vocabulary.Categories[c]}");
        }
    }

    /// <summary>Open-ended retention is the longest; otherwise the later deadline is.</summary>
    private static bool KeepsAtLeastAsLong(PrivacyDecision longer, PrivacyDecision shorter)
        => longer.Deadline is not { } a || (shorter.Deadline is { } b && a >= b);
}
