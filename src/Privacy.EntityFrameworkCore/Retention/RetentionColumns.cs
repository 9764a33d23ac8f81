using System;
using System.Linq.Expressions;
using NodaTime;

namespace Privacy.EntityFrameworkCore;

/// <summary>
/// Where a retention sweep finds, on an entity, what the policy's retention rules need: when the
/// data was collected, its category and claimed ground, and the facts about its subject.
/// </summary>
/// <typeparam name="TRecord">The entity type swept.</typeparam>
/// <remarks>
/// Each selector is a member access the database provider can translate, through navigations if
/// need be (<c>clip =&gt; clip.Account.ErasureRequestedAt</c>). A subject fact left out is taken as
/// absent: no erasure request, no legal hold, no recorded activity, no account closure.
/// </remarks>
public sealed class RetentionColumns<TRecord>
    where TRecord : class
{
    /// <summary>Creates the mapping.</summary>
    /// <param name="collectedAt">When the record's data was collected.</param>
    public RetentionColumns(Expression<Func<TRecord, Instant>> collectedAt)
    {
        ArgumentNullException.ThrowIfNull(collectedAt);
        CollectedAt = collectedAt;
    }

    /// <summary>Gets when the record's data was collected.</summary>
    /// <value>A selector of an <see cref="Instant"/> column.</value>
    public Expression<Func<TRecord, Instant>> CollectedAt { get; }

    /// <summary>Gets the column that holds each record's category.</summary>
    /// <value>Null when the entity type has one category for every row (<c>HasPrivacyCategory</c> on the entity).</value>
    public Expression<Func<TRecord, string>>? Category { get; init; }

    /// <summary>Gets the column that holds the retention ground claimed for the record, such as <c>statutory-obligation</c>.</summary>
    /// <value>Null when no record claims a ground.</value>
    public Expression<Func<TRecord, string?>>? Ground { get; init; }

    /// <summary>Gets when the record's subject asked for erasure.</summary>
    /// <value>Null to take it as never.</value>
    public Expression<Func<TRecord, Instant?>>? ErasureRequestedAt { get; init; }

    /// <summary>Gets whether a legal hold stands on the record's subject.</summary>
    /// <value>Null to take it as never.</value>
    public Expression<Func<TRecord, bool>>? UnderLegalHold { get; init; }

    /// <summary>Gets the record's subject's last activity, for rules counted from it.</summary>
    /// <value>Null to take it as never recorded.</value>
    public Expression<Func<TRecord, Instant?>>? LastActivityAt { get; init; }

    /// <summary>Gets when the record's subject closed their account, for rules counted from it.</summary>
    /// <value>Null to take it as never.</value>
    public Expression<Func<TRecord, Instant?>>? AccountClosedAt { get; init; }
}
