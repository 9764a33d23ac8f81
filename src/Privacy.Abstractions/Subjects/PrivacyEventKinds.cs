using System;
using System.Diagnostics.CodeAnalysis;

namespace Privacy;

/// <summary>The wire names of <see cref="PrivacyEventKind"/> values (<c>consent-granted</c>, <c>marketing-opt-out</c>…).</summary>
public static class PrivacyEventKinds
{
    private static readonly string[] Names =
    [
        "consent-granted", "consent-withdrawn", "marketing-opt-out", "marketing-opt-in",
        "erasure-requested", "policy-accepted", "access-requested", "rectification-requested",
        "service-used", "account-closed", "legal-hold-placed", "legal-hold-released", "policy-notified",
    ];

    private static readonly System.Collections.ObjectModel.ReadOnlyCollection<string> ReadOnlyNames = Array.AsReadOnly(Names);

    /// <summary>Returns the wire name of an event kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>For example <c>erasure-requested</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public static string ToName(this PrivacyEventKind kind)
        => (uint)kind < (uint)Names.Length ? Names[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown event kind.");

    /// <summary>Gets every wire name, in the order of the enum.</summary>
    /// <value>For error messages and documentation. Read-only: casting it to a list and writing to it throws.</value>
    public static System.Collections.Generic.IReadOnlyList<string> All => ReadOnlyNames;

    /// <summary>Parses a wire name.</summary>
    /// <param name="name">For example <c>marketing-opt-in</c>.</param>
    /// <param name="kind">The parsed kind.</param>
    /// <returns>True when <paramref name="name"/> names a kind.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out PrivacyEventKind kind)
    {
        var index = Array.IndexOf(Names, name);
        kind = (PrivacyEventKind)Math.Max(index, 0);
        return index >= 0;
    }
}
