using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Privacy.Policies;
using Privacy.Retention;
using Privacy.Versioning;

namespace Privacy.Tests.Versioning;

/// <summary>What a privacy engineer states about the differ, on random policies.</summary>
public class PolicyDifferProperties
{
    public static class Arbitraries
    {
        public static Arbitrary<GeneratedPolicy> Policies() => GeneratedPolicies.Arbitrary();
    }

    private static PolicyDiff Diff(PrivacyPolicy a, PrivacyPolicy b) => PolicyDiffer.Instance.Diff(a, b);

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public void Diff_PolicyWithItself_IsEmpty(GeneratedPolicy generated)
        => Assert.True(Diff(generated.Policy, generated.Policy).IsEmpty, Kinds(Diff(generated.Policy, generated.Policy)));

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public void Diff_PolicyWithItsRebuiltCopy_IsEmpty(GeneratedPolicy generated)
    {
        var copy = generated.Policy.ToBuilder().Build();
        Assert.True(Diff(generated.Policy, copy).IsEmpty, Kinds(Diff(generated.Policy, copy)));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public void Diff_AddingAPurpose_IsAlwaysSignificant(GeneratedPolicy generated)
    {
        var newer = generated.Policy.ToBuilder().AddPurpose("zz-new", "A new purpose").Build();
        var diff = Diff(generated.Policy, newer);
        Assert.True(diff.IsSignificant);
        Assert.Contains(diff.Changes, c => c.Kind == "purpose-added" && c.IsSignificant);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public void Diff_AddingAPermission_IsAlwaysSignificant(GeneratedPolicy generated)
    {
        var clause = generated.Policy.Clauses[0].Id.Value;
        var newer = generated.Policy.ToBuilder().Permit("zz-new", r => r.On(PrivacyAction.Use).Cites(clause)).Build();
        Assert.True(Diff(generated.Policy, newer).IsSignificant);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public void Diff_AddingAProhibition_IsNeverSignificant(GeneratedPolicy generated)
    {
        var clause = generated.Policy.Clauses[0].Id.Value;
        var newer = generated.Policy.ToBuilder().Prohibit("zz-new", r => r.On(PrivacyAction.Disclose).Cites(clause)).Build();
        var diff = Diff(generated.Policy, newer);
        Assert.False(diff.IsSignificant, Kinds(diff));
        Assert.Single(diff.Changes);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public void Diff_ChangingOnlyClauseWording_IsNeverSignificant(GeneratedPolicy generated)
    {
        var builder = generated.Policy.ToBuilder();
        for (var i = 0; i < builder.Clauses.Count; i++)
        {
            var c = builder.Clauses[i];
            builder.Clauses[i] = new PolicyClause(c.Id, c.Summary + " (reworded)", c.Text + " Reworded for clarity.");
        }

        var diff = Diff(generated.Policy, builder.Build());
        Assert.False(diff.IsSignificant, Kinds(diff));
        Assert.Equal(2 * builder.Clauses.Count, diff.Changes.Length);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public void Diff_LengtheningARetentionPeriod_IsAlwaysSignificant(GeneratedPolicy generated)
    {
        if (generated.Policy.RetentionRules.IsEmpty)
        {
            return;
        }

        var rule = generated.Policy.RetentionRules[0];
        var longer = rule.Period.IsCalendar
            ? RetentionPeriod.FromPeriod(rule.Period.Calendar! + Period.FromMonths(1))
            : RetentionPeriod.FromDuration(rule.Period.Exact + Duration.FromHours(1));
        var newer = generated.Policy.ToBuilder().Retain(rule.Category.Value, longer, rule.Clause.Value, rule.AllowsGrounds, rule.Anchor).Build();
        var diff = Diff(generated.Policy, newer);
        Assert.Contains(diff.Changes, c => c.Kind == "retention-period-changed" && c.IsSignificant);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 50)]
    public void Diff_EveryChange_HasAKindAPathAndAReason(GeneratedPolicy a, GeneratedPolicy b)
    {
        var diff = Diff(a.Policy, b.Policy);
        Assert.All(diff.Changes, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Reason));
            Assert.StartsWith("/", c.Path, System.StringComparison.Ordinal);
            Assert.True(c.Old is not null || c.New is not null, c.ToString());
        });
    }

    private static string Kinds(PolicyDiff diff) => string.Join("; ", diff.Changes.Select(c => c.ToString()));
}
