using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Privacy.Compilation;
using Privacy.Policies;

namespace Privacy.Tests.Policies;

public class PolicyBuilderTests
{
    [Fact]
    public void Build_ReportsEveryProblemAtOnce()
    {
        var builder = new PolicyBuilder("p", "1")
            .AddCategory("personal.email", DataClass.Personal, "email")
            .AddPurpose("service", "service")
            .AddClause("k", "Clause k.")
            .AddClause("k", "Clause k again.")
            .Permit("r1", r => r.On(PrivacyAction.Use).Categories("personal.emial").Purposes("servce").Cites("kk"))
            .DenyByDefault("k")
            .WithTimeZone("Mars/Base");
        var error = Assert.Throws<PolicyValidationException>(() => builder.Build());
        var codes = error.Problems.Select(p => p.Code).ToArray();
        Assert.Contains("duplicate-clause", codes);
        Assert.Contains("missing-parent-category", codes);
        Assert.Contains("unknown-category", codes);
        Assert.Contains("unknown-purpose", codes);
        Assert.Contains("unknown-clause", codes);
        Assert.Contains("missing-erasure", codes);
        Assert.Contains("unknown-time-zone", codes);
        Assert.Contains(error.Problems, p => p.Path == "/rules/0/purposes/0" && p.Message.Contains("did you mean 'service'", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Rule_WithoutClause_IsRefusedNamingIt()
    {
        var error = Assert.Throws<PolicyValidationException>(() => new PolicyBuilder("p", "1").Permit("lonely", r => r.On(PrivacyAction.Use)));
        Assert.Equal("missing-clause", Assert.Single(error.Problems).Code);
        Assert.Contains("lonely", error.Message, System.StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public Property GeneratedPolicies_BuildAndCompile()
        => Prop.ForAll(GeneratedPolicies.Arbitrary(), generated =>
        {
            var compiled = CompiledPolicy.Compile(generated.Policy);
            return compiled.Vocabulary.Categories.Count == generated.Policy.Categories.Length
                && generated.Policy.ToBuilder().Build().Rules.Length == generated.Policy.Rules.Length;
        });
}
