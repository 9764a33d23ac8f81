using System;
using System.Security.Cryptography;
using System.Text;
using Privacy.Internal;

namespace Privacy.Rights;

/// <summary>
/// Turns a contact address into a keyed hash (HMAC-SHA256 of the trimmed, lower-cased address), so
/// that a suppression list can recognise the address without ever holding it.
/// </summary>
/// <remarks>Keep the key secret and stable: a new key makes every stored hash unrecognisable. Thread-safe.</remarks>
public sealed class ContactHasher
{
    /// <summary>The prefix of every hash this type produces.</summary>
    public const string Prefix = "hmac-sha256:";

    /// <summary>The shortest key accepted, in bytes.</summary>
    public const int MinimumKeyLength = 16;

    private readonly byte[] _key;

    /// <summary>Creates a hasher.</summary>
    /// <param name="key">The secret key; at least <see cref="MinimumKeyLength"/> bytes.</param>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumKeyLength"/> bytes.</exception>
    public ContactHasher(ReadOnlySpan<byte> key)
    {
        Preconditions.CheckArgument(key.Length >= MinimumKeyLength, nameof(key), $"A suppression key needs at least {MinimumKeyLength} bytes; it has {key.Length}.");
        _key = key.ToArray();
    }

    /// <summary>Creates a hasher from a key given as text (its UTF-8 bytes).</summary>
    /// <param name="key">The secret key; at least <see cref="MinimumKeyLength"/> bytes of UTF-8.</param>
    /// <returns>The hasher.</returns>
    /// <exception cref="ArgumentException">The key is too short.</exception>
    public static ContactHasher FromText(string key) => new(Encoding.UTF8.GetBytes(Preconditions.CheckNotNull(key, nameof(key))));

    /// <summary>Hashes an address.</summary>
    /// <param name="contactAddress">An email address, phone number or postal address; surrounding space and case are ignored.</param>
    /// <returns><c>hmac-sha256:</c> followed by 64 lowercase hex digits.</returns>
    /// <exception cref="ArgumentException">The address is empty.</exception>
    public string Hash(string contactAddress)
    {
        var normalised = Preconditions.CheckNotEmpty(contactAddress, nameof(contactAddress)).Trim().ToLowerInvariant();
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalised));
        return Prefix + Convert.ToHexString(mac).ToLowerInvariant();
    }
}
