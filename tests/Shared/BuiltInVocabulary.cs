using System.Linq;
using NodaTime;
using Privacy.BuiltIn;

namespace Privacy.Tests;

/// <summary>The built-in policy's vocabulary as strings, and the kit's generators over it, shared by the test projects.</summary>
public static class BuiltInVocabulary
{
    public static readonly Instant Epoch = PolicyArbitraries.DefaultEpoch;

    public static string[] Categories => BuiltInPolicies.IsmartviewPro2018Policy.Categories.Select(c => c.Id.Value).ToArray();

    public static string[] SensitiveCategories => Categories.Where(c => c.StartsWith("sensitive", System.StringComparison.Ordinal)).ToArray();

    public static string[] Purposes => BuiltInPolicies.IsmartviewPro2018Policy.Purposes.Select(p => p.Id.Value).ToArray();

    public static string[] Recipients => BuiltInPolicies.IsmartviewPro2018Policy.Recipients.Select(p => p.Id.Value).ToArray();

    public static string[] Reasons => BuiltInPolicies.IsmartviewPro2018Policy.Reasons.Select(p => p.Id.Value).ToArray();

    public static string[] Messages => BuiltInPolicies.IsmartviewPro2018Policy.Messages.Select(p => p.Id.Value).ToArray();

    public static string[] Channels => BuiltInPolicies.IsmartviewPro2018Policy.Channels.Select(p => p.Id.Value).ToArray();

    public static string[] Grounds => BuiltInPolicies.IsmartviewPro2018Policy.Grounds.Select(p => p.Id.Value).ToArray();

    /// <summary>The kit's instants: whole minutes over two years from <see cref="Epoch"/>, favouring clock changes and month ends.</summary>
    public static FsCheck.Gen<Instant> Instants => BuiltInArbitraries.Instance.Instants.Generator;

    /// <summary>The kit's histories: ties, withdrawals and re-grants, erasure and holds.</summary>
    public static FsCheck.Gen<PrivacyEvent[]> Histories => FsCheck.Fluent.Gen.Select(BuiltInArbitraries.Instance.Histories.Generator, h => h.ToArray());
}
