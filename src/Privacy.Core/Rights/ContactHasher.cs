using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Privacy.Internal;

namespace Privacy.Rights;

/// <summary>
/// Turns a contact address into a keyed hash (HMAC-SHA256 of the normalised address), so that a
/// suppression list can recognise the address without ever holding it.
/// </summary>
/// <remarks>
/// <para>Addresses are normalised first (<see cref="Normalize"/>), so that the ways one address can be
/// written (upper or lower case, full-width letters, zero-width characters, a domain in Unicode or in
/// its ASCII <c>xn--</c> form) all give the same hash.</para>
/// <para>Keep the key secret. Each hasher has a <see cref="KeyId"/> that its entries carry, so that a key
/// can be rotated: give the new key to <see cref="PrivacyOptions.SuppressionKey"/> and keep the old one in
/// <see cref="PrivacyOptions.PreviousSuppressionKeys"/> for as long as entries made with it are kept.
/// Thread-safe.</para>
/// </remarks>
public sealed class ContactHasher
{
    /// <summary>The prefix of every hash this type produces.</summary>
    public const string Prefix = "hmac-sha256:";

    /// <summary>The shortest key accepted, in bytes: 32, the size of the HMAC-SHA256 output, so the key is never the weaker part.</summary>
    public const int MinimumKeyLength = 32;

    private static readonly IdnMapping Idn = new() { AllowUnassigned = true, UseStd3AsciiRules = false };

    /// <summary>Whether Unicode normalisation works here: not in a globalization-invariant process without ICU.</summary>
    private static readonly bool CanNormalize = "\u00C5".Normalize(NormalizationForm.FormD).Length == 2;

    private readonly byte[] _key;

    /// <summary>Creates a hasher.</summary>
    /// <param name="key">The secret key; at least <see cref="MinimumKeyLength"/> bytes.</param>
    /// <param name="keyId">
    /// The key's id, carried by every entry made with it; null derives one from the key (<c>k-</c> and 12 hex
    /// digits of a keyed hash that does not reveal the key).
    /// </param>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumKeyLength"/> bytes, or the id is empty.</exception>
    public ContactHasher(ReadOnlySpan<byte> key, string? keyId = null)
    {
        Preconditions.CheckArgument(key.Length >= MinimumKeyLength, nameof(key), $"A suppression key needs at least {MinimumKeyLength} bytes; it has {key.Length}.");
        _key = key.ToArray();
        KeyId = keyId is null
            ? "k-" + Convert.ToHexString(HMACSHA256.HashData(_key, "privacy suppression key id"u8), 0, 6).ToLowerInvariant()
            : Preconditions.CheckNotEmpty(keyId, nameof(keyId));
    }

    /// <summary>Gets the id of this hasher's key, carried by the entries made with it.</summary>
    /// <value>The id given, or one derived from the key.</value>
    public string KeyId { get; }

    /// <summary>Creates a hasher from a key given as text (its UTF-8 bytes).</summary>
    /// <param name="key">The secret key; at least <see cref="MinimumKeyLength"/> bytes of UTF-8.</param>
    /// <param name="keyId">The key's id; null derives one from the key.</param>
    /// <returns>The hasher.</returns>
    /// <exception cref="ArgumentException">The key is too short.</exception>
    public static ContactHasher FromText(string key, string? keyId = null) => new(Encoding.UTF8.GetBytes(Preconditions.CheckNotNull(key, nameof(key))), keyId);

