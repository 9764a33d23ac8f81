namespace Privacy;

/// <summary>What a rights plan says to do with one stored record.</summary>
public enum PlanAction
{
    /// <summary>Access: the record is held and reported.</summary>
    Held = 0,

    /// <summary>The record must be deleted by the item's deadline.</summary>
    Delete = 1,

    /// <summary>The record may be kept until the item's deadline (or, without one, until its anchor event).</summary>
    Retain = 2,

    /// <summary>Rectification: corrections must reach active stores, then backups, by the item's deadlines.</summary>
    Rectify = 3,

    /// <summary>Opt-out: the record stays but is no longer used for the stopped purposes.</summary>
    Restrict = 4,
}
