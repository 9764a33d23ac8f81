using System.Collections.Immutable;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Privacy.Breach;
using Privacy.BuiltIn;

namespace Privacy.Tests.Breach;

/// <summary>
/// Breach incidents, options, steps and plans compare by value: equal contents in separate arrays
/// are equal, with the same hash, and the same incident planned twice gives equal plans.
/// </summary>
public class BreachEqualityProperties
{
    private static readonly Instant AwareAt = Instant.FromUtc(2026, 3, 10, 9, 30);

    [Property]
    public void BreachIncident_EqualContents_EqualWithTheSameHash(byte[] categories, int subjects, bool unintelligible, byte[] affected)
    {
        BreachIncident Make() => Incident(categories, subjects, unintelligible, affected);
        ValueEquality.AssertEqualWithTheSameHash(Make(), Make());
    }

    [Property]
    public void BreachIncident_CategoriesInAnotherOrder_EqualOnlyWhenTheOrderIsTheSame(byte[] categories)
    {
        var a = Incident(categories, 10, false, []);
        var b = Incident([.. categories.Reverse()], 10, false, []);
        Assert.Equal(a.Categories.SequenceEqual(b.Categories), a.Equals(b));
    }

    [Property]
    public void BreachPlannerOptions_EqualContents_EqualWithTheSameHash(byte[] identity, byte[] clauses, int largeScale)
    {
        BreachPlannerOptions Make() => new()
        {
            LargeScale = largeScale,
            IdentityAndContact = [.. identity.Select(Category)],
            BreachClauses = [.. clauses.Select(Clause)],
            ContainClauses = [.. clauses.Reverse().Select(Clause)],
        };
        ValueEquality.AssertEqualWithTheSameHash(Make(), Make());
        ValueEquality.AssertEqualWithTheSameHash(new BreachPlannerOptions(), new BreachPlannerOptions());
    }

    [Property]
    public void BreachStep_EqualContents_EqualWithTheSameHash(string reason, byte[] clauses)
    {
        BreachStep Make() => new("contain", AwareAt, [.. clauses.Select(Clause)], reason ?? string.Empty, "GDPR art. 33(1)");
        ValueEquality.AssertEqualWithTheSameHash(Make(), Make());
    }

    [Property(MaxTest = 50)]
    public void Plan_SameIncidentTwice_EqualPlansWithTheSameHash(bool unintelligible, int subjects, byte[] affected)
    {
        var planner = new BreachPlanner();
        var policy = BuiltInPolicies.IsmartviewPro2018Compiled;
        var first = planner.Plan(Incident([0, 1], subjects, unintelligible, affected), policy);
        var second = planner.Plan(Incident([0, 1], subjects, unintelligible, affected), policy);
        ValueEquality.AssertEqualWithTheSameHash(first, second);
    }

    [Fact]
    public void Plan_AnotherNumberOfSubjects_NotEqual()
    {
        var planner = new BreachPlanner();
        var policy = BuiltInPolicies.IsmartviewPro2018Compiled;
        Assert.NotEqual(planner.Plan(Incident([0], 10, false, []), policy), planner.Plan(Incident([0], 20, false, []), policy));
    }

    private static BreachIncident Incident(byte[] categories, int subjects, bool unintelligible, byte[] affected)
        => new(
            AwareAt,
            [Category(0), .. categories.Select(Category)],
            System.Math.Abs(subjects % 100_000),
            unintelligible,
            affected.Select(a => new DataSubject($"u-{a % 7}", a % 2 == 0, a % 3 == 0 ? [PrivacyEvent.ErasureRequested(AwareAt - Duration.FromDays(1))] : null)));

    private static readonly ImmutableArray<string> Categories = ["personal.email", "personal.name", "personal.log", "sensitive.health", "non-personal.usage"];

    private static DataCategoryId Category(byte n) => new(Categories[n % Categories.Length]);

    private static ClauseId Clause(byte n) => new($"security.c{n % 4}");
}
