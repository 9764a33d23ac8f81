using System.Collections.Immutable;
using Privacy.Policies;

namespace Privacy.Analysis;

/// <summary>Finds defects in a policy without running it: contradictions, rules that never apply, gaps.</summary>
/// <remarks>Implementations are stateless and thread-safe.</remarks>
public interface IPolicyAnalyzer
{
    /// <summary>Analyses a policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The findings, errors first, then in document order; empty when nothing was found.</returns>
    ImmutableArray<PolicyFinding> Analyze(PrivacyPolicy policy);
}
