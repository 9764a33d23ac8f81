using System;
using System.Collections.Immutable;
using NodaTime;
using Privacy.Internal;

namespace Privacy.Breach;

/// <summary>The thresholds and deadlines a <see cref="BreachPlanner"/> applies.</summary>
/// <remarks>Immutable. Equal by value: the arrays compare element by element, in order.</remarks>
public sealed record BreachPlannerOptions
{
    /// <summary>Gets how long after awareness the supervisory authority must be told.</summary>
    /// <value>72 hours, as GDPR art. 33(1) sets; exact elapsed time, so a daylight-saving change does not move it.</value>
    public Duration AuthorityDeadline { get; init; } = Duration.FromHours(72);

    /// <summary>Gets what "without undue delay" means for telling the subjects.</summary>
    /// <value>72 hours after awareness, the same as the authority, so people hear no later than the regulator.</value>
    public Duration SubjectDeadline { get; init; } = Duration.FromHours(72);

    /// <summary>Gets from how many affected subjects a leak of identity or contact data is a high risk.</summary>
    /// <value>1,000 subjects.</value>
    public int LargeScale { get; init; } = 1000;

    /// <summary>Gets the categories that identify or reach a person; leaked at <see cref="LargeScale"/>, they are a high risk. A category within one of these (or containing one) counts.</summary>
    /// <value>The built-in policy's <c>personal.name</c>, <c>personal.address</c>, <c>personal.email</c> and <c>personal.contact</c>.</value>
    public ImmutableArray<DataCategoryId> IdentityAndContact { get; init; } =
        [new("personal.name"), new("personal.address"), new("personal.email"), new("personal.contact")];

    /// <summary>Gets the clauses every step cites, when the policy has them.</summary>
    /// <value><c>security.breach</c>.</value>
    public ImmutableArray<ClauseId> BreachClauses { get; init; } = [new("security.breach")];

    /// <summary>Gets the clauses the containment step cites besides <see cref="BreachClauses"/>, when the policy has them.</summary>
    /// <value><c>security.measures</c>.</value>
    public ImmutableArray<ClauseId> ContainClauses { get; init; } = [new("security.measures")];

    /// <summary>Gets the message kind of a breach notice.</summary>
    /// <value><c>breach-notice</c>.</value>
    public MessageKindId Message { get; init; } = new("breach-notice");

    /// <summary>Gets the channel for subjects with an email address.</summary>
    /// <value><c>email</c>.</value>
    public ChannelId Email { get; init; } = new("email");

    /// <summary>Gets the channel for the others, shown at their next visit.</summary>
    /// <value><c>popup</c>.</value>
    public ChannelId Popup { get; init; } = new("popup");

    /// <inheritdoc/>
    public bool Equals(BreachPlannerOptions? other)
        => other is not null
            && AuthorityDeadline == other.AuthorityDeadline
            && SubjectDeadline == other.SubjectDeadline
            && LargeScale == other.LargeScale
            && ValueEquality.SequenceEqual(IdentityAndContact, other.IdentityAndContact)
            && ValueEquality.SequenceEqual(BreachClauses, other.BreachClauses)
            && ValueEquality.SequenceEqual(ContainClauses, other.ContainClauses)
            && Message == other.Message
            && Email == other.Email
            && Popup == other.Popup;

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(AuthorityDeadline);
        hash.Add(SubjectDeadline);
        hash.Add(LargeScale);
        ValueEquality.Add(ref hash, IdentityAndContact);
        ValueEquality.Add(ref hash, BreachClauses);
        ValueEquality.Add(ref hash, ContainClauses);
        hash.Add(Message);
        hash.Add(Email);
        hash.Add(Popup);
        return hash.ToHashCode();
    }
}
