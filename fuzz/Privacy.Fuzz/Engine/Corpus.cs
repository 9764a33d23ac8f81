using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Privacy.Fuzz.Engine;

/// <summary>Where the committed corpus and findings live, and reading them.</summary>
public static class Corpus
{
    /// <summary>The repository's <c>fuzz</c> folder above the working directory, if there is one.</summary>
    public static string? RepositoryFuzzFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "fuzz");
            if (Directory.Exists(Path.Combine(candidate, "corpus")) && File.Exists(Path.Combine(dir.FullName, "Privacy.sln")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The corpus folder of a target: the repository's, else the copy next to the fuzzer.</summary>
    public static string DefaultCorpus(string target)
        => Path.Combine(RepositoryFuzzFolder() ?? AppContext.BaseDirectory, "corpus", target);

    /// <summary>Where new findings of a target are written: the repository's findings folder, else <c>./findings</c>.</summary>
    public static string DefaultFindings(string target)
        => Path.Combine(RepositoryFuzzFolder() ?? Directory.GetCurrentDirectory(), "findings", target);

    /// <summary>Every file in a folder (recursively), in ordinal order of path, so runs are reproducible.</summary>
    public static List<byte[]> Load(string folder)
        => !Directory.Exists(folder)
            ? []
            : [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".txt", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(File.ReadAllBytes)];

    /// <summary>Saves a finding's input and, next to it, what happened.</summary>
    public static string Save(Finding finding, string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, finding.FileName);
        File.WriteAllBytes(path, finding.Input);
        File.WriteAllText(Path.ChangeExtension(path, ".txt"), $"{finding.Kind}: {finding.ExceptionType}\n{finding.Message}\n{finding.StackTop}\n");
        return path;
    }
}