    /// <summary>Hashes an address.</summary>
    /// <param name="contactAddress">An email address, phone number or postal address, as the host holds it; see <see cref="Normalize"/>.</param>
    /// <returns><c>hmac-sha256:</c> followed by 64 lowercase hex digits.</returns>
    /// <exception cref="ArgumentException">The address is empty, or nothing is left of it after normalisation.</exception>
    /// <exception cref="InvalidOperationException">A non-ASCII address in a globalization-invariant process; see <see cref="Normalize"/>.</exception>
    public string Hash(string contactAddress)
    {
        var normalised = Normalize(contactAddress);
        Preconditions.CheckArgument(normalised.Length > 0, nameof(contactAddress), "The contact address is empty once invisible characters are removed.");
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalised));
        return Prefix + Convert.ToHexString(mac).ToLowerInvariant();
    }

    /// <summary>Creates the suppression entry for an address.</summary>
    /// <param name="contactAddress">The address.</param>
    /// <param name="since">When the suppression takes effect.</param>
    /// <returns>The entry, holding the hash and this hasher's <see cref="KeyId"/>, never the address.</returns>
    /// <exception cref="ArgumentException">The address is empty.</exception>
    public SuppressionEntry CreateEntry(string contactAddress, NodaTime.Instant since) => new(Hash(contactAddress), since, KeyId);

    /// <summary>Brings an address to the one form that is hashed.</summary>
    /// <param name="contactAddress">The address.</param>
    /// <returns>
    /// The address in Unicode NFKC, without format characters (zero-width spaces and joiners, soft hyphens,
    /// direction marks), without surrounding white space, in lower case; an email domain (after the last
    /// <c>@</c>) in its ASCII form (IDNA, <c>xn--</c>), with ideographic full stops read as dots and without a trailing dot. A lone surrogate becomes
    /// U+FFFD.
    /// </returns>
    /// <exception cref="ArgumentException">The address is null or empty.</exception>
    /// <exception cref="InvalidOperationException">
    /// The address is not ASCII and the process runs in globalization-invariant mode, where Unicode
    /// normalisation is unavailable: a hash made without it would miss the address's other spellings.
    /// </exception>
    public static string Normalize(string contactAddress)
    {
        Preconditions.CheckNotEmpty(contactAddress, nameof(contactAddress));
        if (!CanNormalize && !System.Text.Ascii.IsValid(contactAddress))
        {
            throw new InvalidOperationException("Normalising a non-ASCII contact address needs Unicode data (ICU), which this process lacks: it runs with InvariantGlobalization. Turn it off to hash such addresses.");
        }

        var text = Clean(contactAddress);
        var at = text.LastIndexOf('@');
        if (at < 0 || at == text.Length - 1)
        {
            return text;
        }

        // UTS #46 label separators (ideographic and half-width full stops) are dots; a trailing dot names the same domain.
        var domain = text[(at + 1)..].Replace('\u3002', '.').Replace('\uFF61', '.').Replace('\uFF0E', '.').TrimEnd('.');
        try
        {
            domain = Idn.GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            // Not a valid domain name: it is hashed as written (normalised), which is still the same for every spelling above.
        }

        return string.Concat(text.AsSpan(0, at + 1), domain);
    }

    /// <summary>NFKC, case-folded, without format characters or surrounding white space; applied until stable.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    var pair = text.AsSpan(i, 2);
                    if (CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[i + 1])) != UnicodeCategory.Format)
                    {
                        builder.Append(pair);
                    }

                    i++;
                }
                else
                {
                    builder.Append('\uFFFD');
                }
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                builder.Append(c);
            }
        }

        // Lower-casing can leave text that NFKC changes again (and the reverse), so repeat until nothing moves.
        var result = builder.ToString();
        for (var round = 0; round < 4; round++)
        {
            var next = StripFormat(result.Normalize(NormalizationForm.FormKC).ToUpperInvariant().ToLowerInvariant().Normalize(NormalizationForm.FormKC)).Trim();
            if (string.Equals(next, result, StringComparison.Ordinal))
            {
                break;
            }

            result = next;
        }

        return result;
    }

    private static string StripFormat(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
            {
                var builder = new StringBuilder(text.Length);
                foreach (var r in text.EnumerateRunes())
                {
                    if (Rune.GetUnicodeCategory(r) != UnicodeCategory.Format)
                    {
                        builder.Append(r.ToString());
                    }
                }

                return builder.ToString();
            }
        }

        return text;
    }
}
