using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Privacy.Tests.Architecture;

/// <summary>
/// Keeps the folders of <c>src/Privacy.Core</c> layered: a folder may use only folders of a lower
/// layer, so dependencies point one way and there are no cycles. The same table is in
/// <c>docs/architecture.md</c>; change both together.
/// </summary>
/// <remarks>
/// Read from the sources, without Roslyn: a file depends on a folder when it imports that folder's
/// namespace or names a type declared there (comments and string literals stripped).
/// </remarks>
public class FolderDependencyTests
{
    /// <summary>The layers, lowest first. "(root)" is the project directory itself (the provider abstraction).</summary>
    public static readonly string[][] Layers =
    [
        ["Internal"],
        ["Retention"],
        ["Policies"],
        ["Documents", "Compilation", "Rendering", "Telemetry"],
        ["Analysis", "BuiltIn", "Versioning", "Verification", "Breach", "(root)"],
        ["Rights", "Serialization"],
        ["DependencyInjection"],
    ];

    private static readonly string Source = Path.Combine(FindRoot(), "src", "Privacy.Core");

    [Fact]
    public void Folders_OfPrivacyCore_AreAllInALayer()
    {
        var unknown = Files().Select(f => f.Folder).Distinct().Where(f => LayerOf(f) < 0).Order().ToList();

        Assert.True(unknown.Count == 0, $"Folders not in the layering (add them to {nameof(Layers)} and docs/architecture.md): {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Dependencies_BetweenFolders_PointOnlyToLowerLayers()
    {
        var violations = Dependencies()
            .Where(d => LayerOf(d.To) >= LayerOf(d.From))
            .Select(d => $"{d.From} -> {d.To} ({d.File}: {d.Because})")
            .Distinct()
            .Order()
            .ToList();

        Assert.True(violations.Count == 0, "Folder dependencies against the layering:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Dependencies_TheScan_FindsTheKnownOnes()
    {
        // The scan must see through both kinds of reference, or the test above passes vacuously.
        var edges = Dependencies().Select(d => (d.From, d.To)).ToHashSet();

        Assert.Contains(("Compilation", "Retention"), edges);   // RetentionTable, by type name
        Assert.Contains(("Rights", "(root)"), edges);            // IPrivacyPolicyProvider, no using needed
        Assert.Contains(("DependencyInjection", "Rights"), edges);
    }

    private static int LayerOf(string folder) => Array.FindIndex(Layers, l => l.Contains(folder));

    private static List<(string From, string To, string File, string Because)> Dependencies()
    {
        var files = Files();
        var declaredIn = files
            .SelectMany(f => TypeDeclaration.Matches(f.Code).Select(m => (Name: m.Groups["name"].Value, f.Folder)))
            .GroupBy(t => t.Name)
            .Where(g => g.Select(t => t.Folder).Distinct().Count() == 1)   // a name declared in two folders is ambiguous: skipped
            .ToDictionary(g => g.Key, g => g.First().Folder, StringComparer.Ordinal);
        var result = new List<(string, string, string, string)>();
        foreach (var file in files)
        {
            foreach (Match u in UsingNamespace.Matches(file.Code))
            {
                var folder = u.Groups["folder"].Value;
                if (folder != file.Folder && LayerOf(folder) >= 0)
                {
                    result.Add((file.Folder, folder, file.Name, "using Privacy." + folder));
                }
            }

            foreach (var token in Identifier.Matches(file.Code).Select(m => m.Value).Distinct())
            {
                if (declaredIn.TryGetValue(token, out var folder) && folder != file.Folder)
                {
                    result.Add((file.Folder, folder, file.Name, token));
                }
            }
        }

        return result;
    }

    private static List<(string Folder, string Name, string Code)> Files()
        => [.. Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Source, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("obj/", StringComparison.Ordinal) && !p.StartsWith("bin/", StringComparison.Ordinal))
            .Select(p => (p.Contains('/', StringComparison.Ordinal) ? p[..p.IndexOf('/', StringComparison.Ordinal)] : "(root)", p, Strip(File.ReadAllText(Path.Combine(Source, p)))))];

    /// <summary>Removes comments and the contents of string and character literals.</summary>
    private static string Strip(string code) => CommentOrLiteral.Replace(code, m => m.Value.StartsWith('/') ? " " : "\"\"");

    private static readonly Regex CommentOrLiteral = new(
        @"//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|"""""".*?""""""|\$?""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)+'",
        RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <summary>A type declaration; private nested types are left out, as no other file can name them.</summary>
    private static readonly Regex TypeDeclaration = new(
        @"(?<!\bprivate\s+(?:(?:sealed|static|readonly|partial|abstract|ref|record)\s+)*)\b(?:class|struct|interface|enum|record(?:\s+struct|\s+class)?)\s+(?<name>[A-Z]\w*)",
        RegexOptions.CultureInvariant);

    private static readonly Regex UsingNamespace = new(@"^using\s+Privacy\.(?<folder>\w+)\s*;", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>A capitalised name not after a dot; a call (name then parenthesis) counts only after <c>new</c>, as a method may share a type's name.</summary>
    private static readonly Regex Identifier = new(@"(?<![\w.])[A-Z]\w*\b(?!\s*\()|(?<=\bnew\s+)[A-Z]\w*", RegexOptions.CultureInvariant);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Privacy.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Privacy.sln not found above " + AppContext.BaseDirectory);
    }
}
