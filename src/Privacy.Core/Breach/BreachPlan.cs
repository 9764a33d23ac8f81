using System;
using System.Collections.Immutable;
using NodaTime;
using Privacy.Internal;

namespace Privacy.Breach;

/// <summary>The response to a breach: the risk, the steps with their deadlines, the steps not needed and why, and each subject's notice.</summary>
/// <remarks>Immutable. Equal by value: the arrays compare element by element, in order.</remarks>
/// <param name="Incident">The incident planned for.</param>
/// <param name="Risk">How likely the breach is to harm people.</param>
/// <param name="RiskReason">Why the risk is what it is.</param>
/// <param name="Steps">What to do, in order: <c>contain</c>, then <c>notify-authority</c> and <c>notify-subjects</c> when required.</param>
/// <param name="Skipped">The notification steps not required, each with the reason and its legal basis.</param>
/// <param name="Notices">For <c>notify-subjects</c>: one notice per affected subject the incident names, each checked against the policy.</param>
public sealed record BreachPlan(
    BreachIncident Incident,
    BreachRisk Risk,
    string RiskReason,
    ImmutableArray<BreachStep> Steps,
    ImmutableArray<BreachStep> Skipped,
    ImmutableArray<BreachNotice> Notices)
{
    private readonly DateTimeZone _timeZone = DateTimeZone.Utc;

    /// <summary>Gets the controller's time zone, in which the plan's deadlines are also given as local times.</summary>
    /// <value>The policy's time zone when <see cref="BreachPlanner"/> made the plan; UTC by default.</value>
    /// <exception cref="System.ArgumentNullException">The value set is null.</exception>
    public DateTimeZone TimeZone
    {
        get => _timeZone;
        init => _timeZone = Preconditions.CheckNotNull(value, nameof(value));
    }

    /// <inheritdoc/>
    public bool Equals(BreachPlan? other)
        => other is not null
            && Equals(Incident, other.Incident)
            && Risk == other.Risk
            && string.Equals(RiskReason, other.RiskReason, StringComparison.Ordinal)
            && ValueEquality.SequenceEqual(Steps, other.Steps)
            && ValueEquality.SequenceEqual(Skipped, other.Skipped)
            && ValueEquality.SequenceEqual(Notices, other.Notices)
            && TimeZone.Equals(other.TimeZone);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Incident);
        hash.Add(Risk);
        hash.Add(RiskReason, StringComparer.Ordinal);
        ValueEquality.Add(ref hash, Steps);
        ValueEquality.Add(ref hash, Skipped);
        ValueEquality.Add(ref hash, Notices);
        hash.Add(TimeZone);
        return hash.ToHashCode();
    }
}

/// <summary>One step of a breach response.</summary>
/// <remarks>Immutable. Equal by value: the arrays compare element by element, in order.</remarks>
/// <param name="Id">The step: <c>contain</c>, <c>notify-authority</c> or <c>notify-subjects</c>.</param>
/// <param name="By">The deadline; for a skipped step, the deadline it would have had.</param>
/// <param name="Clauses">The policy clauses that promise the step.</param>
/// <param name="Reason">Why the step is needed, or why it is not.</param>
/// <param name="LegalBasis">The law behind it, such as <c>GDPR art. 33(1)</c>.</param>
public sealed record BreachStep(string Id, Instant By, ImmutableArray<ClauseId> Clauses, string Reason, string LegalBasis)
{
    /// <inheritdoc/>
    public bool Equals(BreachStep? other)
        => other is not null
            && string.Equals(Id, other.Id, StringComparison.Ordinal)
            && By == other.By
            && ValueEquality.SequenceEqual(Clauses, other.Clauses)
            && string.Equals(Reason, other.Reason, StringComparison.Ordinal)
            && string.Equals(LegalBasis, other.LegalBasis, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id, StringComparer.Ordinal);
        hash.Add(By);
        ValueEquality.Add(ref hash, Clauses);
        hash.Add(Reason, StringComparer.Ordinal);
        hash.Add(LegalBasis, StringComparer.Ordinal);
        return hash.ToHashCode();
    }
}

/// <summary>The breach notice for one affected subject.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Channel">Email when an address is on file, otherwise a pop-up at the next visit.</param>
/// <param name="By">When it must have gone out.</param>
/// <param name="Decision">The policy's decision on sending a <c>breach-notice</c> by that channel at the moment of awareness; denied after an erasure request (<c>rights.erasure</c>), permitted after a marketing opt-out.</param>
public sealed record BreachNotice(DataSubject Subject, ChannelId Channel, Instant By, PrivacyDecision Decision)
{
    /// <summary>Gets a value indicating whether the notice may be sent.</summary>
    /// <value>True when <see cref="Decision"/> permits it.</value>
    public bool Send => Decision.IsAllowed;
}
