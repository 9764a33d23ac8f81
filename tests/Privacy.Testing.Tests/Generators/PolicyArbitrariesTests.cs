using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Testing.Generators;

namespace Privacy.Testing.Tests.Generators;

public class PolicyArbitrariesTests
{
    private static readonly PolicyArbitraries Arbs = BuiltInArbitraries.Instance;

    [Fact]
    public void Landmarks_IncludeBothClockChangesAndMonthStarts_InThePolicyZone()
    {
        var oslo = CompiledPolicy.Compile(BuiltInPolicies.CreateIsmartviewPro2018Builder().WithTimeZone("Europe/Oslo").Build());
        var zone = oslo.TimeZone;
        var locals = new PolicyArbitraries(oslo).Landmark.Select(i => i.InZone(zone)).ToArray();
        Assert.Contains(locals, l => l.Date == new LocalDate(2026, 3, 29) && l.Offset == Offset.FromHours(2));
        Assert.Contains(locals, l => l.Date == new LocalDate(2026, 10, 25) && l.Offset == Offset.FromHours(1));
        Assert.Contains(locals, l => l.LocalDateTime == new LocalDateTime(2026, 3, 1, 0, 0));
    }

    [Fact]
    public void Requests_CoverEveryAction_AndOnlyVocabularyIds()
    {
        var v = BuiltInPolicies.IsmartviewPro2018Compiled.Vocabulary;
        var sample = Gen.Sample(Arbs.Requests.Generator, 500).ToArray();
        Assert.Equal(System.Enum.GetValues<PrivacyAction>().Length, sample.Select(r => r.Action).Distinct().Count());
        Assert.All(sample, r => Assert.True(v.Categories.TryGetIndex(r.Category.Value, out _) && v.Purposes.TryGetIndex(r.Purpose.Value, out _)));
        Assert.All(sample, r => Assert.True(r.CollectedAt <= r.At));
    }

    [Fact]
    public void Histories_HoldTiesRegrantsErasuresAndHolds()
    {
        var sample = Gen.Sample(Arbs.Histories.Generator, 500).ToArray();
        Assert.Contains(sample, h => h.GroupBy(e => (e.At, e.Purpose, e.Recipient)).Any(g => g.Select(e => e.Kind).Distinct().Count() > 1));
        Assert.Contains(sample, h => h.Count(e => e.Kind == PrivacyEventKind.ConsentGranted && e.Purpose is not null) >= 2 && h.Any(e => e.Kind == PrivacyEventKind.ConsentWithdrawn));
        Assert.Contains(sample, h => h.Any(e => e.Kind == PrivacyEventKind.ErasureRequested));
        Assert.Contains(sample, h => h.Any(e => e.Kind == PrivacyEventKind.LegalHoldPlaced));
    }

    [Fact]
    public void GeneratedPolicies_HaveIdsThatCollideByPrefix()
    {
        var sample = Gen.Sample(GeneratedPolicies.Policies(), 100).ToArray();
        Assert.Contains(sample, g => g.Policy.Purposes.Any(p => p.Id.Value == "p1") && g.Policy.Purposes.Any(p => p.Id.Value == "p10"));
        Assert.Contains(sample, g => g.Policy.Categories.Any(c => c.Id.Value.StartsWith("c1.c1", System.StringComparison.Ordinal)));
    }

    [Property(MaxTest = 100)]
    public Property ConsentToAPrefix_NeverCoversTheLongerId()
        => Prop.ForAll(GeneratedPolicies.Policies(maxTerms: 4).Where(g => g.Policy.Purposes.Any(p => p.Id.Value == "p10")).ToArbitrary(), g =>
        {
            var policy = CompiledPolicy.Compile(g.Policy);
            var at = PolicyArbitraries.DefaultEpoch;
            var state = new DataSubject("s", true, [PrivacyEvent.ConsentGranted(new PurposeId("p1"), at)]).StateAt(at);
            return state.HasConsent(new PurposeId("p1")) && !state.HasConsent(new PurposeId("p10"));
        });

    [Fact]
    public void ArbitrariesForAGeneratedPolicy_DrawFromItsVocabulary()
    {
        var generated = Gen.Sample(GeneratedPolicies.Policies(), 1).Single();
        var arbs = new PolicyArbitraries(CompiledPolicy.Compile(generated.Policy));
        var ids = generated.Policy.Categories.Select(c => c.Id).ToHashSet();
        Assert.All(Gen.Sample(arbs.Records.Generator, 50), r => Assert.Contains(r.Category, ids));
        Assert.All(Gen.Sample(arbs.Incidents.Generator, 50), i => Assert.All(i.Categories, c => Assert.Contains(c, ids)));
    }
}
