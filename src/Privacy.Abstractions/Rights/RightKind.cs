namespace Privacy;

/// <summary>The data-subject rights a plan can answer.</summary>
public enum RightKind
{
    /// <summary>Access: what is held, why, who received it, until when.</summary>
    Access = 0,

    /// <summary>Erasure: what is deleted by when, and what is kept on which ground.</summary>
    Erasure = 1,

    /// <summary>Rectification: when corrections must reach active stores and backups.</summary>
    Rectification = 2,

    /// <summary>Marketing opt-out: what stops, what continues, from when.</summary>
    MarketingOptOut = 3,
}
