using System;
using System.Collections.Immutable;
using Privacy.Internal;

namespace Privacy.Verification;

/// <summary>What <see cref="PolicyVerifier"/> found.</summary>
/// <remarks>Immutable. Equal by value: the arrays compare element by element, in order.</remarks>
/// <param name="PolicyId">The policy's id.</param>
/// <param name="Version">The policy's version.</param>
/// <param name="CellsChecked">How many combinations were decided and checked.</param>
/// <param name="ViolationCount">How many counterexamples were found in all.</param>
/// <param name="Violations">The counterexamples kept (at most the limit asked for), in enumeration order.</param>
public sealed record VerificationReport(string PolicyId, string Version, long CellsChecked, long ViolationCount, ImmutableArray<PolicyViolation> Violations)
{
    /// <summary>Gets a value indicating whether every invariant holds on every combination.</summary>
    /// <value>True when no counterexample was found.</value>
    public bool IsSuccessful => ViolationCount == 0;

    /// <inheritdoc/>
    public bool Equals(VerificationReport? other)
        => other is not null
            && string.Equals(PolicyId, other.PolicyId, StringComparison.Ordinal)
            && string.Equals(Version, other.Version, StringComparison.Ordinal)
            && CellsChecked == other.CellsChecked
            && ViolationCount == other.ViolationCount
            && ValueEquality.SequenceEqual(Violations, other.Violations);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(PolicyId, StringComparer.Ordinal);
        hash.Add(Version, StringComparer.Ordinal);
        hash.Add(CellsChecked);
        hash.Add(ViolationCount);
        ValueEquality.Add(ref hash, Violations);
        return hash.ToHashCode();
    }
}
