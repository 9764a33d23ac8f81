using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;
using Privacy.Analysis;
using Privacy.BuiltIn;
using Privacy.Documents;
using Privacy.Internal;
using Privacy.Policies;
using Privacy.Versioning;

namespace Privacy.Tests.Internal;

/// <summary>
/// One path format: the pointers of problems, findings and diff changes all name a place in the
/// policy's document, which <see cref="PolicyPaths"/> alone spells.
/// </summary>
public class PolicyPathsTests
{
    public static class Arbitraries
    {
        public static Arbitrary<GeneratedPolicy> Policies() => GeneratedPolicies.Arbitrary();
    }

    [Fact]
    public void Sections_EveryPartOfTheBuiltInPolicy_ResolveInItsExportedDocument()
    {
        var builtIn = BuiltInPolicies.IsmartviewPro2018Policy;
        var document = Document(builtIn.ToBuilder().WithMetadata(builtIn.LastUpdated, builtIn.EffectiveFrom, "privacy@example.com").Build());
        var sections = typeof(PolicyPaths).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(PolicyPaths.Root))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Contains("/retention/rules", sections);
        Assert.All(sections, s => Assert.True(Resolve(document, s) is not null, s));
        Assert.All(Enum.GetValues<PrivacyAction>(), a => Assert.NotNull(Resolve(document, PolicyPaths.Default(a))));
    }

    [Fact]
    public void TryIndex_PathBelowAList_GivesTheItemsIndex()
    {
        Assert.True(PolicyPaths.TryIndex("/vocabulary/categories/12/class", PolicyPaths.Categories, out var index));
        Assert.Equal(12, index);
        Assert.False(PolicyPaths.TryIndex("/vocabulary/categories", PolicyPaths.Categories, out _));
        Assert.False(PolicyPaths.TryIndex("/vocabulary/purposes/1", PolicyPaths.Categories, out _));
        Assert.False(PolicyPaths.TryIndex("/vocabulary/categories/personal.email", PolicyPaths.Categories, out _));
    }

    [Fact]
    public void ById_IdWithPointerCharacters_IsEscaped()
        => Assert.Equal("/rules/a~1b~0c/clause", PolicyPaths.ById(PolicyPaths.Rules, "a/b~c", "clause"));

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 150)]
    public void Diff_AnyTwoPolicies_EveryChangeNamesAPlaceInOneOfTheirDocuments(GeneratedPolicy older, GeneratedPolicy newer)
    {
        var diff = PolicyDiffer.Instance.Diff(older.Policy, newer.Policy);
        var documents = new[] { Document(older.Policy), Document(newer.Policy) };
        Assert.All(diff.Changes, c => Assert.True(documents.Any(d => Names(d, c.Path)), c.ToString()));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 150)]
    public void Analyze_AnyPolicy_EveryFindingNamesAPlaceInItsDocument(GeneratedPolicy generated)
    {
        var document = Document(generated.Policy);
        var findings = PolicyAnalyzer.Default.Analyze(generated.Policy);
        Assert.All(findings, f => Assert.True(Resolve(document, f.Path) is not null, f.ToString()));
    }

    [Fact]
    public void Build_UnknownIdsInABuiltPolicy_PointsWhereTheyAreInItsExport()
    {
        var builder = BuiltInPolicies.CreateIsmartviewPro2018Builder()
            .Permit("zz-typo", r => r.On(PrivacyAction.Use).Categories("personal.emial").Purposes("service").Cites("use.contact"));
        var error = Assert.Throws<PolicyValidationException>(builder.Build);
        var problem = Assert.Single(error.Problems, p => p.Code == "unknown-category");
        var exported = Document(BuiltInPolicies.IsmartviewPro2018Policy.ToBuilder().Permit("zz-typo", r => r.On(PrivacyAction.Use).Categories("personal.email").Purposes("service").Cites("use.contact")).Build());
        Assert.Equal("personal.email", Resolve(exported, problem.Path)!.GetValue<string>());
    }

    private static JsonNode Document(PrivacyPolicy policy) => JsonNode.Parse(PolicyDocument.ToJson(policy))!;

    /// <summary>Whether a pointer names a node of the document, or a field the document leaves out of an item it has (a default value).</summary>
    private static bool Names(JsonNode document, string pointer)
        => Resolve(document, pointer) is not null
            || (pointer.LastIndexOf('/') is var last and > 0 && Resolve(document, pointer[..last]) is JsonObject);

    /// <summary>Resolves a pointer; an array item is named by its index, or by its id (a retention rule by its category).</summary>
    private static JsonNode? Resolve(JsonNode document, string pointer)
    {
        var node = document;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o => o[token],
                JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) => i < a.Count ? a[i] : null,
                JsonArray a => a.FirstOrDefault(item => item is JsonObject o && (Is(o["id"], token) || Is(o["category"], token))),
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static bool Is(JsonNode? node, string value) => node is JsonValue v && v.TryGetValue<string>(out var s) && s == value;
}
