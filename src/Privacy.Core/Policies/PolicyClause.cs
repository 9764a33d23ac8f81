using Privacy.Internal;

namespace Privacy.Policies;

/// <summary>A clause of a policy: what a decision cites, with the words a person reads.</summary>
/// <remarks>Declared with <see cref="PolicyBuilder.AddClause"/>. Immutable and equal by value.</remarks>
public sealed record PolicyClause
{
    /// <summary>Creates a clause.</summary>
    /// <param name="id">The stable clause id.</param>
    /// <param name="summary">One line saying what the clause promises.</param>
    /// <param name="text">The clause in full, as the published notice words it; defaults to the summary.</param>
    /// <exception cref="System.ArgumentException"><paramref name="id"/> is the default value or <paramref name="summary"/> is empty.</exception>
    internal PolicyClause(ClauseId id, string summary, string? text = null)
    {
        Preconditions.CheckArgument(!id.IsDefault, nameof(id), "A clause needs an id.");
        Id = id;
        Summary = Preconditions.CheckNotEmpty(summary, nameof(summary));
        Text = string.IsNullOrWhiteSpace(text) ? summary : text;
    }

    /// <summary>Gets the stable clause id.</summary>
    /// <value>For example <c>rights.erasure</c>.</value>
    public ClauseId Id { get; }

    /// <summary>Gets one line saying what the clause promises.</summary>
    /// <value>Plain text.</value>
    public string Summary { get; }

    /// <summary>Gets the clause in full.</summary>
    /// <value>Plain text; the summary when no fuller text was given.</value>
    public string Text { get; }
}
