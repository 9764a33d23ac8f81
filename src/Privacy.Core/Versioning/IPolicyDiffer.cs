using Privacy.Policies;

namespace Privacy.Versioning;

/// <summary>Compares two versions of a policy and classes every change as significant or editorial.</summary>
/// <remarks>
/// A change is significant when it lets the controller do more with personal data (a new purpose,
/// recipient, category or permission, a wider permission, a longer retention) or weakens a right
/// (a removed or narrowed prohibition, a removed guarantee, a longer erasure period). Wording,
/// dates and narrowing changes are editorial. Implementations are pure and thread-safe.
/// </remarks>
public interface IPolicyDiffer
{
    /// <summary>Lists the changes from one version of a policy to another.</summary>
    /// <param name="older">The version in force.</param>
    /// <param name="newer">The proposed or later version.</param>
    /// <returns>The changes; empty when both say the same thing.</returns>
    /// <exception cref="System.ArgumentNullException">A policy is null.</exception>
    PolicyDiff Diff(PrivacyPolicy older, PrivacyPolicy newer);
}
