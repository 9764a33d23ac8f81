namespace Privacy;

/// <summary>The outcome of a decision.</summary>
/// <remarks>The default value is <see cref="Deny"/>, so an uninitialised decision never permits.</remarks>
public enum Effect
{
    /// <summary>The action is not allowed. Anything the policy does not explicitly permit is denied.</summary>
    Deny = 0,

    /// <summary>The action is allowed, subject to the decision's obligations.</summary>
    Permit = 1,

    /// <summary>A retention answer: the data may be kept until the decision's deadline.</summary>
    Retain = 2,

    /// <summary>A retention answer: the data must be gone by the decision's deadline.</summary>
    Delete = 3,
}
