namespace Privacy.Retention;

/// <summary>The event a retention period is counted from.</summary>
public enum RetentionAnchor
{
    /// <summary>When the record was collected.</summary>
    Collection = 0,

    /// <summary>The subject's last use of the service, or collection when later.</summary>
    LastActivity = 1,

    /// <summary>The closure of the subject's account; while the account is open the data is kept.</summary>
    AccountClosure = 2,

    /// <summary>The subject's erasure request; until there is one the data is kept.</summary>
    ErasureRequest = 3,
}
