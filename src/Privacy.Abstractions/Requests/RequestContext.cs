namespace Privacy;

/// <summary>Facts about the circumstances of a request that rules may require. Absent means false.</summary>
/// <param name="LocationFeatureInUse">Whether the subject is using a location-based function right now.</param>
/// <param name="ConfidentialityAgreement">Whether the recipient of a disclosure is bound by a confidentiality agreement.</param>
public readonly record struct RequestContext(bool LocationFeatureInUse = false, bool ConfidentialityAgreement = false)
{
    /// <summary>Gets a context in which nothing is asserted.</summary>
    /// <value>Both facts false.</value>
    public static RequestContext None => default;
}
