namespace Privacy;

/// <summary>The class of a data category, which decides the protections that apply to it.</summary>
public enum DataClass
{
    /// <summary>Data that identifies, or can identify, a person.</summary>
    Personal = 0,

    /// <summary>Special categories (origin, beliefs, genetic, biometric, health data).</summary>
    Sensitive = 1,

    /// <summary>Data that does not in itself identify a person.</summary>
    NonPersonal = 2,

    /// <summary>Data kept only on the user's own device, out of the controller's reach.</summary>
    DeviceLocal = 3,
}
