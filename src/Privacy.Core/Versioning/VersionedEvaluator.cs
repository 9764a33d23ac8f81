using System;
using System.Linq;
using NodaTime;
using Privacy.Compilation;
using Privacy.Internal;

namespace Privacy.Versioning;

/// <summary>
/// An <see cref="IPrivacyEvaluator"/> over several versions of a policy: each decision uses the
/// version in force for that subject at the request's instant.
/// </summary>
/// <remarks>
/// <para>A subject bound by the latest version in force (see <see cref="PolicyVersionSet"/>) is
/// decided by it alone. For a subject not yet bound by it, a request is permitted only when both the
/// latest version and the subject's <see cref="PolicyVersionSet.BoundVersion"/> permit it: a use
/// that only the new version permits is denied until the subject accepts it (the denial cites the
/// old version's clauses and, when the policy has it, the acceptance clause), and a use the new
/// version no longer permits stops at once, for everyone. A request naming an id only the new
/// version knows is denied for such a subject, citing the old version's default clause; a request
/// naming an id the version in force no longer knows, from a subject whose version knows it, is
/// denied too (data of a dropped category is due for deletion at once), citing the version in
/// force's default clause. An id no version of the two knows stays an error. For retention the
/// more protective answer wins: a deletion over a retention, an earlier deadline
/// over a later one.</para>
/// <para>Pure and thread-safe.</para>
/// </remarks>
public sealed class VersionedEvaluator : IPrivacyEvaluator
{
    private readonly ClauseId _acceptanceClause;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="versions">The versions.</param>
    /// <param name="acceptanceClause">The clause a denial cites when the subject has not accepted the version that would permit; cited only when the latest version has it. <c>changes.acceptance</c> by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="versions"/> is null.</exception>
    public VersionedEvaluator(PolicyVersionSet versions, string acceptanceClause = "changes.acceptance")
    {
        Versions = Preconditions.CheckNotNull(versions, nameof(versions));
        _acceptanceClause = new ClauseId(acceptanceClause);
    }

    /// <summary>Gets the versions this evaluator chooses from.</summary>
    /// <value>The version set.</value>
    public PolicyVersionSet Versions { get; }

    /// <inheritdoc/>
    public string PolicyId => Versions.PolicyId;

    /// <inheritdoc/>
    public PrivacyDecision Decide(in CollectRequest request, SubjectState? subject)
    {
        var r = request;
        return Decide(PrivacyAction.Collect, request.At, subject, v => v.Decide(r, subject));
    }

    /// <inheritdoc/>
    public PrivacyDecision Decide(in UseRequest request, SubjectState? subject)
    {
        var r = request;
        return Decide(PrivacyAction.Use, request.At, subject, v => v.Decide(r, subject));
    }

    /// <inheritdoc/>
    public PrivacyDecision Decide(in DiscloseRequest request, SubjectState? subject)
    {
        var r = request;
        return Decide(PrivacyAction.Disclose, request.At, subject, v => v.Decide(r, subject));
    }

    /// <inheritdoc/>
    public PrivacyDecision Decide(in CommunicateRequest request, SubjectState? subject)
    {
        var r = request;
        return Decide(PrivacyAction.Communicate, request.At, subject, v => v.Decide(r, subject));
    }

    /// <inheritdoc/>
    public PrivacyDecision Decide(in RetainRequest request, SubjectState? subject)
    {
        var r = request;
        return Decide(PrivacyAction.Retain, request.At, subject, v => v.Decide(r, subject));
    }

    /// <summary>The version that decides for a subject, as a host would log it.</summary>
    /// <param name="subject">The subject's state at the decision's instant.</param>
    /// <returns>The latest version in force, and the version the subject is bound by (the same when they accepted the latest).</returns>
    public (CompiledPolicy Latest, CompiledPolicy Bound) VersionsFor(SubjectState subject)
    {
        Preconditions.CheckNotNull(subject, nameof(subject));
        return (Versions.LatestInForce(subject.At), Versions.BoundVersion(subject));
    }

    private PrivacyDecision Decide(PrivacyAction action, Instant at, SubjectState? subject, Func<CompiledPolicy, PrivacyDecision> decide)
    {
        // A subject with no history has accepted nothing: bound by the earliest version.
        var latest = Versions.LatestInForce(at);
        var bound = Versions.BoundVersion(subject ?? SubjectState.Empty(at));
        if (ReferenceEquals(bound, latest))
        {
            return decide(latest);
        }

        PrivacyDecision current;
        try
        {
            current = decide(latest);
        }
        catch (PrivacyRequestException)
        {
            // An id the version in force no longer knows: denied when the subject's own version knows it, an error otherwise.
            var before = decide(bound);
            return new PrivacyDecision(action == PrivacyAction.Retain ? Effect.Delete : Effect.Deny, [latest.Policy.DefaultDenials[action]], deadline: action == PrivacyAction.Retain ? (before.Deadline is { } d && d < at ? d : at) : null);
        }

        PrivacyDecision old;
        try
        {
            old = decide(bound);
        }
        catch (PrivacyRequestException)
        {
            // The request names something only the newer version knows: the subject never agreed to it.
            return Cite(latest, new PrivacyDecision(action == PrivacyAction.Retain ? Effect.Delete : Effect.Deny, [bound.Policy.DefaultDenials[action]], deadline: action == PrivacyAction.Retain ? at : null));
        }

        if (action == PrivacyAction.Retain)
        {
            return MoreProtective(old, current) ? Cite(latest, old) : current;
        }

        return current.IsAllowed && !old.IsAllowed ? Cite(latest, old) : current;
    }

    // Lower is more protective: a deletion before a retention, an earlier deadline before a later one.
    private static bool MoreProtective(PrivacyDecision a, PrivacyDecision b)
    {
        var (ea, eb) = (a.Effect == Effect.Delete ? 0 : 1, b.Effect == Effect.Delete ? 0 : 1);
        return ea != eb ? ea < eb : (a.Deadline ?? Instant.MaxValue) < (b.Deadline ?? Instant.MaxValue);
    }

    private PrivacyDecision Cite(CompiledPolicy latest, PrivacyDecision decision)
        => latest.Policy.Clauses.Any(c => c.Id == _acceptanceClause) && !decision.Clauses.Contains(_acceptanceClause)
            ? new PrivacyDecision(decision.Effect, decision.Clauses.Add(_acceptanceClause), decision.Obligations, decision.Deadline, decision.Grounds)
            : decision;
}
