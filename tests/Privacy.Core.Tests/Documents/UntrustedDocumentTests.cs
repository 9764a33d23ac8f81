using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Privacy.Analysis;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Documents;
using Privacy.Policies;

namespace Privacy.Tests.Documents;

/// <summary>Documents built to crash the reader or to make compiling and checking them cost without bound.</summary>
public class UntrustedDocumentTests
{
    private static JsonObject Exported() => JsonNode.Parse(PolicyDocument.ToJson(BuiltInPolicies.IsmartviewPro2018Policy))!.AsObject();

    private static PolicyValidationException Refused(string json) => Assert.Throws<PolicyValidationException>(() => PolicyDocument.Parse(json));

    [Fact]
    public void Parse_LoneSurrogateInValueAndName_InvalidStringAtEachPointer()
    {
        var json = Exported().ToJsonString()
            .Replace("\"name\":\"", "\"name\":\"\\ud800", StringComparison.Ordinal)
            .Replace("\"notes\":", "\"\\udc00x\":1,\"notes\":", StringComparison.Ordinal);

        var error = Refused(json);

        Assert.All(error.Problems, p => Assert.Equal("invalid-string", p.Code));
        Assert.Equal(["/name", "/\uFFFD"], error.Problems.Select(p => p.Path));
    }

    [Theory]
    [InlineData("9999-12-31T23:00:00-05:00")]
    [InlineData("2020-01-01T00:00:00+19:00")]
    [InlineData("2020-01-01T00:00:00-18:01")]
    public void Parse_EffectiveFromOutOfRange_BadInstantNamingIt(string effectiveFrom)
    {
        var document = Exported();
        document["effectiveFrom"] = effectiveFrom;

        var error = Refused(document.ToJsonString());

        Assert.Equal(("/effectiveFrom", "bad-instant"), (error.Problems.Single().Path, error.Problems.Single().Code));
    }

    [Fact]
    public void Parse_TooManyRules_TooLargePolicy()
    {
        var document = Exported();
        var rules = document["rules"]!.AsArray();
        var template = rules.Last()!.ToJsonString();
        for (var i = 0; i <= PolicyChecks.MaxRules; i++)
        {
            var rule = JsonNode.Parse(template)!.AsObject();
            rule["id"] = $"extra-{i}";
            rules.Add(rule);
        }

        var error = Refused(document.ToJsonString());

        Assert.Equal(("/rules", "too-large-policy"), (error.Problems.Single().Path, error.Problems.Single().Code));
    }

    [Fact]
    public void Compile_ManyIdsFewClasses_CompilesAsBefore()
    {
        var document = Exported();
        var vocabulary = document["vocabulary"]!.AsObject();
        for (var i = 0; i < 600; i++)
        {
            vocabulary["categories"]!.AsArray().Add(new JsonObject { ["id"] = $"personal.x{i}", ["class"] = "personal" });
            vocabulary["purposes"]!.AsArray().Add(new JsonObject { ["id"] = $"p{i}" });
        }

        var compiled = CompiledPolicy.Compile(PolicyDocument.Parse(document.ToJsonString()));

        Assert.Equal(Effect.Deny, compiled.DecideUse(compiled.Vocabulary.Categories.GetIndex("personal.x599"), compiled.Vocabulary.Purposes.GetIndex("p599"), compiled.Fold(new DataSubject("u", true, []), default)).Effect);
    }

