using System;
using System.IO;
using System.Linq;

namespace Privacy.Tests.Architecture;

/// <summary>
/// Keeps classes small enough for a reader to hold: no source file of the library or the CLI has
/// more than <see cref="MaxLines"/> lines besides XML documentation, unless it is listed with its reason.
/// </summary>
public class ClassSizeTests
{
    private const int MaxLines = 300;

    /// <summary>Files allowed to be longer, each with the reason (also in docs/architecture.md).</summary>
    private static readonly (string File, string Reason)[] Exceptions =
    [
        ("src/Privacy.Core/Compilation/PolicyCompiler.cs", "building the tables and the compile-cost limits that bound them are kept side by side"),
        ("src/Privacy.Core/Verification/PolicyVerifier.cs", "the exhaustive verifier, moved in whole from the testing kit; to be split by invariant"),
    ];

    [Fact]
    public void SourceFiles_OfTheLibraryAndTheTool_StayUnderTheLineLimit()
    {
        var root = FindRoot();
        var tooLong = new[] { "src/Privacy.Abstractions", "src/Privacy.Core", "src/Privacy.Cli" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .Where(path => !Exceptions.Any(e => e.File == path))
            .Select(path => (path, Lines: File.ReadLines(Path.Combine(root, path)).Count(l => !l.TrimStart().StartsWith("///", StringComparison.Ordinal))))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.path}: {f.Lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Split these into partial files by concern, or list them in {nameof(Exceptions)} with a reason:\n" + string.Join("\n", tooLong));
    }

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
