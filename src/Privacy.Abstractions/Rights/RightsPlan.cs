using System;
using System.Collections.Immutable;
using NodaTime;
using Privacy.Internal;

namespace Privacy;

/// <summary>
/// The answer to a data-subject request: the response deadline, one item per stored record, and
/// what the right adds (a suppression entry for erasure, the scope of an opt-out).
/// </summary>
/// <remarks>Every record given to the planner appears exactly once: in <see cref="Items"/>, or in <see cref="Problems"/> when it could not be planned.
/// Immutable. Equal by value: the arrays compare element by element, in order.</remarks>
/// <param name="Right">Which right the plan answers.</param>
/// <param name="ReceivedAt">When the request was received.</param>
/// <param name="RespondBy">The response deadline: one month from receipt (GDPR art. 12(3)).</param>
/// <param name="ExtendedRespondBy">The latest deadline when the controller gives notice of an extension: two more months.</param>
/// <param name="Items">One item per planned record, in input order.</param>
/// <param name="Problems">Records that could not be planned, in input order.</param>
/// <param name="Clauses">The clauses behind the plan as a whole.</param>
/// <param name="Suppressions">Erasure: one suppression entry per contact address given; empty otherwise.</param>
/// <param name="OptOut">Opt-out: what stops and what continues.</param>
public sealed record RightsPlan(
    RightKind Right,
    Instant ReceivedAt,
    Instant RespondBy,
    Instant ExtendedRespondBy,
    ImmutableArray<RightsPlanItem> Items,
    ImmutableArray<RecordProblem> Problems,
    ImmutableArray<ClauseId> Clauses,
    ImmutableArray<SuppressionEntry> Suppressions,
    OptOutScope? OptOut = null)
{
    /// <inheritdoc/>
    public bool Equals(RightsPlan? other)
        => other is not null
            && Right == other.Right
            && ReceivedAt == other.ReceivedAt
            && RespondBy == other.RespondBy
            && ExtendedRespondBy == other.ExtendedRespondBy
            && ValueEquality.SequenceEqual(Items, other.Items)
            && ValueEquality.SequenceEqual(Problems, other.Problems)
            && ValueEquality.SequenceEqual(Clauses, other.Clauses)
            && ValueEquality.SequenceEqual(Suppressions, other.Suppressions)
            && Equals(OptOut, other.OptOut);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Right);
        hash.Add(ReceivedAt);
        hash.Add(RespondBy);
        hash.Add(ExtendedRespondBy);
        ValueEquality.Add(ref hash, Items);
        ValueEquality.Add(ref hash, Problems);
        ValueEquality.Add(ref hash, Clauses);
        ValueEquality.Add(ref hash, Suppressions);
        hash.Add(OptOut);
        return hash.ToHashCode();
    }
}
