using Privacy.Internal;

namespace Privacy.Retention;

/// <summary>
/// A ground the policy recognises for keeping data beyond its period (backup, archiving, fraud
/// prevention…), with the most it may extend retention and the clause that allows it.
/// </summary>
/// <remarks>Declared with <see cref="Policies.PolicyBuilder.AddGround"/>. Immutable and equal by value.</remarks>
public sealed record RetentionGround
{
    /// <summary>Creates a retention ground.</summary>
    /// <param name="id">The ground's id.</param>
    /// <param name="maximumExtension">How much longer than the normal deadline the ground allows at most.</param>
    /// <param name="clause">The clause that allows the ground.</param>
    /// <param name="description">What the ground means.</param>
    /// <exception cref="System.ArgumentException">An id is the default value.</exception>
    internal RetentionGround(RetentionGroundId id, RetentionPeriod maximumExtension, ClauseId clause, string description = "")
    {
        Preconditions.CheckArgument(!id.IsDefault, nameof(id), "A retention ground needs an id.");
        Preconditions.CheckArgument(!clause.IsDefault, nameof(clause), "A retention ground needs a clause.");
        Id = id;
        MaximumExtension = maximumExtension;
        Clause = clause;
        Description = description ?? string.Empty;
    }

    /// <summary>Gets the ground's id.</summary>
    /// <value>For example <c>fraud-prevention</c>.</value>
    public RetentionGroundId Id { get; }

    /// <summary>Gets how much longer than the normal deadline the ground allows at most.</summary>
    /// <value>A calendar period or an exact duration.</value>
    public RetentionPeriod MaximumExtension { get; }

    /// <summary>Gets the clause that allows the ground.</summary>
    /// <value>The clause id.</value>
    public ClauseId Clause { get; }

    /// <summary>Gets what the ground means.</summary>
    /// <value>Plain text; possibly empty.</value>
    public string Description { get; }
}
