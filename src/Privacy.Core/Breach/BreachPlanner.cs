using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Privacy.Compilation;
using Privacy.Internal;

namespace Privacy.Breach;

/// <summary>
/// The standard <see cref="IBreachPlanner"/>: GDPR articles 33 and 34 applied to the policy's
/// categories and rules.
/// </summary>
/// <remarks>
/// <para>Risk: only non-personal data is <see cref="BreachRisk.Unlikely"/>; any personal, sensitive
/// or device-local category is a <see cref="BreachRisk.Risk"/>; a sensitive category, or an
/// identity or contact category (<see cref="BreachPlannerOptions.IdentityAndContact"/>) of at least
/// <see cref="BreachPlannerOptions.LargeScale"/> subjects, is <see cref="BreachRisk.High"/>.</para>
/// <para>Steps: <c>contain</c> at once (by the moment of awareness); <c>notify-authority</c> within
/// 72 hours unless the risk is unlikely (art. 33(1)); <c>notify-subjects</c> without undue delay
/// (72 hours by default) whenever personal data leaked (the risk is not unlikely), as the policy
/// promises its users, not only when the risk is high as art. 34(1) requires; the risk sets the
/// urgency and the reason. The only exemption is data that was unintelligible, such as encrypted
/// (art. 34(3)(a)). Deadlines are exact elapsed durations from the instant of awareness.</para>
/// <para>Each notice to a named subject is decided by the policy as a <c>breach-notice</c> message at
/// the moment of awareness: after an erasure request it is denied and reported with
/// <see cref="BreachNotice.Send"/> false and the deciding clause.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class BreachPlanner : IBreachPlanner
{
    /// <summary>Creates a planner.</summary>
    /// <param name="options">The thresholds and deadlines; the defaults when null.</param>
    public BreachPlanner(BreachPlannerOptions? options = null) => Options = options ?? new BreachPlannerOptions();

    /// <summary>Gets the thresholds and deadlines applied.</summary>
    /// <value>The options given, or the defaults.</value>
    public BreachPlannerOptions Options { get; }

    /// <inheritdoc/>
    public BreachPlan Plan(BreachIncident incident, CompiledPolicy policy)
    {
        Preconditions.CheckNotNull(incident, nameof(incident));
        Preconditions.CheckNotNull(policy, nameof(policy));
        var classes = new List<(DataCategoryId Id, DataClass Class)>();
        for (var i = 0; i < incident.Categories.Length; i++)
        {
            var index = policy.Vocabulary.Categories.GetIndex(incident.Categories[i].Value, $"categories[{i}]");
            classes.Add((incident.Categories[i], policy.Vocabulary.ClassOf(index)));

            // A parent category covers its children: their classes count too ("personal" may hold sensitive children).
            for (var c = 0; c < policy.Vocabulary.Categories.Count; c++)
            {
                if (c != index && policy.Vocabulary.Categories.IsWithin(c, index))
                {
                    classes.Add((new DataCategoryId(policy.Vocabulary.Categories[c]), policy.Vocabulary.ClassOf(c)));
                }
            }
        }

        var (risk, riskReason) = Assess(incident, classes);
        var breach = Cited(policy, Options.BreachClauses);
        var contain = new BreachStep(
            "contain",
            incident.AwareAt,
            Cited(policy, Options.BreachClauses.AddRange(Options.ContainClauses)),
            "Stop the leak, assess what was exposed and cover the damage, at once.",
            "GDPR art. 32 and art. 33(3)(d)");
        var authority = new BreachStep(
            "notify-authority",
            EndOfTime.Add(incident.AwareAt, Options.AuthorityDeadline),
            breach,
            risk == BreachRisk.Unlikely
                ? "Not required: the breach is unlikely to result in a risk to people (only non-personal data); record it internally."
                : $"Tell the supervisory authority within {Options.AuthorityDeadline.TotalHours:0} hours of awareness: {riskReason}.",
            "GDPR art. 33(1)");
        var subjectsBy = EndOfTime.Add(incident.AwareAt, Options.SubjectDeadline);

        // The policy promises to tell the people whose personal data leaked, whatever the risk; GDPR
        // art. 34(1) demands it only for a high risk. The risk sets the urgency and the reason given;
        // data that was unintelligible to the recipient (art. 34(3)(a)) is the only exemption.
        var subjectsRequired = risk != BreachRisk.Unlikely && !incident.Unintelligible;
        var subjects = new BreachStep(
            "notify-subjects",
            subjectsBy,
            breach,
            subjectsRequired
                ? risk == BreachRisk.High
                    ? $"Tell the affected people at once, with priority, and within {Options.SubjectDeadline.TotalHours:0} hours: high risk, {riskReason}."
                    : $"Tell the affected people without undue delay (within {Options.SubjectDeadline.TotalHours:0} hours), as the policy promises: {riskReason}."
                : risk == BreachRisk.Unlikely
                    ? "Not required: only non-personal data leaked, so no one's personal data was exposed."
                    : "Not required: the data is unintelligible to anyone not authorised to read it (for example encrypted, with the key safe).",
            subjectsRequired
                ? risk == BreachRisk.High ? "GDPR art. 34(1)" : "The policy's promise (security.breach); GDPR art. 34(1) requires it for a high risk"
                : risk == BreachRisk.Unlikely ? "GDPR art. 34(1)" : "GDPR art. 34(3)(a)");

        var steps = ImmutableArray.CreateBuilder<BreachStep>();
        var skipped = ImmutableArray.CreateBuilder<BreachStep>();
        steps.Add(contain);
        (risk == BreachRisk.Unlikely ? skipped : steps).Add(authority);
        (subjectsRequired ? steps : skipped).Add(subjects);

        var notices = subjectsRequired
            ? incident.Affected.Select(subject =>
            {
                var channel = subject.HasEmail ? Options.Email : Options.Popup;
                var decision = policy.Decide(new CommunicateRequest(Options.Message, channel, incident.AwareAt), subject.StateAt(incident.AwareAt));
                return new BreachNotice(subject, channel, subjectsBy, decision);
            }).ToImmutableArray()
            : [];
        return new BreachPlan(incident, risk, riskReason, steps.ToImmutable(), skipped.ToImmutable(), notices) { TimeZone = policy.TimeZone };
    }

    private (BreachRisk Risk, string Reason) Assess(BreachIncident incident, List<(DataCategoryId Id, DataClass Class)> classes)
    {
        var sensitive = classes.Where(c => c.Class == DataClass.Sensitive).Select(c => c.Id.Value).Distinct().ToList();
        if (sensitive.Count > 0)
        {
            return (BreachRisk.High, $"special categories of data leaked ({string.Join(", ", sensitive)})");
        }

        var personal = classes.Where(c => c.Class != DataClass.NonPersonal).Select(c => c.Id).Distinct().ToList();
        if (personal.Count == 0)
        {
            return (BreachRisk.Unlikely, "only non-personal data leaked");
        }

        var identity = personal.Where(p => Options.IdentityAndContact.Any(i => p.IsWithin(i) || i.IsWithin(p))).Select(p => p.Value).ToList();
        if (identity.Count > 0 && incident.Subjects >= Options.LargeScale)
        {
            return (BreachRisk.High, $"identity or contact data ({string.Join(", ", identity)}) of {incident.Subjects} people, at least {Options.LargeScale}");
        }

        return (BreachRisk.Risk, $"personal data leaked ({string.Join(", ", personal.Select(p => p.Value).Take(5))}{(personal.Count > 5 ? ", …" : string.Empty)})");
    }

    private static ImmutableArray<ClauseId> Cited(CompiledPolicy policy, ImmutableArray<ClauseId> clauses)
        => [.. clauses.Where(c => policy.Policy.Clauses.Any(p => p.Id == c)).Distinct()];
}
