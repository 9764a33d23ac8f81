using System.Collections.Generic;
using System.Linq;
using Privacy.BuiltIn;

namespace Privacy.Fuzz.Targets;

/// <summary>The built-in policy's ids and the CLI's names, as words for the mutator.</summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyList<string> Words = Build();

    public static readonly IReadOnlyList<string> SubjectKeys = ["id", "hasEmail", "events", "type", "at", "purpose", "recipient", "version"];

    private static List<string> Build()
    {
        var v = BuiltInPolicies.IsmartviewPro2018Compiled.Vocabulary;
        return
        [
            .. v.Categories.ToList(), .. v.Purposes.ToList(), .. v.Recipients.ToList(), .. v.Reasons.ToList(),
            .. v.Messages.ToList(), .. v.Channels.ToList(), .. v.Grounds.ToList(), .. PrivacyEventKinds.All,
            "collect", "use", "disclose", "communicate", "retain", "ismartviewpro-2018", "2018-05-25",
        ];
    }

    /// <summary>A small, stable choice from an input's bytes (FNV-1a), so an input always runs the same way.</summary>
    public static int Choose(byte[] input, int count)
    {
        var hash = 2166136261u;
        foreach (var b in input)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)count);
    }

    public static IEnumerable<string> Distinct(IEnumerable<string> words) => words.Distinct(System.StringComparer.Ordinal);
}
