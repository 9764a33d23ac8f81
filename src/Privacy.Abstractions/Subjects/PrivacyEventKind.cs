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

    /// <summary>The subject used the service: their latest activity, and acceptance of a notified policy version in force.</summary>
    ServiceUsed = 8,

    /// <summary>The subject's account was closed.</summary>
    AccountClosed = 9,

    /// <summary>A legal hold was placed on the subject's data: nothing is deleted until it is released.</summary>
    LegalHoldPlaced = 10,

    /// <summary>A legal hold on the subject's data was released.</summary>
    LegalHoldReleased = 11,

    /// <summary>The subject was notified of a policy version.</summary>
    PolicyNotified = 12,
}
