using System;

namespace Privacy.Policies;

/// <summary>
/// Facts about the subject or the request that a rule requires before it applies. A rule applies
/// only when every flag it names holds.
/// </summary>
[Flags]
public enum RuleConditions
{
    /// <summary>The rule applies unconditionally.</summary>
    None = 0,

    /// <summary>The subject has asked for erasure (at or before the decision's instant).</summary>
    ErasureRequested = 1 << 0,

    /// <summary>A marketing opt-out stands.</summary>
    MarketingOptedOut = 1 << 1,

    /// <summary>The subject's standing consent covers the request's recipient (disclose) or purpose (collect, use).</summary>
    Consent = 1 << 2,

    /// <summary>The request says a location-based function is in use.</summary>
    LocationFeatureInUse = 1 << 3,

    /// <summary>The request says the recipient is bound by a confidentiality agreement.</summary>
    ConfidentialityAgreement = 1 << 4,
}
