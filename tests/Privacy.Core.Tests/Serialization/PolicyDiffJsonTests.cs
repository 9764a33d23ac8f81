using System;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Privacy.BuiltIn;
using Privacy.Documents;
using Privacy.Versioning;
using static Privacy.Tests.Serialization.ContractGenerators;

namespace Privacy.Tests.Serialization;

public sealed class PolicyDiffJsonTests
{
    private static bool SameDiff(PolicyDiff a, PolicyDiff b)
        => a.OlderPolicyId == b.OlderPolicyId && a.OlderVersion == b.OlderVersion
            && a.NewerPolicyId == b.NewerPolicyId && a.NewerVersion == b.NewerVersion
            && a.Changes.SequenceEqual(b.Changes);

    [Property(MaxTest = 300)]
    public Property Serialize_AnyPolicyDiff_RoundTripsEveryField()
        => Prop.ForAll(Diffs.ToArbitrary(), diff =>
        {
            var json = ToJson(diff);
            var back = FromJson<PolicyDiff>(json);
            return SameDiff(back, diff) && ToJson(back) == json;
        });

    [Fact]
    public void Serialize_DiffOfTwoVersions_IsTheContractShape()
    {
        var older = BuiltInPolicies.IsmartviewPro2018Policy;
        var newer = PolicyDocument.Load("examples/ismartviewpro-2018-v2.policy.json");

        var diff = PolicyDiffer.Instance.Diff(older, newer);
        using var json = JsonDocument.Parse(ToJson(diff));

        var root = json.RootElement;
        Assert.Equal(["old", "new", "significant", "changes"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("""{"id":"ismartviewpro-2018","version":"001"}""", root.GetProperty("old").GetRawText());
        Assert.True(root.GetProperty("significant").GetBoolean());
        Assert.All(root.GetProperty("changes").EnumerateArray(), c =>
            Assert.Equal(["significant", "reason", "kind", "path", "old", "new"], c.EnumerateObject().Select(p => p.Name)));
        Assert.True(SameDiff(diff, FromJson<PolicyDiff>(json.RootElement.GetRawText())));
    }

    [Fact]
    public void Serialize_AddedItem_WritesOldAsNull()
    {
        var diff = new PolicyDiff("p", "1", "p", "2", [new PolicyChange("purpose-added", "/purposes/x", null, "x", true, "a new purpose")]);

        Assert.Equal(
            """{"old":{"id":"p","version":"1"},"new":{"id":"p","version":"2"},"significant":true,"changes":[{"significant":true,"reason":"a new purpose","kind":"purpose-added","path":"/purposes/x","old":null,"new":"x"}]}""",
            ToJson(diff));
    }

    private const string Change = """{"significant":true,"reason":"r","kind":"purpose-added","path":"/purposes/x","old":null,"new":"x"}""";
    private const string Versions = "\"old\":{\"id\":\"p\",\"version\":\"1\"},\"new\":{\"id\":\"p\",\"version\":\"2\"}";

    [Theory]
    [InlineData("{" + Versions + ""","significant":true,"changes":[],"extra":1}""", "extra")]
    [InlineData("{" + Versions + ""","significant":true,"significant":true,"changes":[]}""", "significant")]
    [InlineData("{" + Versions + ""","significant":true}""", "changes")]
    [InlineData("{" + Versions + ""","changes":[]}""", "significant")]
    [InlineData("{" + Versions + ""","significant":false,"changes":[""" + Change + "]}", "significant")]
    [InlineData("{" + Versions + ""","significant":true,"changes":[]}""", "significant")]
    [InlineData("""{"old":{"id":"p"},"new":{"id":"p","version":"2"},"significant":false,"changes":[]}""", "old.version")]
    [InlineData("""{"old":{"id":"p","version":"1","label":"x"},"new":{"id":"p","version":"2"},"significant":false,"changes":[]}""", "old.label")]
    [InlineData("""{"old":"p","new":{"id":"p","version":"2"},"significant":false,"changes":[]}""", "old")]
    [InlineData("{" + Versions + ""","significant":false,"changes":[{"significant":false,"reason":"r","kind":"purpose-added","path":"/p","old":null}]}""", "changes[0].new")]
    [InlineData("{" + Versions + ""","significant":false,"changes":[{"significant":false,"reason":"r","kind":" ","path":"/p","old":null,"new":null}]}""", "changes[0].kind")]
    [InlineData("{" + Versions + ""","significant":false,"changes":[{"significant":"no","reason":"r","kind":"k","path":"/p","old":null,"new":null}]}""", "changes[0].significant")]
    [InlineData("{" + Versions + ""","significant":false,"changes":[{"significant":false,"reason":"\uD800","kind":"k","path":"/p","old":null,"new":null}]}""", "changes[0].reason")]
    public void Deserialize_BadDiff_ThrowsNamingTheField(string json, string field)
    {
        var e = Assert.Throws<JsonException>(() => FromJson<PolicyDiff>(json));

        Assert.Contains($"'{field}'", e.Message, StringComparison.Ordinal);
    }
}
