using Privacy.Internal;

namespace Privacy.Policies;

/// <summary>A data category of a policy's vocabulary, with its class and meaning.</summary>
/// <remarks>
/// Categories form a hierarchy through their dotted ids: <c>personal.log.ip-address</c> lies
/// below <c>personal.log</c>, which lies below <c>personal</c>. Declared with
/// <see cref="PolicyBuilder.AddCategory"/>. Immutable and equal by value.
/// </remarks>
public sealed record DataCategory
{
    /// <summary>Creates a category.</summary>
    /// <param name="id">The category id.</param>
    /// <param name="class">The category's class.</param>
    /// <param name="description">What data it covers.</param>
    /// <exception cref="System.ArgumentException"><paramref name="id"/> is the default value or <paramref name="class"/> is undefined.</exception>
    internal DataCategory(DataCategoryId id, DataClass @class, string description)
    {
        Preconditions.CheckArgument(!id.IsDefault, nameof(id), "A category needs an id.");
        Id = id;
        Class = Preconditions.CheckDefined(@class, nameof(@class));
        Description = description ?? string.Empty;
    }

    /// <summary>Gets the category id.</summary>
    /// <value>For example <c>personal.email</c>.</value>
    public DataCategoryId Id { get; }

    /// <summary>Gets the category's class.</summary>
    /// <value>Personal, sensitive, non-personal or device-local.</value>
    public DataClass Class { get; }

    /// <summary>Gets what data the category covers.</summary>
    /// <value>Plain text; possibly empty.</value>
    public string Description { get; }
}
