using System.Collections.Immutable;

namespace Privacy.Verification;

/// <summary>What <see cref="PolicyVerifier"/> found.</summary>
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
}
