using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Privacy.Fuzz.Tests;

/// <summary>The committed corpus and findings, as copied next to the tests.</summary>
internal static class FuzzFolders
{
    public static string Corpus(string target) => Path.Combine(AppContext.BaseDirectory, "fuzz", "corpus", target);

    public static string Findings(string target) => Path.Combine(AppContext.BaseDirectory, "fuzz", "findings", target);

    /// <summary>Every saved finding input: target and file name.</summary>
    public static IEnumerable<(string Target, string File)> FindingInputs()
        => Privacy.Fuzz.Targets.TargetCatalog.Names
            .Where(t => Directory.Exists(Findings(t)))
            .SelectMany(t => Directory.EnumerateFiles(Findings(t), "*.input").Order(StringComparer.Ordinal).Select(f => (t, Path.GetFileName(f))));
}
