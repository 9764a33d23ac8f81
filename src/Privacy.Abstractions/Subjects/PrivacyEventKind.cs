namespace Privacy;

/// <summary>The kinds of event in a data subject's privacy history.</summary>
public enum PrivacyEventKind
{
    /// <summary>The subject consented, for a purpose and/or a recipient.</summary>
    ConsentGranted = 0,

    /// <summary>The subject withdrew consent, for a purpose and/or a recipient.</summary>
    ConsentWithdrawn = 1,

    /// <summary>The subject opted out of marketing.</summary>
    MarketingOptOut = 2,

    /// <summary>The subject opted back in to marketing.</summary>
    MarketingOptIn = 3,

    /// <summary>The subject asked for erasure of their data. Final for that subject.</summary>
    ErasureRequested = 4,

    /// <summary>The subject accepted a version of the policy.</summary>
    PolicyAccepted = 5,

    /// <summary>The subject asked what is held about them.</summary>
    AccessRequested = 6,

    /// <summary>The subject asked for their data to be corrected.</summary>
    RectificationRequested = 7,
}
