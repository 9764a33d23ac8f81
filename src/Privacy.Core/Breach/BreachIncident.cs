using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using Privacy.Internal;

namespace Privacy.Breach;

/// <summary>A personal-data breach as the controller knows it: when they became aware, what leaked, about how many people, and whether it was readable.</summary>
/// <remarks>Immutable. Equal by value: the arrays compare element by element, in order.</remarks>
public sealed record BreachIncident
{
    /// <summary>Creates an incident.</summary>
    /// <param name="awareAt">When the controller became aware of the breach; the legal deadlines count from here.</param>
    /// <param name="categories">The data categories affected, as the policy names them; a parent covers its children.</param>
    /// <param name="subjects">How many data subjects are affected; when <paramref name="affected"/> is given and this is smaller, the number of affected subjects listed.</param>
    /// <param name="unintelligible">Whether the data is unintelligible to anyone not authorised to read it, such as data encrypted with a key that did not leak.</param>
    /// <param name="affected">The affected subjects the controller can name, each to be told when the plan requires it; may be empty.</param>
    /// <exception cref="PrivacyRequestException"><paramref name="categories"/> is empty or <paramref name="subjects"/> is negative.</exception>
    public BreachIncident(Instant awareAt, IEnumerable<DataCategoryId> categories, int subjects, bool unintelligible = false, IEnumerable<DataSubject>? affected = null)
    {
        Preconditions.CheckNotNull(categories, nameof(categories));
        AwareAt = awareAt;
        Categories = [.. categories];
        if (Categories.IsEmpty || Categories.Any(c => c.IsDefault))
        {
            throw new PrivacyRequestException("missing-field", "categories", "An incident names at least one affected data category.");
        }

        if (subjects < 0)
        {
            throw new PrivacyRequestException("invalid-field", "subjects", $"The number of affected subjects cannot be negative ({subjects}).");
        }

        Affected = affected is null ? [] : [.. affected];
        Subjects = System.Math.Max(subjects, Affected.Length);
        Unintelligible = unintelligible;
    }

    /// <summary>Gets when the controller became aware of the breach.</summary>
    /// <value>The instant every deadline counts from.</value>
    public Instant AwareAt { get; }

    /// <summary>Gets the data categories affected.</summary>
    /// <value>At least one.</value>
    public ImmutableArray<DataCategoryId> Categories { get; }

    /// <summary>Gets how many data subjects are affected.</summary>
    /// <value>Zero or more; at least the number of <see cref="Affected"/> subjects.</value>
    public int Subjects { get; }

    /// <summary>Gets a value indicating whether the data is unintelligible to others, such as encrypted data whose key is safe.</summary>
    /// <value>False by default.</value>
    public bool Unintelligible { get; }

    /// <summary>Gets the affected subjects the controller can name.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<DataSubject> Affected { get; }

    /// <summary>Gets the controller's reference for the incident, for the incident log.</summary>
    /// <value>Free text such as <c>inc-2026-03-27</c>; null when none was given. Planning ignores it.</value>
    public string? Id { get; init; }

    /// <summary>Gets what happened, in the controller's words, for the incident log.</summary>
    /// <value>Free text; null when none was given. Planning ignores it.</value>
    public string? Description { get; init; }

    /// <inheritdoc/>
    public bool Equals(BreachIncident? other)
        => other is not null
            && AwareAt == other.AwareAt
            && ValueEquality.SequenceEqual(Categories, other.Categories)
            && Subjects == other.Subjects
            && Unintelligible == other.Unintelligible
            && ValueEquality.SequenceEqual(Affected, other.Affected)
            && string.Equals(Id, other.Id, StringComparison.Ordinal)
            && string.Equals(Description, other.Description, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(AwareAt);
        ValueEquality.Add(ref hash, Categories);
        hash.Add(Subjects);
        hash.Add(Unintelligible);
        ValueEquality.Add(ref hash, Affected);
        hash.Add(Id, StringComparer.Ordinal);
        hash.Add(Description, StringComparer.Ordinal);
        return hash.ToHashCode();
    }
}
