using System;

namespace Privacy.Testing.Invariants;

/// <summary>
/// An invariant or oracle assertion of the kit failed. Test frameworks report it as a failure like
/// their own assertion exceptions; FsCheck reports it as a falsified property and shrinks.
/// </summary>
public sealed class PrivacyAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PrivacyAssertionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What did not hold.</param>
    public PrivacyAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What did not hold.</param>
    /// <param name="innerException">The cause.</param>
    public PrivacyAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
