using NodaTime;

namespace Privacy;

/// <summary>
/// A standing instruction never to message a contact address again, kept after the subject's data
/// is gone. It holds a keyed hash of the address, never the address itself.
/// </summary>
/// <param name="Hash">The keyed hash of the normalised address, as <c>hmac-sha256:</c> followed by lowercase hex.</param>
/// <param name="Since">When the suppression took effect (the erasure request).</param>
/// <param name="KeyId">
/// The id of the key the hash was made with, so that a list can still recognise the entry after the key
/// is rotated (while the old key stays configured); null for an entry made before key ids existed, which
/// every configured key is tried on.
/// </param>
public sealed record SuppressionEntry(string Hash, Instant Since, string? KeyId = null);