    /// <summary>
    /// About 300 KB: 1,000 rules over 2,000 categories and 2,000 purposes, each rule naming a category of its own
    /// and one it shares with the next rule, so that every category and every purpose has its own set of rules
    /// and the classes multiply to about 4 million cells per action.
    /// </summary>
    internal static string ClassMultiplyingDocument(int rules = PolicyChecks.MaxRules)
    {
        var document = Exported();
        var vocabulary = document["vocabulary"]!.AsObject();
        var clause = document["clauses"]![0]!["id"]!.GetValue<string>();
        var categories = vocabulary["categories"]!.AsArray();
        var purposes = vocabulary["purposes"]!.AsArray();
        var n = Math.Min(2 * rules, PolicyChecks.MaxEntries - Math.Max(categories.Count, purposes.Count));
        for (var i = 0; i < n; i++)
        {
            categories.Add(new JsonObject { ["id"] = $"personal.x{i}", ["class"] = "personal" });
            purposes.Add(new JsonObject { ["id"] = $"p{i}" });
        }

        var list = document["rules"]!.AsArray();
        list.Clear();
        for (var j = 0; j < rules; j++)
        {
            list.Add(new JsonObject
            {
                ["id"] = $"g{j}",
                ["effect"] = j % 2 == 0 ? "prohibit" : "permit",
                ["actions"] = new JsonArray("collect", "use"),
                ["categories"] = new JsonArray($"personal.x{2 * j % n}", $"personal.x{((2 * j) + 1) % n}", $"personal.x{((2 * j) + 3) % n}"),
                ["purposes"] = new JsonArray($"p{2 * j % n}", $"p{((2 * j) + 1) % n}", $"p{((2 * j) + 3) % n}"),
                ["clause"] = clause,
            });
        }

        return document.ToJsonString();
    }

    [Fact]
    public void Compile_ClassesMultiplyPastTheTable_TooLargePolicyWithBoundedMemory()
    {
        var json = ClassMultiplyingDocument();
        Assert.InRange(json.Length, 250_000, 400_000);
        var policy = PolicyDocument.Parse(json);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<PolicyValidationException>(() => CompiledPolicy.Compile(policy));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var problem = error.Problems.Single();
        Assert.Equal(("/rules", "too-large-policy"), (problem.Path, problem.Code));
        Assert.Contains("'collect'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("cells", problem.Message, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, 256L * 1024 * 1024);
    }

    [Fact]
    public void Compile_ManyRulesOverManyRecipientsAndReasons_TooLargePolicyBeforeAllocating()
    {
        var document = Exported();
        var vocabulary = document["vocabulary"]!.AsObject();
        var clause = document["clauses"]![0]!["id"]!.GetValue<string>();
        for (var i = 0; i < 1500; i++)
        {
            vocabulary["recipients"]!.AsArray().Add(new JsonObject { ["id"] = $"r{i}" });
            vocabulary["reasons"]!.AsArray().Add(new JsonObject { ["id"] = $"s{i}" });
        }

        for (var j = 0; j < 900; j++)
        {
            document["rules"]!.AsArray().Add(new JsonObject
            {
                ["id"] = $"d{j}",
                ["effect"] = "permit",
                ["actions"] = new JsonArray("disclose"),
                ["recipients"] = new JsonArray($"r{j}"),
                ["reasons"] = new JsonArray($"s{j}"),
                ["clause"] = clause,
            });
        }

        var policy = PolicyDocument.Parse(document.ToJsonString());
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<PolicyValidationException>(() => CompiledPolicy.Compile(policy));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var problem = error.Problems.Single();
        Assert.Equal(("/rules", "too-large-policy"), (problem.Path, problem.Code));
        Assert.Contains("'disclose'", problem.Message, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, 256L * 1024 * 1024);
    }

    [Fact]
    public void Compile_FiveHundredRulesEachWithOwnIds_Compiles()
    {
        var compiled = CompiledPolicy.Compile(PolicyDocument.Parse(ClassMultiplyingDocument(rules: 500)));
        var subject = compiled.Fold(new DataSubject("u", true, []), default);
        int Category(string id) => compiled.Vocabulary.Categories.GetIndex(id);
        int Purpose(string id) => compiled.Vocabulary.Purposes.GetIndex(id);

        Assert.Equal(Effect.Permit, compiled.DecideUse(Category("personal.x2"), Purpose("p2"), subject).Effect);
        Assert.Equal(Effect.Deny, compiled.DecideUse(Category("personal.x3"), Purpose("p3"), subject).Effect);
    }

    [Fact]
    public void AnalyzeDocument_ClassMultiplyingDocument_AnalysisTooLargeWithBoundedMemory()
    {
        var json = ClassMultiplyingDocument();
        var before = GC.GetAllocatedBytesForCurrentThread();

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var findings = PolicyAnalyzer.Default.AnalyzeDocument(stream);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains(findings, f => f is { Code: "analysis-too-large", Severity: FindingSeverity.Error });
        Assert.InRange(allocated, 0, 4L * 1024 * 1024 * 1024);
    }

    [Fact]
    public void Build_PolicyInCodeOverTheDocumentLimits_Builds()
    {
        var builder = new PolicyBuilder("big", "1").AddClause("k", "clause").DenyByDefault("k").Erasure(Privacy.Retention.RetentionPeriod.FromPeriod(NodaTime.Period.FromMonths(1)), "k", DataClass.Personal);
        for (var i = 0; i <= PolicyChecks.MaxEntries; i++)
        {
            builder.AddCategory($"c{i}", DataClass.Personal, "category").AddPurpose($"p{i}", "purpose");
        }

        for (var i = 0; i <= PolicyChecks.MaxRules; i++)
        {
            builder.Permit($"r{i}", r => r.On(PrivacyAction.Use).Categories($"c{i}").Purposes($"p{i}").Cites("k"));
        }

        var compiled = CompiledPolicy.Compile(builder.Build());
        var subject = compiled.Fold(new DataSubject("u", true, []), default);

        Assert.Equal(Effect.Permit, compiled.DecideUse(compiled.Vocabulary.Categories.GetIndex("c1000"), compiled.Vocabulary.Purposes.GetIndex("p1000"), subject).Effect);
        Assert.Equal(Effect.Deny, compiled.DecideUse(compiled.Vocabulary.Categories.GetIndex("c1000"), compiled.Vocabulary.Purposes.GetIndex("p999"), subject).Effect);
    }

    [Fact]
    public void AnalyzeDocument_MoreWorkThanTheBudget_AnalysisTooLargeError()
    {
        var document = Exported();
        var vocabulary = document["vocabulary"]!.AsObject();
        var clause = document["clauses"]![0]!["id"]!.GetValue<string>();
        for (var i = 0; i < 400; i++)
        {
            vocabulary["categories"]!.AsArray().Add(new JsonObject { ["id"] = $"personal.x{i}", ["class"] = "personal" });
            vocabulary["purposes"]!.AsArray().Add(new JsonObject { ["id"] = $"p{i}" });
        }

        for (var i = 0; i < 900; i++)
        {
            document["rules"]!.AsArray().Add(new JsonObject
            {
                ["id"] = $"g{i}",
                ["effect"] = i % 2 == 0 ? "prohibit" : "permit",
                ["actions"] = new JsonArray("collect", "use"),
                ["categories"] = new JsonArray($"personal.x{i % 400}"),
                ["purposes"] = new JsonArray($"p{i % 400}"),
                ["clause"] = clause,
            });
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString()));
        var findings = PolicyAnalyzer.Default.AnalyzeDocument(stream);

        Assert.Contains(findings, f => f is { Code: "analysis-too-large", Severity: FindingSeverity.Error });
    }

