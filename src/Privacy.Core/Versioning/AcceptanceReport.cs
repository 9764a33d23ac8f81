using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using Privacy.Internal;

namespace Privacy.Versioning;

/// <summary>Where each of a set of subjects stands with one policy version at one instant.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class AcceptanceReport
{
    private AcceptanceReport(string version, Instant entryIntoForce, Instant at, ImmutableArray<SubjectAcceptance> subjects)
    {
        Version = version;
        EntryIntoForce = entryIntoForce;
        At = at;
        Subjects = subjects;
    }

    /// <summary>Gets the version asked about.</summary>
    /// <value>Its label.</value>
    public string Version { get; }

    /// <summary>Gets when the version enters into force.</summary>
    /// <value><see cref="Instant.MinValue"/> when the version does not say.</value>
    public Instant EntryIntoForce { get; }

    /// <summary>Gets the instant the report describes.</summary>
    /// <value>Events after it are ignored.</value>
    public Instant At { get; }

    /// <summary>Gets every subject's standing, in the order given.</summary>
    /// <value>One entry per subject.</value>
    public ImmutableArray<SubjectAcceptance> Subjects { get; }

    /// <summary>Gets the subjects bound by the version, by event or by use.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<SubjectAcceptance> Accepted => [.. Subjects.Where(s => s.HasAccepted)];

    /// <summary>Gets the subjects not yet bound by the version: decisions for them that only this version permits are denied.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<SubjectAcceptance> NotAccepted => [.. Subjects.Where(s => !s.HasAccepted)];

    /// <summary>Works out where each subject stands with a version.</summary>
    /// <param name="version">The version's label.</param>
    /// <param name="entryIntoForce">When it enters into force.</param>
    /// <param name="subjects">The subjects.</param>
    /// <param name="at">The instant.</param>
    /// <returns>The report.</returns>
    public static AcceptanceReport Create(string version, Instant entryIntoForce, IEnumerable<DataSubject> subjects, Instant at)
    {
        Preconditions.CheckNotEmpty(version, nameof(version));
        Preconditions.CheckNotNull(subjects, nameof(subjects));
        var entries = subjects.Select(subject =>
        {
            Preconditions.CheckNotNull(subject, nameof(subjects));
            var state = subject.StateAt(at);
            var status = state.HasAccepted(version) ? AcceptanceStatus.AcceptedByEvent
                : state.HasAccepted(version, entryIntoForce) ? AcceptanceStatus.AcceptedByUse
                : state.Notifications.Any(n => n.Key == version) ? AcceptanceStatus.Notified
                : AcceptanceStatus.NotNotified;
            return new SubjectAcceptance(subject, status);
        }).ToImmutableArray();
        return new AcceptanceReport(version, entryIntoForce, at, entries);
    }
}

/// <summary>Where one subject stands with a policy version.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Status">How (or whether) they accepted.</param>
public sealed record SubjectAcceptance(DataSubject Subject, AcceptanceStatus Status)
{
    /// <summary>Gets a value indicating whether the subject is bound by the version.</summary>
    /// <value>True when accepted by event or by use.</value>
    public bool HasAccepted => Status is AcceptanceStatus.AcceptedByEvent or AcceptanceStatus.AcceptedByUse;
}
