using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Privacy.Packaging.Tests;

public partial class PackageReadmeTests
{
    private const string Blob = "https://github.com/privacy-engine/privacy/blob/main/";

    public static TheoryData<string> Packages => new() { "Privacy.Abstractions", "Privacy.Core", "Privacy.Cli" };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Readme_EveryLink_IsAbsolute(string package)
    {
        var links = Links(package);
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith("https://", link, System.StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Readme_RepositoryLinks_NameFilesThatExist(string package)
    {
        var files = Links(package).Where(l => l.StartsWith(Blob, System.StringComparison.Ordinal)).Select(l => l[Blob.Length..].Split('#')[0]).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.True(File.Exists(Repository.PathOf(file.Split('/'))), $"{package}/README.md links to {file}, which is not in the repository."));
    }

    private static string[] Links(string package)
        => [.. MarkdownLink().Matches(File.ReadAllText(Repository.PathOf("src", package, "README.md"))).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