    [Fact]
    public void AnalyzeDocument_InputOverTheSizeLimit_TooLarge()
    {
        using var stream = new MemoryStream(new byte[PolicyDocument.MaxBytes + 1]);

        var error = Assert.Throws<PolicyValidationException>(() => PolicyDocument.Load(stream));
        using var again = new MemoryStream(new byte[PolicyDocument.MaxBytes + 1]);
        var analyzed = Assert.Throws<PolicyValidationException>(() => PolicyAnalyzer.Default.AnalyzeDocument(again));

        Assert.Equal("too-large", error.Problems.Single().Code);
        Assert.Equal("too-large", analyzed.Problems.Single().Code);
    }

    [Fact]
    public void Suggest_ValueLongerThanAnyId_SuggestsNothingWithoutComparing()
    {
        var huge = new string('a', 5_000_000);

        Assert.Equal(string.Empty, PolicyChecks.Suggest(huge, ["a", "aa"]));
        Assert.Equal("; did you mean 'personal.email'?", PolicyChecks.Suggest("personal.emial", ["personal.email", "personal"]));
    }

    [Fact]
    public void Suggest_ManyCandidates_ComparesOnlyTheFirstOnes()
    {
        var known = Enumerable.Range(0, PolicyChecks.MaxSuggestionCandidates).Select(i => $"zz-{i}").Append("personal.email");

        Assert.Equal(string.Empty, PolicyChecks.Suggest("personal.emial", known));
    }
}
