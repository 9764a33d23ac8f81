using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using Privacy.Internal;

namespace Privacy;

/// <summary>
/// A data subject as the policy sees them: an optional id, whether an email address is on
/// file, and their privacy history.
/// </summary>
/// <remarks>
/// Immutable and equal by value. The order of <see cref="Events"/> never matters to a decision;
/// see <see cref="StateAt(Instant)"/>.
/// </remarks>
public sealed class DataSubject : IEquatable<DataSubject>
{
    /// <summary>Creates a data subject.</summary>
    /// <param name="id">The host's id for the subject, or null when anonymous.</param>
    /// <param name="hasEmail">Whether the controller holds an email address for the subject.</param>
    /// <param name="events">The subject's privacy history, in any order.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or <paramref name="events"/> holds null.</exception>
    public DataSubject(string? id = null, bool hasEmail = false, IEnumerable<PrivacyEvent>? events = null)
    {
        if (id is not null)
        {
            Preconditions.CheckNotEmpty(id, nameof(id));
        }

        var history = events?.ToImmutableArray() ?? ImmutableArray<PrivacyEvent>.Empty;
        Preconditions.CheckArgument(!history.Contains(null!), nameof(events), "A subject's history cannot hold null events.");
        Id = id;
        HasEmail = hasEmail;
        Events = history;
    }

    /// <summary>Gets a subject with no id, no email address and no history.</summary>
    /// <value>The anonymous subject.</value>
    public static DataSubject Anonymous { get; } = new();

    /// <summary>Gets the host's id for the subject.</summary>
    /// <value>Null when the subject is anonymous.</value>
    public string? Id { get; }

    /// <summary>Gets a value indicating whether the controller holds an email address for the subject.</summary>
    /// <value>False by default.</value>
    public bool HasEmail { get; }

    /// <summary>Gets the subject's privacy history, in the order given.</summary>
    /// <value>Possibly empty; never default.</value>
    public ImmutableArray<PrivacyEvent> Events { get; }

    /// <summary>Returns a copy of this subject with one more event.</summary>
    /// <param name="privacyEvent">The event to add.</param>
    /// <returns>The copy.</returns>
    public DataSubject WithEvent(PrivacyEvent privacyEvent)
        => new(Id, HasEmail, Events.Add(Preconditions.CheckNotNull(privacyEvent, nameof(privacyEvent))));

    /// <summary>Folds the history into the subject's state at an instant.</summary>
    /// <param name="at">The instant; events after it are ignored.</param>
    /// <returns>The state.</returns>
    public SubjectState StateAt(Instant at) => Events.IsEmpty ? SubjectState.Empty(at, HasEmail) : SubjectState.Fold(Events, at, HasEmail);

    /// <inheritdoc/>
    public bool Equals(DataSubject? other)
        => other is not null
            && string.Equals(Id, other.Id, StringComparison.Ordinal)
            && HasEmail == other.HasEmail
            && Events.SequenceEqual(other.Events);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DataSubject);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, HasEmail, Events.Length);
}
