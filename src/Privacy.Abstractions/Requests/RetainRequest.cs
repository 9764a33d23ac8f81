using System;
using System.Collections.Immutable;
using NodaTime;

namespace Privacy;

/// <summary>"May I keep this record, and until when; or by when must it be gone?"</summary>
/// <param name="Category">The record's data category.</param>
/// <param name="CollectedAt">When the data was collected.</param>
/// <param name="At">The decision's instant.</param>
/// <param name="Grounds">Retention grounds the host claims for keeping it longer; default or empty for none.</param>
public readonly record struct RetainRequest(DataCategoryId Category, Instant CollectedAt, Instant At, ImmutableArray<RetentionGroundId> Grounds = default)
{
    /// <inheritdoc/>
    public bool Equals(RetainRequest other)
        => Category == other.Category
            && CollectedAt == other.CollectedAt
            && At == other.At
            && Grounds.AsSpan().SequenceEqual(other.Grounds.AsSpan());

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Category, CollectedAt, At, Grounds.IsDefault ? 0 : Grounds.Length);
}
