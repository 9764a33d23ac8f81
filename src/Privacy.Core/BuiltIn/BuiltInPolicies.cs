using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Privacy.Compilation;
using Privacy.Documents;
using Privacy.Policies;

namespace Privacy.BuiltIn;

/// <summary>The policies that ship with the library, addressed as <c>builtin:ID</c>.</summary>
/// <remarks>
/// Each built-in policy ships as a policy document embedded in the library and loads through
/// <see cref="PolicyDocument"/>, the same path as any other document. Thread-safe. Each policy is
/// loaded and compiled once, on first use.
/// </remarks>
public static class BuiltInPolicies
{
    /// <summary>The prefix that marks a built-in policy reference: <c>builtin:ismartviewpro-2018</c>.</summary>
    public const string Prefix = "builtin:";

    /// <summary>The id of the camera vendor's policy, the default.</summary>
    public const string IsmartviewPro2018Id = "ismartviewpro-2018";

    private static readonly Lazy<PrivacyPolicy> IsmartviewPro = new(() => LoadEmbedded(IsmartviewPro2018Id));
    private static readonly Lazy<CompiledPolicy> IsmartviewProCompiled = new(() => CompiledPolicy.Compile(IsmartviewPro.Value));

    /// <summary>Gets the ids of every built-in policy.</summary>
    /// <value>Currently <c>ismartviewpro-2018</c>.</value>
    public static ImmutableArray<string> Ids { get; } = [IsmartviewPro2018Id];

    /// <summary>Gets the camera vendor's policy (iSmartviewPro, version 001), the library's default.</summary>
    /// <value>The built policy.</value>
    public static PrivacyPolicy IsmartviewPro2018Policy => IsmartviewPro.Value;

    /// <summary>Gets the camera vendor's policy, compiled.</summary>
    /// <value>The compiled policy, shared.</value>
    public static CompiledPolicy IsmartviewPro2018Compiled => IsmartviewProCompiled.Value;

    /// <summary>Creates a builder holding the camera vendor's policy, to derive a policy of your own from it.</summary>
    /// <returns>A new builder.</returns>
    public static PolicyBuilder CreateIsmartviewPro2018Builder() => IsmartviewPro.Value.ToBuilder();

    /// <summary>
    /// Whether a policy reference names a built-in policy (<c>builtin:ID</c>) rather than the path of
    /// a policy document: the one rule the <c>privacy</c> tool's <c>--policy</c> and
    /// <c>PrivacyOptions.Policy</c> follow.
    /// </summary>
    /// <param name="reference">The reference; may be null.</param>
    /// <returns>True when it starts with <see cref="Prefix"/>; whether that built-in policy exists is <see cref="TryGet"/>'s answer.</returns>
    public static bool IsBuiltInReference([NotNullWhen(true)] string? reference)
        => reference is not null && reference.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Finds a built-in policy by id, with or without the <c>builtin:</c> prefix.</summary>
    /// <param name="id">For example <c>builtin:ismartviewpro-2018</c>.</param>
    /// <param name="policy">The policy, when found.</param>
    /// <returns>True when a built-in policy has that id.</returns>
    public static bool TryGet(string? id, [NotNullWhen(true)] out PrivacyPolicy? policy)
    {
        var bare = IsBuiltInReference(id) ? id[Prefix.Length..] : id;
        policy = string.Equals(bare, IsmartviewPro2018Id, StringComparison.Ordinal) ? IsmartviewPro.Value : null;
        return policy is not null;
    }

    /// <summary>Finds a built-in policy by id, with or without the <c>builtin:</c> prefix.</summary>
    /// <param name="id">For example <c>builtin:ismartviewpro-2018</c>.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="KeyNotFoundException">No built-in policy has that id.</exception>
    public static PrivacyPolicy Get(string id)
        => TryGet(id, out var policy)
            ? policy
            : throw new KeyNotFoundException($"There is no built-in policy '{id}'; built-in policies: {string.Join(", ", Ids)}.");

    /// <summary>Loads the embedded document of a built-in policy.</summary>
    internal static PrivacyPolicy LoadEmbedded(string id)
    {
        using var stream = typeof(BuiltInPolicies).Assembly.GetManifestResourceStream(ResourceName(id))
            ?? throw new InvalidOperationException($"The built-in policy document '{id}' is missing from the library.");
        return PolicyDocument.Load(stream);
    }

    /// <summary>The manifest resource name of a built-in policy's document.</summary>
    internal static string ResourceName(string id) => $"Privacy.BuiltIn.{id}.policy.json";
}
