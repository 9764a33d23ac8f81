using NodaTime;

namespace Privacy;

/// <summary>
/// A standing instruction never to message a contact address again, kept after the subject's data
/// is gone. It holds a keyed hash of the address, never the address itself.
/// </summary>
/// <param name="Hash">The keyed hash of the normalised address, as <c>hmac-sha256:</c> followed by lowercase hex.</param>
/// <param name="Since">When the suppression took effect (the erasure request).</param>
public sealed record SuppressionEntry(string Hash, Instant Since);
