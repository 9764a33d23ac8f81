using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Testing.Generators;

namespace Privacy.Testing.Tests.Generators;

public class ShrinkingTests
{
    private static readonly PolicyArbitraries Arbs = BuiltInArbitraries.Instance;

    /// <summary>Runs a property that must fail and returns the counterexample FsCheck reports after shrinking.</summary>
    private static string Falsify<T>(Arbitrary<T> arbitrary, Func<T, bool> property, int tests = 1000)
    {
        var error = Assert.ThrowsAny<Exception>(() => Prop.ForAll(arbitrary, property).Check(Config.QuickThrowOnFailure.WithMaxTest(tests)));
        var lines = error.Message.Split('\n');
        var shrunk = Array.IndexOf(lines, "Shrunk:");
        return lines[(shrunk >= 0 ? shrunk : Array.IndexOf(lines, "Original:")) + 1].Trim();
    }

    [Fact]
    public void Subjects_FailingOnAnyErasure_ShrinkToOneErasureAtTheEpoch()
    {
        var message = Falsify(Arbs.Subjects, s => !s.Events.Any(e => e.Kind == PrivacyEventKind.ErasureRequested));

        // Every other event dropped, the instant moved to the epoch.
        Assert.EndsWith($"[erasure-requested@{PolicyArbitraries.DefaultEpoch}]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Requests_FailingOnAnyPermittedUse_ShrinkToAMinimalRequest()
    {
        var policy = BuiltInPolicies.IsmartviewPro2018Compiled;
        var subject = new DataSubject("u-1", hasEmail: true);
        var message = Falsify(Arbs.RequestsOf(PrivacyAction.Use), r => r.Decide(policy, subject).Effect != Effect.Permit);

        // The shrunk request sits at the epoch, with no context, on the top-level purpose and the least deep category that fails.
        Assert.Matches($"^use [a-z-]+(\\.[a-z-]+)? for service at {PolicyArbitraries.DefaultEpoch}$", message);
    }

    [Fact]
    public void Instants_FailingAfterADate_ShrinkToTheFirstFailingMinute()
    {
        var cut = PolicyArbitraries.DefaultEpoch + Duration.FromDays(100);
        var message = Falsify(Arbs.Instants, at => at < cut);
        Assert.Equal(cut.ToString(), message);
    }

    [Fact]
    public void Categories_ShrinkTowardsTheParent()
    {
        var child = new DataCategoryId(BuiltInPolicies.IsmartviewPro2018Policy.Categories.First(c => c.Id.Parent is not null).Id.Value);
        Assert.Equal(child.Parent, Arbs.Categories.Shrinker(child).First());
    }

    [Fact]
    public void GeneratedPolicies_FailingOnAnyProhibition_ShrinkToTheOneRule()
    {
        var shown = Falsify(GeneratedPolicies.Arbitrary(), g => !g.Policy.Rules.Any(r => r.Effect == Policies.RuleEffect.Prohibit), tests: 200);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(shown, "(Prohibit|Permit) rule-"));
        Assert.Contains("Prohibit rule-", shown, StringComparison.Ordinal);
    }
}
