namespace Privacy;

/// <summary>
/// Contact addresses that must never be messaged again, held as keyed hashes. Registered by
/// <c>AddPrivacy()</c>; <see cref="IPrivacyGate"/> consults it when a message names its address.
/// </summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface ISuppressionList
{
    /// <summary>Adds an entry, typically from an erasure plan.</summary>
    /// <param name="entry">The entry.</param>
    void Add(SuppressionEntry entry);

    /// <summary>Finds the entry that suppresses an address.</summary>
    /// <param name="contactAddress">The address, as the host holds it; it is normalised and hashed, never stored.</param>
    /// <returns>The entry, or null when the address is not suppressed.</returns>
    SuppressionEntry? Find(string contactAddress);
}
