using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using Privacy.Compilation;
using Privacy.Policies;

namespace Privacy.Verification;

/// <summary>The finite domain of a compiled policy: subjects for every combination of conditions, and retention situations.</summary>
internal sealed class Domain
{
    /// <summary>The instant every rule decision is asked at.</summary>
    public static readonly Instant At = Instant.FromUtc(2026, 1, 15, 12, 0);

    public const RuleConditions SubjectConditions = RuleConditions.ErasureRequested | RuleConditions.MarketingOptedOut | RuleConditions.Consent;

    private readonly SubjectState[] _states = new SubjectState[8];
    private readonly SubjectFacts[] _facts = new SubjectFacts[8];

    public Domain(CompiledPolicy policy)
    {
        Policy = policy;
        var v = policy.Vocabulary;
        var before = At - Duration.FromDays(1);
        for (var i = 0; i < 8; i++)
        {
            var conditions = Subject(i);
            var events = new List<PrivacyEvent>();
            if ((conditions & RuleConditions.ErasureRequested) != 0)
            {
                events.Add(PrivacyEvent.ErasureRequested(before));
            }

            if ((conditions & RuleConditions.MarketingOptedOut) != 0)
            {
                events.Add(PrivacyEvent.MarketingOptOut(before));
            }

            if ((conditions & RuleConditions.Consent) != 0)
            {
                // Consent to every top-level purpose (which covers the ones below) and every recipient.
                events.AddRange(Enumerable.Range(0, v.Purposes.Count).Where(p => v.Purposes.ParentOf(p) < 0).Select(p => PrivacyEvent.ConsentGranted(new PurposeId(v.Purposes[p]), before)));
                events.AddRange(Enumerable.Range(0, v.Recipients.Count).Select(r => PrivacyEvent.ConsentGranted(new RecipientId(v.Recipients[r]), before)));
            }

            _states[i] = new DataSubject("verifier", hasEmail: true, events).StateAt(At);
            _facts[i] = policy.Fold(_states[i]);
        }

        CollectedAt = [.. Collections(policy.TimeZone)];
    }

    public CompiledPolicy Policy { get; }

    /// <summary>Collection instants the retention checks use: a local month end, the day before a clock change, and a plain day.</summary>
    public ImmutableArray<Instant> CollectedAt { get; }

    /// <summary>Every combination of conditions an action can meet (a message reads no consent).</summary>
    public static IEnumerable<RuleConditions> ConditionsFor(PrivacyAction action)
        => Enumerable.Range(0, 32).Select(i => (RuleConditions)i).Where(c => action != PrivacyAction.Communicate || (c & RuleConditions.Consent) == 0);

    public SubjectState StateFor(RuleConditions conditions) => _states[Index(conditions)];

    public ref readonly SubjectFacts FactsFor(RuleConditions conditions) => ref _facts[Index(conditions)];

    public static RequestContext ContextFor(RuleConditions conditions)
        => new((conditions & RuleConditions.LocationFeatureInUse) != 0, (conditions & RuleConditions.ConfidentialityAgreement) != 0);

    /// <summary>The retention situations: a subject's history relative to the collection instant.</summary>
    public static IEnumerable<(string Name, Func<Instant, DataSubject> Subject, bool Erased)> Situations()
    {
        yield return ("no history", _ => new DataSubject("verifier", true), false);
        yield return ("service used 30 days after collection", c => new DataSubject("verifier", true, [PrivacyEvent.ServiceUsed(c + Duration.FromDays(30))]), false);
        yield return ("account closed 10 days after collection", c => new DataSubject("verifier", true, [PrivacyEvent.AccountClosed(c + Duration.FromDays(10))]), false);
        yield return ("erasure requested a day after collection", c => new DataSubject("verifier", true, [PrivacyEvent.ErasureRequested(c + Duration.FromDays(1))]), true);
        yield return ("legal hold placed at collection", c => new DataSubject("verifier", true, [PrivacyEvent.LegalHoldPlaced(c)]), false);
    }

    private static int Index(RuleConditions conditions)
        => ((conditions & RuleConditions.ErasureRequested) != 0 ? 1 : 0) | ((conditions & RuleConditions.MarketingOptedOut) != 0 ? 2 : 0) | ((conditions & RuleConditions.Consent) != 0 ? 4 : 0);

    private static RuleConditions Subject(int index)
        => ((index & 1) != 0 ? RuleConditions.ErasureRequested : 0) | ((index & 2) != 0 ? RuleConditions.MarketingOptedOut : 0) | ((index & 4) != 0 ? RuleConditions.Consent : 0);

    private static IEnumerable<Instant> Collections(DateTimeZone zone)
    {
        // Noon on the last day of January, local: a month end that later months cannot hold.
        yield return zone.AtLeniently(new LocalDateTime(2026, 1, 31, 12, 0)).ToInstant();

        // The evening before the first clock change of 2026, if the zone has one.
        var change = zone.GetZoneIntervals(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0)).Skip(1).FirstOrDefault();
        if (change is not null && change.HasStart)
        {
            yield return change.Start - Duration.FromHours(6);
        }

        yield return zone.AtLeniently(new LocalDateTime(2026, 6, 10, 9, 30)).ToInstant();
    }
}
