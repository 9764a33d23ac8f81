namespace Privacy;

/// <summary>The five things a host can ask a policy about.</summary>
public enum PrivacyAction
{
    /// <summary>Collect data of a category for a purpose.</summary>
    Collect = 0,

    /// <summary>Use (process) data of a category for a purpose.</summary>
    Use = 1,

    /// <summary>Disclose data of a category to a recipient for a reason.</summary>
    Disclose = 2,

    /// <summary>Send a message of some kind to the data subject over a channel.</summary>
    Communicate = 3,

    /// <summary>Keep a stored record, or learn by when it must be deleted.</summary>
    Retain = 4,
}
