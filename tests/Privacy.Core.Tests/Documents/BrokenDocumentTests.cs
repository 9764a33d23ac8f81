using System.IO;
using System.Linq;
using Privacy.Documents;
using Privacy.Policies;

namespace Privacy.Tests.Documents;

/// <summary>A corpus of broken documents (Documents/Broken/*.json): each gives its own error at its own place, and never a policy.</summary>
public class BrokenDocumentTests
{
    [Theory]
    [InlineData("invalid-json", "invalid-json", "")]
    [InlineData("too-deep", "too-deep", "")]
    [InlineData("not-an-object", "wrong-type", "")]
    [InlineData("unknown-property", "unknown-property", "/rules/1/efect")]
    [InlineData("parent-field", "unknown-property", "/vocabulary/categories/1/parent")]
    [InlineData("duplicate-property", "duplicate-property", "/id")]
    [InlineData("wrong-type", "wrong-type", "/rules/1/actions")]
    [InlineData("missing-property", "missing-property", "/defaults")]
    [InlineData("unsupported-format-version", "unsupported-format-version", "/formatVersion")]
    [InlineData("invalid-id", "invalid-id", "/vocabulary/purposes/2/id")]
    [InlineData("unknown-category", "unknown-category", "/rules/1/categories/0")]
    [InlineData("dangling-retention-category", "unknown-category", "/retention/rules/0/category")]
    [InlineData("unknown-clause", "unknown-clause", "/rules/1/clause")]
    [InlineData("unknown-obligation", "unknown-obligation", "/rules/4/obligations/0")]
    [InlineData("unknown-class", "unknown-class", "/vocabulary/categories/0/class")]
    [InlineData("unknown-action", "unknown-action", "/rules/1/actions/1")]
    [InlineData("unknown-condition", "unknown-condition", "/rules/3/conditions/0")]
    [InlineData("unknown-effect", "unknown-effect", "/rules/1/effect")]
    [InlineData("unknown-time-zone", "unknown-time-zone", "/timeZone")]
    [InlineData("duplicate-category", "duplicate-category", "/vocabulary/categories/2")]
    [InlineData("duplicate-rule", "duplicate-rule", "/rules/5")]
    [InlineData("duplicate-retention-rule", "duplicate-retention-rule", "/retention/rules/2")]
    [InlineData("missing-parent-category", "missing-parent-category", "/vocabulary/categories/4")]
    [InlineData("class-mismatch", "class-mismatch", "/vocabulary/categories/1/class")]
    [InlineData("bad-period", "bad-period", "/retention/rules/0/period")]
    [InlineData("negative-period", "bad-period", "/retention/grounds/0/maximumExtension")]
    [InlineData("too-long-period", "bad-period", "/retention/rules/1/period")]
    [InlineData("bad-date", "bad-date", "/lastUpdated")]
    [InlineData("bad-instant", "bad-instant", "/effectiveFrom")]
    [InlineData("missing-clause", "missing-clause", "/rules/1")]
    [InlineData("missing-action", "missing-action", "/rules/1/actions")]
    [InlineData("missing-default", "missing-default", "/defaults")]
    [InlineData("exception-on-permission", "exception-on-permission", "/rules/1")]
    [InlineData("skipped-rule-keeps-pointers", "unknown-purpose", "/rules/3/purposes/0")]
    public void Load_BrokenDocument_GivesItsSpecificProblemAndNoPolicy(string file, string code, string pointer)
    {
        var path = DocumentFixtures.Here("Documents", "Broken", file + ".json");
        var error = Assert.Throws<PolicyValidationException>(() => PolicyDocument.Load(path));
        Assert.Contains(error.Problems, p => p.Code == code && p.Path == pointer);
        Assert.All(error.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));

        var read = PolicyDocument.Read(File.ReadAllBytes(path), lenientClauses: false);
        Assert.Null(read.Policy);
    }

    [Theory]
    [InlineData("unknown-property")]
    [InlineData("parent-field")]
    [InlineData("wrong-type")]
    [InlineData("missing-property")]
    [InlineData("unsupported-format-version")]
    [InlineData("invalid-id")]
    [InlineData("unknown-class")]
    [InlineData("unknown-action")]
    [InlineData("unknown-condition")]
    [InlineData("unknown-effect")]
    [InlineData("bad-date")]
    [InlineData("bad-period")]
    [InlineData("negative-period")]
    [InlineData("missing-clause")]
    [InlineData("missing-action")]
    [InlineData("missing-default")]
    [InlineData("not-an-object")]
    public void Schema_RejectsWhatItCanSee(string file)
        => Assert.NotEmpty(DocumentFixtures.SchemaErrors(File.ReadAllText(DocumentFixtures.Here("Documents", "Broken", file + ".json"))));

    [Fact]
    public void Corpus_EveryBrokenDocumentIsCovered()
    {
        var files = Directory.GetFiles(DocumentFixtures.Here("Documents", "Broken"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList();
        var covered = typeof(BrokenDocumentTests).GetMethod(nameof(Load_BrokenDocument_GivesItsSpecificProblemAndNoPolicy))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]).Order().ToList();
        Assert.Equal(files, covered);
    }

    [Fact]
    public void Load_UnknownClass_DoesNotCascadeIntoReferenceProblems()
    {
        var error = Assert.Throws<PolicyValidationException>(() => PolicyDocument.Load(DocumentFixtures.Here("Documents", "Broken", "unknown-class.json")));
        Assert.Equal("unknown-class", Assert.Single(error.Problems).Code);
    }

    [Fact]
    public void Load_ProblemsFollowDocumentOrder()
    {
        var error = Assert.Throws<PolicyValidationException>(() => PolicyDocument.Load(DocumentFixtures.Here("Documents", "Broken", "skipped-rule-keeps-pointers.json")));
        Assert.Equal(["/rules/0/effect", "/rules/3/purposes/0"], error.Problems.Select(p => p.Path));
    }
}
