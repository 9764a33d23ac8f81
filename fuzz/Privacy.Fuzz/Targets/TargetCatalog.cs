using System;
using System.Collections.Generic;
using System.Linq;

namespace Privacy.Fuzz.Targets;

/// <summary>Every fuzz target, by name.</summary>
public static class TargetCatalog
{
    private static readonly Dictionary<string, Func<FuzzTarget>> Factories = new(StringComparer.Ordinal)
    {
        ["request"] = () => new RequestTarget(),
        ["subject"] = () => new SubjectTarget(),
        ["record"] = () => new RecordTarget(),
        ["incident"] = () => new IncidentTarget(),
        ["document"] = () => new DocumentTarget(),
        ["json"] = () => new JsonTarget(),
    };

    /// <summary>The target names, in a fixed order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Factories.Keys];

    /// <summary>A new instance of the named target.</summary>
    public static FuzzTarget Create(string name)
        => Factories.TryGetValue(name, out var factory)
            ? factory()
            : throw new ArgumentException($"Unknown fuzz target '{name}'; targets: {string.Join(", ", Names)}.", nameof(name));

    public static bool Exists(string name) => Factories.ContainsKey(name);

    /// <summary>One line a target. Creates no target: under SharpFuzz no instrumented code may run before the fuzzer starts.</summary>
    public static string Describe() => string.Join(Environment.NewLine, Names.Select(n => $"  {n,-9} {Descriptions[n]}"));

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["request"] = "decide/explain: JSON Lines requests",
        ["subject"] = "acceptance --input (subject lines) and rights --subject (one subject)",
        ["record"] = "rights --records: stored records, one JSON object a line",
        ["incident"] = "breach --input: one incident object",
        ["document"] = "policy documents: load, compile, check, render, write",
        ["json"] = "PrivacyJson.Options: read as every contract type, write, read again",
    };
}
