using System;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Documents;
using Privacy.Policies;

namespace Privacy.Tests.Documents;

public class PolicyDocumentTests
{
    [Property(MaxTest = 80)]
    public Property RoundTrip_GeneratedPolicies_WriteTheSameBytesAndDecideAlike()
        => Prop.ForAll(GeneratedPolicies.Arbitrary(), generated =>
        {
            var json = PolicyDocument.ToJson(generated.Policy);
            var loaded = PolicyDocument.Parse(json);
            Assert.Equal(json, PolicyDocument.ToJson(loaded));
            Assert.Empty(DocumentFixtures.SchemaErrors(json));

            var before = CompiledPolicy.Compile(generated.Policy);
            var after = CompiledPolicy.Compile(loaded);
            var expected = DocumentFixtures.Sweep(before, generated.Policy, generated.Seed).ToList();
            var actual = DocumentFixtures.Sweep(after, loaded, generated.Seed).ToList();
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.True(expected[i] == actual[i], $"{expected[i].Request}: {expected[i].Decision} became {actual[i].Decision}");
            }
        });

    [Fact]
    public void BuiltIn_ExportedDocument_IsTheShippedExampleByteForByte()
    {
        var exported = PolicyDocument.ToJson(BuiltInPolicies.IsmartviewPro2018Policy);
        Assert.Equal(File.ReadAllText(DocumentFixtures.Here("examples", "ismartviewpro-2018.policy.json")), exported);

        using var embedded = typeof(BuiltInPolicies).Assembly.GetManifestResourceStream(BuiltInPolicies.ResourceName(BuiltInPolicies.IsmartviewPro2018Id))!;
        using var reader = new StreamReader(embedded, Encoding.UTF8);
        Assert.Equal(reader.ReadToEnd(), exported);
    }

    [Fact]
    public void BuiltIn_ExportedDocument_ValidatesAgainstTheSchema()
        => Assert.Empty(DocumentFixtures.SchemaErrors(PolicyDocument.ToJson(BuiltInPolicies.IsmartviewPro2018Policy)));

    [Fact]
    public void MinimalDocument_ValidatesAgainstTheSchema_AndLoads()
    {
        var json = File.ReadAllText(DocumentFixtures.Minimal);
        Assert.Empty(DocumentFixtures.SchemaErrors(json));
        var policy = PolicyDocument.Load(DocumentFixtures.Minimal);
        Assert.Equal("acme", policy.Id);
        Assert.Equal("Europe/Oslo", policy.TimeZoneId);
        Assert.Equal("privacy@acme.example", policy.Contact);
        Assert.Equal(RuleConditions.Consent, policy.Rules.Single(r => r.Id == "marketing.email").Conditions);
    }

    [Fact]
    public void BuiltIn_LoadedFromTheExample_DecidesExactlyLikeTheBuiltIn()
    {
        var loaded = CompiledPolicy.Compile(PolicyDocument.Load(DocumentFixtures.Here("examples", "ismartviewpro-2018.policy.json")));
        var builtIn = BuiltInPolicies.IsmartviewPro2018Compiled;
        var expected = DocumentFixtures.Sweep(builtIn, builtIn.Policy, 7).ToList();
        var actual = DocumentFixtures.Sweep(loaded, loaded.Policy, 7).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Write_IsDeterministic_AndEndsWithANewline()
    {
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        PolicyDocument.Write(BuiltInPolicies.IsmartviewPro2018Policy, a);
        PolicyDocument.Write(PolicyDocument.Load(DocumentFixtures.Here("examples", "ismartviewpro-2018.policy.json")), b);
        Assert.Equal(a.ToArray(), b.ToArray());
        Assert.Equal((byte)'\n', a.ToArray()[^1]);
        Assert.DoesNotContain((byte)'\r', a.ToArray());
    }

#if !NET9_0_OR_GREATER
    [Fact]
    public void WithLineFeeds_WindowsLineEnds_BecomeLineFeeds()
        => Assert.Equal("{\n  \"a\": \"x\\r\\ny\"\n}\n"u8.ToArray(), PolicyDocument.WithLineFeeds("{\r\n  \"a\": \"x\\r\\ny\"\r\n}\n"u8.ToArray()));
#endif

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOneAtOnce()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(DocumentFixtures.Minimal))!;
        node["rules"]![1]!["categories"]![0] = "personal.emial";
        node["rules"]![1]!["purposes"]![0] = "servce";
        node["retention"]!["rules"]![0]!["period"] = "1 year";
        node["timeZone"] = "Europe/Olso";
        var json = node.ToJsonString();
        var error = Assert.Throws<PolicyValidationException>(() => PolicyDocument.Parse(json));
        var found = error.Problems.Select(p => (p.Code, p.Path)).ToList();
        Assert.Contains(("unknown-category", "/rules/1/categories/0"), found);
        Assert.Contains(("unknown-purpose", "/rules/1/purposes/0"), found);
        Assert.Contains(("bad-period", "/retention/rules/0/period"), found);
        Assert.Contains(("unknown-time-zone", "/timeZone"), found);
        Assert.Contains("did you mean 'personal.email'", error.Problems.Single(p => p.Code == "unknown-category").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TooLarge_IsRefusedBeforeParsing()
    {
        using var big = new MemoryStream(Encoding.UTF8.GetBytes("{\"notes\": [\"" + new string('x', PolicyDocument.MaxBytes) + "\"]}"));
        var error = Assert.Throws<PolicyValidationException>(() => PolicyDocument.Load(big));
        Assert.Equal("too-large", Assert.Single(error.Problems).Code);
    }

    [Fact]
    public void Load_MissingFile_ReportsUnreadable()
    {
        var error = Assert.Throws<PolicyValidationException>(() => PolicyDocument.Load(Path.Combine(Path.GetTempPath(), "no-such-policy-" + Guid.NewGuid() + ".json")));
        Assert.Equal("unreadable", Assert.Single(error.Problems).Code);
    }

    [Fact]
    public void Parse_ExactAndCalendarPeriods_KeepTheirMeaning()
    {
        var json = File.ReadAllText(DocumentFixtures.Minimal).Replace("\"P1Y\"", "\"PT72H\"", StringComparison.Ordinal).Replace("\"P1M\"", "\"P0DT12H\"", StringComparison.Ordinal);
        var policy = PolicyDocument.Parse(json);
        Assert.False(policy.RetentionRules[0].Period.IsCalendar);
        Assert.Equal(NodaTime.Duration.FromHours(72), policy.RetentionRules[0].Period.Exact);
        Assert.True(policy.ErasurePeriod.IsCalendar);
        Assert.Equal(json.Contains("PT72H", StringComparison.Ordinal), PolicyDocument.ToJson(policy).Contains("PT72H", StringComparison.Ordinal));
        Assert.Contains("\"P0DT12H\"", PolicyDocument.ToJson(policy), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SchemaProperty_IsAllowedForEditors()
    {
        var json = File.ReadAllText(DocumentFixtures.Minimal).Replace("{\n  \"formatVersion\"", "{\n  \"$schema\": \"../schemas/privacy-policy.schema.json\",\n  \"formatVersion\"", StringComparison.Ordinal);
        Assert.Contains("$schema", json, StringComparison.Ordinal);
        Assert.Equal("acme", PolicyDocument.Parse(json).Id);
        Assert.Empty(DocumentFixtures.SchemaErrors(json));
    }
}
