using Privacy.Internal;

namespace Privacy.Retention;

/// <summary>
/// How long data of a category (and, unless overridden, its descendants) may be kept, counted from
/// an anchor event (collection by default), and whether retention grounds may extend it.
/// </summary>
/// <remarks>Declared with <see cref="Policies.PolicyBuilder.Retain"/>. Immutable and equal by value.</remarks>
public sealed record RetentionRule
{
    /// <summary>Creates a retention rule.</summary>
    /// <param name="category">The category; the rule is inherited by categories below it.</param>
    /// <param name="period">How long the data may be kept after the anchor.</param>
    /// <param name="clause">The clause the decision cites.</param>
    /// <param name="allowsGrounds">Whether retention grounds may keep the data longer.</param>
    /// <param name="anchor">The event the period is counted from.</param>
    /// <exception cref="System.ArgumentException">An id is the default value, or the anchor is undefined.</exception>
    internal RetentionRule(DataCategoryId category, RetentionPeriod period, ClauseId clause, bool allowsGrounds = true, RetentionAnchor anchor = RetentionAnchor.Collection)
    {
        Anchor = Preconditions.CheckDefined(anchor, nameof(anchor));
        Preconditions.CheckArgument(!category.IsDefault, nameof(category), "A retention rule needs a category.");
        Preconditions.CheckArgument(!clause.IsDefault, nameof(clause), "A retention rule needs a clause.");
        Category = category;
        Period = period;
        Clause = clause;
        AllowsGrounds = allowsGrounds;
    }

    /// <summary>Gets the category the rule governs, with its descendants.</summary>
    /// <value>The category id.</value>
    public DataCategoryId Category { get; }

    /// <summary>Gets the event the period is counted from.</summary>
    /// <value><see cref="RetentionAnchor.Collection"/> by default.</value>
    public RetentionAnchor Anchor { get; }

    /// <summary>Gets how long data may be kept after the anchor.</summary>
    /// <value>A calendar period or an exact duration.</value>
    public RetentionPeriod Period { get; }

    /// <summary>Gets the clause the decision cites.</summary>
    /// <value>The clause id.</value>
    public ClauseId Clause { get; }

    /// <summary>Gets a value indicating whether retention grounds may extend retention.</summary>
    /// <value>False for data that may never be kept, such as sensitive data.</value>
    public bool AllowsGrounds { get; }
}
