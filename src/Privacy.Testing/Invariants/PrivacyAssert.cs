using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Privacy.Testing.Generators;

namespace Privacy.Testing.Invariants;

/// <summary>
/// Oracle assertions: what the policy says about a request, checked against what the host did.
/// Each throws <see cref="PrivacyAssertionException"/> with the decision and its clauses.
/// </summary>
public static class PrivacyAssert
{
    /// <summary>Asserts that a decision permits (or retains).</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="what">What was asked, for the message.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="PrivacyAssertionException">The decision denies or deletes.</exception>
    public static PrivacyDecision Permitted(PrivacyDecision decision, string? what = null)
        => decision.IsAllowed ? decision : throw new PrivacyAssertionException($"Expected a permit{About(what)}, but the policy decided {decision}.");

    /// <summary>Asserts that the policy permits a request for a subject.</summary>
    /// <param name="policy">The policy (or the host's evaluator).</param>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="PrivacyAssertionException">The policy denies.</exception>
    public static PrivacyDecision Permitted(IPrivacyEvaluator policy, PolicyRequest request, DataSubject subject)
        => Permitted(Decide(policy, request, subject), $"{request} for {subject?.Id}");

    /// <summary>Asserts that a decision denies (or deletes).</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="what">What was asked, for the message.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="PrivacyAssertionException">The decision permits or retains.</exception>
    public static PrivacyDecision Denied(PrivacyDecision decision, string? what = null)
        => !decision.IsAllowed ? decision : throw new PrivacyAssertionException($"Expected a denial{About(what)}, but the policy decided {decision}.");

    /// <summary>Asserts that the policy denies a request for a subject.</summary>
    /// <param name="policy">The policy (or the host's evaluator).</param>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="PrivacyAssertionException">The policy permits.</exception>
    public static PrivacyDecision Denied(IPrivacyEvaluator policy, PolicyRequest request, DataSubject subject)
        => Denied(Decide(policy, request, subject), $"{request} for {subject?.Id}");

    /// <summary>Asserts that a decision cites a clause.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="clause">The clause id.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="PrivacyAssertionException">The clause is not cited.</exception>
    public static PrivacyDecision Cites(PrivacyDecision decision, string clause)
        => decision.Clauses.Any(c => c.Value == clause) ? decision : throw new PrivacyAssertionException($"Expected the decision to cite '{clause}', but it is {decision}.");

    /// <summary>
    /// Asserts that a host acted on a permit only: the policy permits every action the host took.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="performed">What the host did, as requests, each with its subject.</param>
    /// <exception cref="PrivacyAssertionException">Some action was not permitted; the message lists every one.</exception>
    public static void OnlyPermitted(IPrivacyEvaluator policy, IEnumerable<(PolicyRequest Request, DataSubject Subject)> performed)
    {
        ArgumentNullException.ThrowIfNull(performed);
        var denied = performed.Select(p => (p.Request, p.Subject, Decision: Decide(policy, p.Request, p.Subject))).Where(p => !p.Decision.IsAllowed).ToList();
        if (denied.Count > 0)
        {
            throw new PrivacyAssertionException($"The host did {denied.Count} thing(s) the policy does not permit: "
                + string.Join("; ", denied.Select(d => $"{d.Request} for {d.Subject.Id}: {d.Decision}")));
        }
    }

    /// <summary>
    /// Asserts that a deletion job deleted exactly the records the policy says are due at an instant:
    /// every due record deleted, and no record deleted that the policy says to keep.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="subject">The records' subject.</param>
    /// <param name="records">Every record the job looked at.</param>
    /// <param name="at">When the job ran.</param>
    /// <param name="deletedIds">The ids of the records the job deleted.</param>
    /// <exception cref="PrivacyAssertionException">A due record was kept or a kept record deleted; the message lists every one.</exception>
    public static void DeletedExactlyTheDueRecords(IPrivacyEvaluator policy, DataSubject subject, IEnumerable<StoredRecord> records, Instant at, IEnumerable<string> deletedIds)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(deletedIds);
        var deleted = deletedIds.ToHashSet(StringComparer.Ordinal);
        var state = subject.StateAt(at);
        var wrong = new List<string>();
        foreach (var record in records)
        {
            var decision = policy.Decide(new RetainRequest(record.Category, record.CollectedAt, at, record.Grounds), state);
            if (decision.Effect == Effect.Delete && !deleted.Contains(record.Id))
            {
                wrong.Add($"{record.Id} ({record.Category}, collected {record.CollectedAt}) is due ({decision}) but was kept");
            }
            else if (decision.Effect != Effect.Delete && deleted.Contains(record.Id))
            {
                wrong.Add($"{record.Id} ({record.Category}, collected {record.CollectedAt}) was deleted but the policy keeps it ({decision})");
            }
        }

        if (wrong.Count > 0)
        {
            throw new PrivacyAssertionException($"At {at}: {string.Join("; ", wrong)}.");
        }
    }

    /// <summary>
    /// Asserts that every message the host sent was asked about first through a recording gate, for
    /// that subject, kind and channel, and permitted.
    /// </summary>
    /// <param name="gate">The gate the host used.</param>
    /// <param name="sent">The messages the host sent: subject id, kind, channel.</param>
    /// <exception cref="PrivacyAssertionException">A message left without a permit; the message lists every one.</exception>
    public static void NoMessageWithoutPermit(RecordingPrivacyGate gate, IEnumerable<(string? SubjectId, MessageKindId Message, ChannelId Channel)> sent)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(sent);
        var calls = gate.Calls;
        var unpermitted = sent.Where(s => !calls.Any(c => c.Action == PrivacyAction.Communicate && c.SubjectId == s.SubjectId && c.Message == s.Message && c.Channel == s.Channel && c.Decision.Effect == Effect.Permit)).ToList();
        if (unpermitted.Count > 0)
        {
            throw new PrivacyAssertionException($"{unpermitted.Count} message(s) left without a permit: "
                + string.Join("; ", unpermitted.Select(u => $"{u.Message} by {u.Channel} to {u.SubjectId ?? "(no id)"}: {Asked(calls, u)}")));
        }
    }

    private static string Asked(IEnumerable<GateCall> calls, (string? SubjectId, MessageKindId Message, ChannelId Channel) sent)
        => calls.LastOrDefault(c => c.Action == PrivacyAction.Communicate && c.SubjectId == sent.SubjectId && c.Message == sent.Message && c.Channel == sent.Channel) is { } call
            ? $"the gate answered {call.Decision}"
            : "the gate was never asked";

    private static PrivacyDecision Decide(IPrivacyEvaluator policy, PolicyRequest request, DataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(subject);
        return request.Decide(policy, subject);
    }

    private static string About(string? what) => what is null ? string.Empty : $" for {what}";
}
