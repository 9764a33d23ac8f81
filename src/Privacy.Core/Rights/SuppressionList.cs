using System.Collections.Concurrent;
using Privacy.Internal;

namespace Privacy.Rights;

/// <summary>An in-memory <see cref="ISuppressionList"/>; hosts persist its entries themselves (they hold no address).</summary>
/// <remarks>Thread-safe. When two entries share a hash, the earlier one is kept.</remarks>
public sealed class SuppressionList : ISuppressionList
{
    private readonly ConcurrentDictionary<string, SuppressionEntry> _entries = new(System.StringComparer.Ordinal);
    private readonly ContactHasher _hasher;

    /// <summary>Creates an empty list.</summary>
    /// <param name="hasher">The hasher the entries were made with.</param>
    public SuppressionList(ContactHasher hasher) => _hasher = Preconditions.CheckNotNull(hasher, nameof(hasher));

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
        => _entries.TryGetValue(_hasher.Hash(contactAddress), out var entry) ? entry : null;
}
