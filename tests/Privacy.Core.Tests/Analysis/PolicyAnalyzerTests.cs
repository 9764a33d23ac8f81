using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Privacy.Analysis;
using Privacy.BuiltIn;
using Privacy.Documents;
using Privacy.Policies;
using Privacy.Tests.Documents;

namespace Privacy.Tests.Analysis;

/// <summary>Each finding of the analyzer, shown by a minimal document (Analysis/Defects/*.json) that has exactly that defect.</summary>
public class PolicyAnalyzerTests
{
    private static PolicyFinding[] Check(string path)
    {
        using var stream = File.OpenRead(path);
        return [.. PolicyAnalyzer.Default.AnalyzeDocument(stream)];
    }

    [Fact]
    public void BuiltIn_HasNoErrorOrWarning()
        => Assert.DoesNotContain(PolicyAnalyzer.Default.Analyze(BuiltInPolicies.IsmartviewPro2018Policy), f => f.Severity != FindingSeverity.Info);

    [Fact]
    public void MinimalDocument_HasNoErrorOrWarning()
        => Assert.DoesNotContain(Check(DocumentFixtures.Minimal), f => f.Severity != FindingSeverity.Info);

    [Theory]
    [InlineData("no-retention", "no-retention", FindingSeverity.Warning, "/vocabulary/categories/1", null)]
    [InlineData("unused-purpose", "unused-purpose", FindingSeverity.Warning, "/vocabulary/purposes/2", null)]
    [InlineData("shadowed-rule", "shadowed-rule", FindingSeverity.Warning, "/rules/2", "email.service")]
    [InlineData("sensitive-permitted", "sensitive-permitted", FindingSeverity.Error, "/rules/5", "health.service")]
    [InlineData("missing-clause", "missing-clause", FindingSeverity.Error, "/rules/1", "email.service")]
    [InlineData("contradictory-rules", "contradictory-rules", FindingSeverity.Error, "/rules/1", "email.service")]
    [InlineData("default-deny-gap", "default-deny-gap", FindingSeverity.Info, "/vocabulary/messages/1", null)]
    [InlineData("ignored-selector", "ignored-selector", FindingSeverity.Error, "/rules/4", "disclose.provider")]
    public void Analyze_DocumentWithOneDefect_FindsIt(string file, string code, FindingSeverity severity, string path, string? rule)
    {
        var findings = Check(DocumentFixtures.Here("Analysis", "Defects", file + ".json"));
        var finding = Assert.Single(findings, f => f.Code == code && f.Path == path);
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(rule, finding.RuleId);
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
    }

    [Fact]
    public void Analyze_ShadowedRule_NamesTheProhibitionThatDecidesFirst()
    {
        var finding = Check(DocumentFixtures.Here("Analysis", "Defects", "shadowed-rule.json")).First(f => f.Code == "shadowed-rule");
        Assert.Contains("'no-email'", finding.Message, System.StringComparison.Ordinal);
        Assert.Equal(new ClauseId("use.service"), finding.Clause);
    }

    [Fact]
    public void Analyze_MissingClauseInDocument_StillAnalysesTheRest()
    {
        var findings = Check(DocumentFixtures.Here("Analysis", "Defects", "missing-clause.json"));
        Assert.Equal(FindingSeverity.Error, findings[0].Severity);
        Assert.Contains(findings, f => f.Code == "default-deny-gap");
        Assert.Throws<PolicyValidationException>(() => PolicyDocument.Load(DocumentFixtures.Here("Analysis", "Defects", "missing-clause.json")));
    }

    [Fact]
    public void Analyze_FindingsComeErrorsFirst()
    {
        var findings = Check(DocumentFixtures.Here("Analysis", "Defects", "sensitive-permitted.json"));
        Assert.Equal(findings.OrderBy(f => f.Severity).Select(f => f.Severity), findings.Select(f => f.Severity));
    }

    [Fact]
    public void AnalyzeDocument_BrokenDocument_Throws()
    {
        using var stream = File.OpenRead(DocumentFixtures.Here("Documents", "Broken", "unknown-category.json"));
        Assert.Throws<PolicyValidationException>(() => PolicyAnalyzer.Default.AnalyzeDocument(stream));
    }

    /// <summary>
    /// The analyzer and the compiled engine read rules the same way: the analyzer reports
    /// <c>sensitive-permitted</c> exactly when the compiled policy permits collecting, using or
    /// disclosing some sensitive category under some combination of conditions.
    /// </summary>
    [Property(MaxTest = 80)]
    public Property Analyze_GeneratedPolicies_SensitivePermittedExactlyWhenTheCompiledPolicyPermitsIt()
        => Prop.ForAll(GeneratedPolicies.Policies().ToArbitrary(), generated =>
        {
            var p = generated.Policy;
            var compiled = Privacy.Compilation.CompiledPolicy.Compile(p);
            var at = NodaTime.Instant.FromUtc(2026, 3, 1, 0, 0);
            var before = at - NodaTime.Duration.FromDays(1);
            var sensitive = p.Categories.Where(c => c.Class == DataClass.Sensitive).Select(c => c.Id.Value).ToArray();
            var permitted = false;
            for (var bits = 0; bits < 32 && !permitted && sensitive.Length > 0; bits++)
            {
                var events = new System.Collections.Generic.List<PrivacyEvent>();
                if ((bits & 1) != 0)
                {
                    events.Add(PrivacyEvent.ErasureRequested(before));
                }

                if ((bits & 2) != 0)
                {
                    events.Add(PrivacyEvent.MarketingOptOut(before));
                }

                if ((bits & 4) != 0)
                {
                    events.AddRange(p.Purposes.Select(x => PrivacyEvent.ConsentGranted(x.Id, before)));
                    events.AddRange(p.Recipients.Select(x => PrivacyEvent.ConsentGranted(x.Id, before)));
                }

                var state = new DataSubject("s", true, events).StateAt(at);
                var context = new RequestContext((bits & 8) != 0, (bits & 16) != 0);
                foreach (var category in sensitive)
                {
                    permitted |= p.Purposes.Any(x =>
                        compiled.Decide(new CollectRequest(new(category), x.Id, at, context), state).IsAllowed
                        || compiled.Decide(new UseRequest(new(category), x.Id, at, context), state).IsAllowed);
                    permitted |= p.Recipients.Any(r => p.Reasons.Any(s =>
                        compiled.Decide(new DiscloseRequest(new(category), r.Id, s.Id, at, context), state).IsAllowed));
                }
            }

            var reported = PolicyAnalyzer.Default.Analyze(p).Any(f => f.Code == "sensitive-permitted");
            return (reported == permitted).Label($"analyzer says {reported}, compiled policy permits {permitted}: {generated}");
        });

    [Property(MaxTest = 60)]
    public Property Analyze_GeneratedPolicies_NeverThrowsAndPointsIntoTheDocument()
        => Prop.ForAll(GeneratedPolicies.Arbitrary(), generated =>
        {
            var findings = PolicyAnalyzer.Default.Analyze(generated.Policy);
            var document = System.Text.Json.Nodes.JsonNode.Parse(PolicyDocument.ToJson(generated.Policy))!;
            foreach (var f in findings)
            {
                var node = document;
                foreach (var segment in f.Path.Split('/').Skip(1))
                {
                    node = int.TryParse(segment, out var i) ? node![i] : node![segment];
                }

                Assert.NotNull(node);
            }
        });
}
