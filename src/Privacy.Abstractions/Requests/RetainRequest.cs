using System;
using System.Collections.Immutable;
using NodaTime;
using Privacy.Internal;

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
            && ValueEquality.SequenceEqual(Grounds, other.Grounds);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Category);
        hash.Add(CollectedAt);
        hash.Add(At);
        ValueEquality.Add(ref hash, Grounds);
        return hash.ToHashCode();
    }
}
