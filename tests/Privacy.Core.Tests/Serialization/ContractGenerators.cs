using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Privacy.Breach;
using Privacy.Serialization;
using Privacy.Versioning;

namespace Privacy.Tests.Serialization;

/// <summary>Generators for the contract's result types: any value the types allow, not only what a planner makes.</summary>
internal static class ContractGenerators
{
    private static readonly string[] IdTexts = ["rights.erasure", "security.breach", "a", "personal.email", "legal.obligation-7", "x.y.z"];

    public static readonly Gen<Instant> Instants =
        Gen.Frequency(
            (20, from seconds in Gen.Choose(-2_000_000_000, 2_000_000_000)
                 from nanos in Gen.OneOf(Gen.Constant(0), Gen.Choose(0, 999_999_999))
                 select Instant.FromUnixTimeSeconds(seconds).PlusNanoseconds(nanos)),
            (1, Gen.Elements(Instant.MaxValue, Instant.MinValue, Instant.FromUtc(9999, 12, 31, 23, 0), Instant.FromUtc(1, 1, 1, 0, 0))));

    public static readonly Gen<string> Ids = Gen.Elements(IdTexts);

    /// <summary>Free text: quotes, non-ASCII, line breaks, markup, the empty string.</summary>
    public static readonly Gen<string> Texts = Gen.Elements("r1", "text \"quoted\"", "é ü 漢字", "line\nbreak", "<tag>&", string.Empty);

    public static readonly Gen<string> NonBlankTexts = Gen.Elements("r1", "text \"quoted\"", "é ü 漢字", "line\nbreak", "<tag>&");

    public static readonly Gen<DateTimeZone> Zones =
        Gen.Elements("UTC", "Europe/Oslo", "America/New_York", "Asia/Kolkata", "Pacific/Chatham").Select(id => DateTimeZoneProviders.Tzdb[id]);

    public static Gen<ImmutableArray<T>> Arrays<T>(Func<string, T> parse, int min = 0)
        => from count in Gen.Choose(min, 4)
           from ids in Gen.ArrayOf(Ids, count)
           select ids.Select(parse).ToImmutableArray();

    public static readonly Gen<PrivacyEvent> Events =
        from kind in Gen.Elements(Enum.GetValues<PrivacyEventKind>())
        from at in Instants
        from purpose in Ids
        from recipient in Ids
        from which in Gen.Choose(0, 2)
        from version in Gen.Elements("2018-05", "v2")
        select kind switch
        {
            PrivacyEventKind.ConsentGranted or PrivacyEventKind.ConsentWithdrawn => new PrivacyEvent(
                kind, at, which != 1 ? PurposeId.Parse(purpose) : null, which != 0 ? RecipientId.Parse(recipient) : null),
            PrivacyEventKind.PolicyAccepted or PrivacyEventKind.PolicyNotified => new PrivacyEvent(kind, at, version: version),
            _ => new PrivacyEvent(kind, at),
        };

    public static readonly Gen<DataSubject> Subjects =
        from id in Gen.Elements<string?>(null, "u-1", "u-1", "subject \"7\"", "ü")
        from hasEmail in Gen.Elements(true, false)
        from count in Gen.Choose(0, 3)
        from events in Gen.ArrayOf(Events, count)
        select new DataSubject(id, hasEmail, events);

    public static readonly Gen<BreachIncident> Incidents =
        from awareAt in Instants
        from categories in Arrays(DataCategoryId.Parse, min: 1)
        from subjects in Gen.Choose(0, 100_000)
        from unintelligible in Gen.Elements(true, false)
        from count in Gen.Choose(0, 4)
        from affected in Gen.ArrayOf(Subjects, count)
        from id in Gen.OneOf(Gen.Constant<string?>(null), NonBlankTexts.Select(t => (string?)t))
        from description in Gen.OneOf(Gen.Constant<string?>(null), Texts.Select(t => (string?)t))
        select new BreachIncident(awareAt, categories, subjects, unintelligible, affected) { Id = id, Description = description };

    public static readonly Gen<BreachStep> Steps =
        from id in Gen.Elements("contain", "notify-authority", "notify-subjects", "other \"step\"")
        from deadline in Instants
        from clauses in Arrays(ClauseId.Parse)
        from reason in Texts
        from basis in Texts
        select new BreachStep(id, deadline, clauses, reason, basis);

    public static readonly Gen<BreachPlan> Plans =
        from incident in Incidents
        from risk in Gen.Elements(Enum.GetValues<BreachRisk>())
        from reason in Texts
        from zone in Zones
        from stepCount in Gen.Choose(0, 3)
        from steps in Gen.ArrayOf(Steps, stepCount)
        from skippedCount in Gen.Choose(0, 2)
        from skipped in Gen.ArrayOf(Steps, skippedCount)
        from everyone in Gen.Elements(true, false)
        from told in Gen.ArrayOf(Gen.Elements(true, false), incident.Affected.Length)
        from notices in Gen.CollectToArray(incident.Affected.Where((s, i) => everyone || (told[i] && IsUnique(incident, s))).Select(subject =>
            from channel in Gen.Elements("email", "popup")
            from deadline in Instants
            from send in Gen.Elements(true, false)
            from clauses in Arrays(ClauseId.Parse, min: 1)
            from obligations in Arrays(ObligationId.Parse)
            select new BreachNotice(subject, ChannelId.Parse(channel), deadline, new PrivacyDecision(send ? Effect.Permit : Effect.Deny, clauses, obligations))))
        select new BreachPlan(incident, risk, reason, [.. steps], [.. skipped], [.. notices]) { TimeZone = zone };

    /// <summary>
    /// A notice names its subject by id alone, so a plan that tells only some of the affected people reads back exactly
    /// only when their ids tell them apart; a plan that tells everyone (as the planner's do) always does.
    /// </summary>
    private static bool IsUnique(BreachIncident incident, DataSubject subject) => incident.Affected.Count(s => s.Id == subject.Id) == 1;

    public static readonly Gen<PolicyChange> Changes =
        from kind in Gen.Elements("purpose-added", "rule-removed", "retention-period-changed", "clause-text-changed", "time-zone-changed")
        from path in Gen.Elements("/purposes/marketing.partners", "/rules/logs/purposes", "/clauses/a~1b/text", "/timeZone")
        from old in Gen.OneOf(Gen.Constant<string?>(null), Texts.Select(t => (string?)t))
        from @new in Gen.OneOf(Gen.Constant<string?>(null), Texts.Select(t => (string?)t))
        from significant in Gen.Elements(true, false)
        from reason in NonBlankTexts
        select new PolicyChange(kind, path, old, @new, significant, reason);

    public static readonly Gen<PolicyDiff> Diffs =
        from olderId in Gen.Elements<string?>(null, "ismartviewpro-2018", "é \"policy\"")
        from newerId in Gen.Elements<string?>(null, "ismartviewpro-2018", "other")
        from olderVersion in Texts
        from newerVersion in Texts
        from count in Gen.Choose(0, 5)
        from changes in Gen.ArrayOf(Changes, count)
        select new PolicyDiff(olderId, olderVersion, newerId, newerVersion, [.. changes]);

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, PrivacyJson.Options.GetTypeInfo(typeof(T)));

    public static T FromJson<T>(string json) => (T)JsonSerializer.Deserialize(json, PrivacyJson.Options.GetTypeInfo(typeof(T)))!;
}
