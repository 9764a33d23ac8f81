using System;
using System.Collections.Immutable;
using System.Text;
using NodaTime;

namespace Privacy;

/// <summary>
/// The answer to one request: the effect, the clauses that decided it (most specific first),
/// the obligations that come with a permit and, for retention, the deadline and grounds used.
/// </summary>
/// <remarks>
/// A decision is an immutable value; two decisions are equal when every part is equal.
/// Decisions made by a compiled policy share their arrays with the policy, so returning one
/// allocates nothing. The default value is a <see cref="Effect.Deny"/> that cites no clause.
/// </remarks>
public readonly struct PrivacyDecision : IEquatable<PrivacyDecision>
{
    /// <summary>Creates a decision.</summary>
    /// <param name="effect">The outcome.</param>
    /// <param name="clauses">The deciding clauses, most specific first; at least one.</param>
    /// <param name="obligations">What the host must do when it acts on the decision.</param>
    /// <param name="deadline">For retention: the instant until which the data may be kept, or by which it must be gone.</param>
    /// <param name="grounds">For retention: the grounds that extended it.</param>
    /// <exception cref="ArgumentException"><paramref name="clauses"/> is empty, or holds a default id.</exception>
    public PrivacyDecision(
        Effect effect,
        ImmutableArray<ClauseId> clauses,
        ImmutableArray<ObligationId> obligations = default,
        Instant? deadline = null,
        ImmutableArray<RetentionGroundId> grounds = default)
    {
        Internal.Preconditions.CheckDefined(effect, nameof(effect));
        Internal.Preconditions.CheckArgument(!clauses.IsDefaultOrEmpty, nameof(clauses), "A decision cites at least one clause.");
        foreach (var clause in clauses)
        {
            Internal.Preconditions.CheckArgument(!clause.IsDefault, nameof(clauses), "A decision cannot cite a default clause id.");
        }

        Effect = effect;
        Clauses = clauses;
        Obligations = obligations.IsDefault ? ImmutableArray<ObligationId>.Empty : obligations;
        Deadline = deadline;
        Grounds = grounds.IsDefault ? ImmutableArray<RetentionGroundId>.Empty : grounds;
    }

    /// <summary>Gets the outcome.</summary>
    /// <value><see cref="Effect.Permit"/> or <see cref="Effect.Deny"/> for collect, use, disclose and communicate;
    /// <see cref="Effect.Retain"/> or <see cref="Effect.Delete"/> for retain.</value>
    public Effect Effect { get; }

    /// <summary>Gets the clauses that decided it, most specific first.</summary>
    /// <value>Never empty for a decision made by a policy.</value>
    public ImmutableArray<ClauseId> Clauses { get; }

    /// <summary>Gets what the host must do when it acts on a permit.</summary>
    /// <value>Empty when nothing is required; always empty for a deny.</value>
    public ImmutableArray<ObligationId> Obligations { get; }

    /// <summary>Gets, for a retention decision, the instant until which data may be kept or by which it must be gone.</summary>
    /// <value>Null for every action but retain.</value>
    public Instant? Deadline { get; }

    /// <summary>Gets, for a retention decision, the retention grounds that kept the data.</summary>
    /// <value>Empty unless a recognised ground extended retention.</value>
    public ImmutableArray<RetentionGroundId> Grounds { get; }

    /// <summary>Gets a value indicating whether the host may go ahead: a permit, or a retain.</summary>
    /// <value>True for <see cref="Effect.Permit"/> and <see cref="Effect.Retain"/>.</value>
    public bool IsAllowed => Effect is Effect.Permit or Effect.Retain;

    /// <summary>Returns a copy of this decision with another deadline.</summary>
    /// <param name="deadline">The new deadline.</param>
    /// <returns>The copy.</returns>
    public PrivacyDecision WithDeadline(Instant? deadline) => new(Effect, Clauses, Obligations, deadline, Grounds);

    /// <inheritdoc/>
    public bool Equals(PrivacyDecision other)
        => Effect == other.Effect
            && Deadline == other.Deadline
            && SequenceEqual(Clauses, other.Clauses)
            && SequenceEqual(Obligations, other.Obligations)
            && SequenceEqual(Grounds, other.Grounds);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PrivacyDecision other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Effect);
        hash.Add(Deadline);
        if (!Clauses.IsDefault)
        {
            foreach (var clause in Clauses)
            {
                hash.Add(clause);
            }
        }

        return hash.ToHashCode();
    }

    /// <summary>Describes the decision, for logs and test failures.</summary>
    /// <returns>For example <c>Deny [rights.marketing-opt-out]</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Effect).Append(" [").AppendJoin(", ", Clauses.IsDefault ? [] : Clauses).Append(']');
        if (!Obligations.IsDefaultOrEmpty)
        {
            text.Append(" obligations [").AppendJoin(", ", Obligations).Append(']');
        }

        if (Deadline is { } deadline)
        {
            text.Append(" until ").Append(deadline.ToString());
        }

        if (!Grounds.IsDefaultOrEmpty)
        {
            text.Append(" grounds [").AppendJoin(", ", Grounds).Append(']');
        }

        return text.ToString();
    }

    /// <summary>Compares two decisions for equality.</summary>
    /// <param name="left">The first decision.</param>
    /// <param name="right">The second decision.</param>
    /// <returns>True when every part is equal.</returns>
    public static bool operator ==(PrivacyDecision left, PrivacyDecision right) => left.Equals(right);

    /// <summary>Compares two decisions for inequality.</summary>
    /// <param name="left">The first decision.</param>
    /// <param name="right">The second decision.</param>
    /// <returns>True when any part differs.</returns>
    public static bool operator !=(PrivacyDecision left, PrivacyDecision right) => !left.Equals(right);

    private static bool SequenceEqual<T>(ImmutableArray<T> left, ImmutableArray<T> right)
        where T : IEquatable<T>
        => left.AsSpan().SequenceEqual(right.AsSpan());
}
