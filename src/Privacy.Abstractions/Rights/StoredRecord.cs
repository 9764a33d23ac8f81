using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using Privacy.Internal;

namespace Privacy;

/// <summary>
/// One record a host stores about a data subject, as rights planning sees it: its id, category,
/// when it was collected and, optionally, what it is used for, who received it and the retention
/// grounds the host claims for it.
/// </summary>
/// <remarks>Immutable and equal by value.</remarks>
public sealed class StoredRecord : IEquatable<StoredRecord>
{
    /// <summary>Creates a record description.</summary>
    /// <param name="id">The host's id for the record.</param>
    /// <param name="category">The record's data category.</param>
    /// <param name="collectedAt">When the data was collected.</param>
    /// <param name="purposes">What the host uses it for; empty when unknown.</param>
    /// <param name="disclosedTo">Who received it; empty when nobody.</param>
    /// <param name="grounds">Retention grounds the host claims for keeping it; empty for none.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or <paramref name="category"/> is the default value.</exception>
    public StoredRecord(
        string id,
        DataCategoryId category,
        Instant collectedAt,
        IEnumerable<PurposeId>? purposes = null,
        IEnumerable<RecipientId>? disclosedTo = null,
        IEnumerable<RetentionGroundId>? grounds = null)
    {
        Id = Preconditions.CheckNotEmpty(id, nameof(id));
        Preconditions.CheckArgument(!category.IsDefault, nameof(category), "A record needs a category.");
        Category = category;
        CollectedAt = collectedAt;
        Purposes = purposes?.ToImmutableArray() ?? [];
        DisclosedTo = disclosedTo?.ToImmutableArray() ?? [];
        Grounds = grounds?.ToImmutableArray() ?? [];
    }

    /// <summary>Gets the host's id for the record.</summary>
    /// <value>Never empty.</value>
    public string Id { get; }

    /// <summary>Gets the record's data category.</summary>
    /// <value>A category id of the policy.</value>
    public DataCategoryId Category { get; }

    /// <summary>Gets when the data was collected.</summary>
    /// <value>The instant of collection.</value>
    public Instant CollectedAt { get; }

    /// <summary>Gets what the host uses the record for.</summary>
    /// <value>Empty when the host did not say.</value>
    public ImmutableArray<PurposeId> Purposes { get; }

    /// <summary>Gets who received the record.</summary>
    /// <value>Empty when it was never disclosed.</value>
    public ImmutableArray<RecipientId> DisclosedTo { get; }

    /// <summary>Gets the retention grounds the host claims for keeping the record.</summary>
    /// <value>Empty for none.</value>
    public ImmutableArray<RetentionGroundId> Grounds { get; }

    /// <inheritdoc/>
    public bool Equals(StoredRecord? other)
        => other is not null
            && string.Equals(Id, other.Id, StringComparison.Ordinal)
            && Category == other.Category
            && CollectedAt == other.CollectedAt
            && Purposes.SequenceEqual(other.Purposes)
            && DisclosedTo.SequenceEqual(other.DisclosedTo)
            && Grounds.SequenceEqual(other.Grounds);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as StoredRecord);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Category, CollectedAt);
}
