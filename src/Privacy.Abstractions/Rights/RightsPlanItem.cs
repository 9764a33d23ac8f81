using System;
using System.Collections.Immutable;
using NodaTime;
using Privacy.Internal;

namespace Privacy;

/// <summary>The plan for one stored record: what to do, by or until when, and why.</summary>
/// <remarks>Immutable. Equal by value: the arrays compare element by element, in order.</remarks>
/// <param name="Record">The record's id, as the host gave it.</param>
/// <param name="Category">The record's data category.</param>
/// <param name="Action">What to do with the record.</param>
/// <param name="Deadline">For <see cref="PlanAction.Delete"/> and <see cref="PlanAction.Rectify"/>: the instant by which it must be done;
/// for <see cref="PlanAction.Retain"/> and <see cref="PlanAction.Held"/>: the instant until which the record may be kept; null when no deadline runs yet.</param>
/// <param name="Grounds">The retention grounds that keep the record, if any.</param>
/// <param name="Clauses">The clauses that decided the item, most specific first.</param>
/// <param name="Purposes">Access: what the record is used for; opt-out: the purposes that stop.</param>
/// <param name="Recipients">Access: who received the record.</param>
/// <param name="BackupsBy">Rectification: by when backups must carry the correction (or be gone).</param>
public sealed record RightsPlanItem(
    string Record,
    DataCategoryId Category,
    PlanAction Action,
    Instant? Deadline,
    ImmutableArray<RetentionGroundId> Grounds,
    ImmutableArray<ClauseId> Clauses,
    ImmutableArray<PurposeId> Purposes,
    ImmutableArray<RecipientId> Recipients,
    Instant? BackupsBy = null)
{
    /// <inheritdoc/>
    public bool Equals(RightsPlanItem? other)
        => other is not null
            && string.Equals(Record, other.Record, StringComparison.Ordinal)
            && Category == other.Category
            && Action == other.Action
            && Deadline == other.Deadline
            && ValueEquality.SequenceEqual(Grounds, other.Grounds)
            && ValueEquality.SequenceEqual(Clauses, other.Clauses)
            && ValueEquality.SequenceEqual(Purposes, other.Purposes)
            && ValueEquality.SequenceEqual(Recipients, other.Recipients)
            && BackupsBy == other.BackupsBy;

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Record, StringComparer.Ordinal);
        hash.Add(Category);
        hash.Add(Action);
        hash.Add(Deadline);
        ValueEquality.Add(ref hash, Grounds);
        ValueEquality.Add(ref hash, Clauses);
        ValueEquality.Add(ref hash, Purposes);
        ValueEquality.Add(ref hash, Recipients);
        hash.Add(BackupsBy);
        return hash.ToHashCode();
    }
}
