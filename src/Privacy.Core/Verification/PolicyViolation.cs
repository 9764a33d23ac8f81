namespace Privacy.Verification;

/// <summary>A counterexample: one combination on which an invariant does not hold.</summary>
/// <param name="Invariant">The invariant's code, one of <see cref="PolicyVerifier.Invariants"/>.</param>
/// <param name="Cell">The combination.</param>
/// <param name="Decision">The decision the compiled policy gave.</param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record PolicyViolation(string Invariant, DecisionCell Cell, PrivacyDecision Decision, string Message)
{
    /// <summary>Describes the counterexample.</summary>
    /// <returns>For example <c>prohibitions-win: use sensitive.x for p when no condition holds: permit [k1] — prohibition 'no-sensitive' applies</c>.</returns>
    public override string ToString() => $"{Invariant}: {Cell}: {Decision} — {Message}";
}
