namespace Privacy.Versioning;

/// <summary>Where a subject stands with a policy version.</summary>
public enum AcceptanceStatus
{
    /// <summary>Not accepted, and never told about the version.</summary>
    NotNotified = 0,

    /// <summary>Told about the version, but has not used the service since its entry into force (and since the notice): not yet bound.</summary>
    Notified = 1,

    /// <summary>Bound by continued use: used the service at or after the version's entry into force, after being told about it.</summary>
    AcceptedByUse = 2,

    /// <summary>Bound by an explicit <c>policy-accepted</c> event naming the version.</summary>
    AcceptedByEvent = 3,
}
