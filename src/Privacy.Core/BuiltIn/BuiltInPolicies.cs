using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Privacy.Compilation;
using Privacy.Policies;

namespace Privacy.BuiltIn;

/// <summary>The policies that ship with the library, addressed as <c>builtin:ID</c>.</summary>
/// <remarks>Thread-safe. Each policy is built and compiled once, on first use.</remarks>
public static class BuiltInPolicies
{
    /// <summary>The prefix that marks a built-in policy reference: <c>builtin:ismartviewpro-2018</c>.</summary>
    public const string Prefix = "builtin:";

    /// <summary>The id of the camera vendor's policy, the default.</summary>
    public const string IsmartviewPro2018Id = IsmartviewPro2018.Id;

    private static readonly Lazy<PrivacyPolicy> IsmartviewPro = new(() => IsmartviewPro2018.CreateBuilder().Build());
    private static readonly Lazy<CompiledPolicy> IsmartviewProCompiled = new(() => CompiledPolicy.Compile(IsmartviewPro.Value));

    /// <summary>Gets the ids of every built-in policy.</summary>
    /// <value>Currently <c>ismartviewpro-2018</c>.</value>
    public static ImmutableArray<string> Ids { get; } = [IsmartviewPro2018.Id];

    /// <summary>Gets the camera vendor's policy (iSmartviewPro, version 001), the library's default.</summary>
    /// <value>The built policy.</value>
    public static PrivacyPolicy IsmartviewPro2018Policy => IsmartviewPro.Value;

    /// <summary>Gets the camera vendor's policy, compiled.</summary>
    /// <value>The compiled policy, shared.</value>
    public static CompiledPolicy IsmartviewPro2018Compiled => IsmartviewProCompiled.Value;

    /// <summary>Creates a builder holding the camera vendor's policy, to derive a policy of your own from it.</summary>
    /// <returns>A new builder.</returns>
    public static PolicyBuilder CreateIsmartviewPro2018Builder() => IsmartviewPro2018.CreateBuilder();

    /// <summary>Finds a built-in policy by id, with or without the <c>builtin:</c> prefix.</summary>
    /// <param name="id">For example <c>builtin:ismartviewpro-2018</c>.</param>
    /// <param name="policy">The policy, when found.</param>
    /// <returns>True when a built-in policy has that id.</returns>
    public static bool TryGet(string? id, [NotNullWhen(true)] out PrivacyPolicy? policy)
    {
        var bare = id is not null && id.StartsWith(Prefix, StringComparison.Ordinal) ? id[Prefix.Length..] : id;
        policy = string.Equals(bare, IsmartviewPro2018.Id, StringComparison.Ordinal) ? IsmartviewPro.Value : null;
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
}
