using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Privacy.Packaging.Tests;

[Collection(PublishingCollection.Name)]
public class PackageTests(PackedRelease release)
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    public static TheoryData<string> Packages => new() { "Privacy.Abstractions", "Privacy.Core", "Privacy.Cli" };

    public static TheoryData<string> Libraries => new() { "Privacy.Abstractions", "Privacy.Core" };

    [Fact]
    public void Pack_Release_MakesEveryPackage()
    {
        Assert.True(release.ExitCode == 0, release.Output);
        Assert.Equal(
            ["Privacy.Abstractions.0.1.0.nupkg", "Privacy.Abstractions.0.1.0.snupkg", "Privacy.Cli.0.1.0.nupkg", "Privacy.Core.0.1.0.nupkg", "Privacy.Core.0.1.0.snupkg"],
            Directory.GetFiles(release.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Nuspec_EveryPackage_IsAReleaseWithItsReadmeIconAndTags(string id)
    {
        using var package = ZipFile.OpenRead(release.PackageOf(id));
        var metadata = Nuspec(package);

        Assert.Matches(@"^\d+\.\d+\.\d+$", Value(metadata, "version"));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.Equal("icon.png", Value(metadata, "icon"));
        Assert.Contains("privacy", Value(metadata, "tags").Split(' '));
        Assert.Equal(File.ReadAllText(Repository.PathOf("src", id, "README.md")), Read(package, "README.md"));
        Assert.Equal(File.ReadAllBytes(Repository.PathOf("eng", "icon.png")), ReadBytes(package, "icon.png"));

        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("https://github.com/privacy-engine/privacy", repository.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? string.Empty);
    }

    [Fact]
    public void Tool_Package_HoldsEachFileOnceWithoutDocumentationOrSatelliteFolders()
    {
        using var package = ZipFile.OpenRead(release.PackageOf("Privacy.Cli"));
        var tool = package.Entries.Select(e => e.FullName).Where(n => n.StartsWith("tools/", StringComparison.Ordinal)).ToList();

        Assert.All(tool, name => Assert.StartsWith("tools/net10.0/any/", name, StringComparison.Ordinal));
        Assert.DoesNotContain(tool, name => name["tools/net10.0/any/".Length..].Contains('/', StringComparison.Ordinal));
        Assert.DoesNotContain(tool, name => name.EndsWith(".xml", StringComparison.Ordinal) && !name.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        Assert.Equal(["Privacy.Abstractions.pdb", "Privacy.Core.pdb", "privacy.pdb"], tool.Where(n => n.EndsWith(".pdb", StringComparison.Ordinal)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(release.PackageOf("Privacy.Cli", ".snupkg")), "The tool's symbols are in the tool package; a symbols package would repeat them.");
    }

    [Fact]
    public void Tool_Package_CarriesNeitherTheTestingKitNorFsCheckNorFSharpCore()
    {
        // The verifier and the semantic diff the tool runs live in Privacy.Core; the testing kit and the
        // FsCheck and F# runtime it needs have no place in the tool, and would threaten its native AOT publish.
        using var package = ZipFile.OpenRead(release.PackageOf("Privacy.Cli"));
        var files = package.Entries.Select(e => Path.GetFileName(e.FullName)).ToList();

        Assert.Contains("privacy.dll", files);
        Assert.Contains("Privacy.Core.dll", files);
        Assert.DoesNotContain(files, name => name.StartsWith("Privacy.Testing", StringComparison.Ordinal)
            || name.StartsWith("FsCheck", StringComparison.Ordinal)
            || name.StartsWith("FSharp.", StringComparison.Ordinal)
            || name.StartsWith("NodaTime.Testing", StringComparison.Ordinal));
        var deps = Read(package, package.Entries.Single(e => e.FullName.EndsWith("privacy.deps.json", StringComparison.Ordinal)).FullName);
        Assert.DoesNotContain("FsCheck", deps, StringComparison.Ordinal);
        Assert.DoesNotContain("FSharp.Core", deps, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_Package_HasAssembliesAndDocumentationForBothFrameworks_AndSymbolsOnlyInTheSymbolsPackage(string id)
    {
        using var package = ZipFile.OpenRead(release.PackageOf(id));
        Assert.Equal(
            [$"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml", $"lib/net8.0/{id}.dll", $"lib/net8.0/{id}.xml"],
            package.Entries.Select(e => e.FullName).Where(n => n.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        using var symbols = ZipFile.OpenRead(release.PackageOf(id, ".snupkg"));
        Assert.Equal(
            [$"lib/net10.0/{id}.pdb", $"lib/net8.0/{id}.pdb"],
            symbols.Entries.Select(e => e.FullName).Where(n => n.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_Symbols_LinkToThePublicRepository_WithDeterministicPaths(string id)
    {
        using var symbols = ZipFile.OpenRead(release.PackageOf(id, ".snupkg"));
        using var pdb = new MemoryStream(ReadBytes(symbols, $"lib/net10.0/{id}.pdb"));
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();

        var sourceLink = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(c => reader.GetGuid(c.Kind) == SourceLinkKind)
            .Select(c => Encoding.UTF8.GetString(reader.GetBlobBytes(c.Value)))
            .Single();
        Assert.Matches(new Regex(@"^\{""documents"":\{""/_/\*"":""https://raw\.githubusercontent\.com/privacy-engine/privacy/[0-9a-f]{40}/\*""\}\}$"), sourceLink);

        var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
        Assert.Contains(documents, d => d.StartsWith($"/_/src/{id}/", StringComparison.Ordinal));
        Assert.All(documents.Where(d => d.EndsWith(".cs", StringComparison.Ordinal) && !d.Contains("/obj/", StringComparison.Ordinal) && !d.StartsWith("/tmp", StringComparison.Ordinal)), d => Assert.StartsWith("/_/", d, StringComparison.Ordinal));
    }

    private static XElement Nuspec(ZipArchive package)
    {
        var entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string Value(XElement metadata, string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

    private static string Read(ZipArchive package, string name) => Encoding.UTF8.GetString(ReadBytes(package, name));

    private static byte[] ReadBytes(ZipArchive package, string name)
    {
        using var stream = package.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
