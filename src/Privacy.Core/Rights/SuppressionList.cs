using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Privacy.Internal;

namespace Privacy.Rights;

/// <summary>An in-memory <see cref="ISuppressionList"/>; hosts persist its entries themselves (they hold no address).</summary>
/// <remarks>
/// <para>An address is found whatever the key its entry was made with, as long as that key is still
/// configured: the current one, or one of the previous ones kept after a rotation. An entry without a key
/// id (made before key ids existed) is tried with every key; an entry under a key no longer configured can
/// never be found, so keep a retired key until its entries are gone or re-made.</para>
/// <para>Thread-safe. When two entries share a hash, the earlier one is kept.</para>
/// </remarks>
public sealed class SuppressionList : ISuppressionList
{
    private readonly ConcurrentDictionary<string, SuppressionEntry> _entries = new(System.StringComparer.Ordinal);
    private readonly ContactHasher[] _hashers;

    /// <summary>Creates an empty list.</summary>
    /// <param name="hasher">The hasher new entries are made with.</param>
    /// <param name="previous">Hashers of earlier keys whose entries must still be recognised; may be null.</param>
    public SuppressionList(ContactHasher hasher, IEnumerable<ContactHasher>? previous = null)
    {
        Preconditions.CheckNotNull(hasher, nameof(hasher));
        _hashers = [hasher, .. (previous ?? []).Where(p => p is not null && p.KeyId != hasher.KeyId)];
    }

    /// <summary>Gets the number of entries.</summary>
    /// <value>The count.</value>
    public int Count => _entries.Count;

    /// <inheritdoc/>
    public void Add(SuppressionEntry entry)
    {
        Preconditions.CheckNotNull(entry, nameof(entry));
        _entries.AddOrUpdate(entry.Hash, entry, (_, existing) => existing.Since <= entry.Since ? existing : entry);
    }

    /// <inheritdoc/>
    public SuppressionEntry? Find(string contactAddress)
    {
        SuppressionEntry? found = null;
        foreach (var hasher in _hashers)
        {
            if (_entries.TryGetValue(hasher.Hash(contactAddress), out var entry)
                && (entry.KeyId is null || entry.KeyId == hasher.KeyId)
                && (found is null || entry.Since < found.Since))
            {
                found = entry;
            }
        }

        return found;
    }
}
