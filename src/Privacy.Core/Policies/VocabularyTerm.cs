using System;
using Privacy.Internal;

namespace Privacy.Policies;

/// <summary>A term of a policy's vocabulary (a purpose, recipient, reason, message kind, channel or obligation) with its meaning.</summary>
/// <typeparam name="TId">The id type of the term.</typeparam>
/// <remarks>Declared with <see cref="PolicyBuilder"/> (<c>AddPurpose</c>, <c>AddRecipient</c>…). Immutable and equal by value.</remarks>
public sealed record VocabularyTerm<TId>
    where TId : struct, IEquatable<TId>
{
    /// <summary>Creates a term.</summary>
    /// <param name="id">The term's id.</param>
    /// <param name="description">What the term means, in a line.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is the default value.</exception>
    internal VocabularyTerm(TId id, string description)
    {
        Preconditions.CheckArgument(!id.Equals(default), nameof(id), "A vocabulary term needs an id.");
        Id = id;
        Description = description ?? string.Empty;
    }

    /// <summary>Gets the term's id.</summary>
    /// <value>The id.</value>
    public TId Id { get; }

    /// <summary>Gets what the term means.</summary>
    /// <value>Plain text; possibly empty.</value>
    public string Description { get; }
}
