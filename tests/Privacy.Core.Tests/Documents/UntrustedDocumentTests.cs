using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Privacy.Analysis;
using Privacy.BuiltIn;
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
    public void Parse_DecisionTableOverTheLimit_TooLargePolicy()
    {
        var document = Exported();
        var vocabulary = document["vocabulary"]!.AsObject();
        var categories = vocabulary["categories"]!.AsArray();
        var purposes = vocabulary["purposes"]!.AsArray();
        for (var i = 0; i < 600; i++)
        {
            categories.Add(new JsonObject { ["id"] = $"personal.x{i}", ["class"] = "personal" });
            purposes.Add(new JsonObject { ["id"] = $"p{i}" });
        }

        var error = Refused(document.ToJsonString());

        Assert.Equal(("/vocabulary", "too-large-policy"), (error.Problems.Single().Path, error.Problems.Single().Code));
        Assert.Contains("categories and purposes", error.Problems.Single().Message, StringComparison.Ordinal);
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
