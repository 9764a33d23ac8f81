using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using NodaTime;
using Privacy.Breach;

namespace Privacy.Serialization;

/// <content>Reading a breach plan, and checking that its parts agree: local deadlines, the instant of awareness, the notices' subjects.</content>
internal sealed partial class BreachPlanJsonConverter
{
    public override BreachPlan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonFieldReader.RequireStartObject(ref reader, "breach plan");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Instant awareAt = default;
        var risk = BreachRisk.High;
        string riskReason = string.Empty, zoneId = string.Empty;
        var steps = ImmutableArray<StepRead>.Empty;
        var skipped = ImmutableArray<StepRead>.Empty;
        var notices = ImmutableArray<NoticeRead>.Empty;
        BreachIncident? incident = null;
        while (JsonFieldReader.NextProperty(ref reader, seen, string.Empty, out var name))
        {
            switch (name)
            {
                case "awareAt":
                    awareAt = JsonFieldReader.Instant(ref reader, name);
                    break;
                case "risk":
                    risk = ParseRisk(JsonFieldReader.String(ref reader, name), name);
                    break;
                case "riskReason":
                    riskReason = JsonFieldReader.String(ref reader, name);
                    break;
                case "timeZone":
                    zoneId = JsonFieldReader.String(ref reader, name);
                    break;
                case "steps":
                    steps = JsonFieldReader.Objects(ref reader, name, options, ReadStep);
                    break;
                case "skipped":
                    skipped = JsonFieldReader.Objects(ref reader, name, options, ReadStep);
                    break;
                case "notices":
                    notices = JsonFieldReader.Objects(ref reader, name, options, ReadNotice);
                    break;
                case "incident":
                    incident = BreachIncidentJsonConverter.ReadIncident(ref reader, "incident.");
                    break;
                default:
                    throw JsonFieldReader.Unknown(string.Empty, name);
            }
        }

        foreach (var required in (ReadOnlySpan<string>)["awareAt", "risk", "riskReason", "timeZone", "steps", "skipped", "notices", "incident"])
        {
            JsonFieldReader.Require(seen, string.Empty, required);
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw new JsonException($"'timeZone' is not a time zone id of the IANA database: '{zoneId}'.");
        if (awareAt != incident!.AwareAt)
        {
            throw new JsonException("'awareAt' differs from 'incident.awareAt'; a plan counts its deadlines from the incident's instant of awareness.");
        }

        return new BreachPlan(incident, risk, riskReason, Steps(steps, zone), Steps(skipped, zone), Notices(notices, incident))
        {
            TimeZone = zone,
        };
    }

    private static ImmutableArray<BreachStep> Steps(ImmutableArray<StepRead> steps, DateTimeZone zone)
    {
        foreach (var step in steps)
        {
            if (step.ByLocal != Local(step.Step.By, zone))
            {
                throw new JsonException($"'{step.Prefix}byLocal' is not '{step.Prefix}by' in the plan's time zone {zone.Id} ({Local(step.Step.By, zone)}).");
            }
        }

        return [.. steps.Select(s => s.Step)];
    }

    private static ImmutableArray<BreachNotice> Notices(ImmutableArray<NoticeRead> notices, BreachIncident incident)
    {
        // Each notice names one of the incident's affected subjects; the planner lists them in the incident's order.
        var affected = incident.Affected;
        var used = new bool[affected.Length];
        var next = 0;
        var result = ImmutableArray.CreateBuilder<BreachNotice>(notices.Length);
        foreach (var notice in notices)
        {
            var match = -1;
            for (var n = 0; n < affected.Length && match < 0; n++)
            {
                var i = (next + n) % affected.Length;
                if (!used[i] && affected[i].Id == notice.Subject)
                {
                    match = i;
                }
            }

            if (match < 0)
            {
                throw new JsonException($"'{notice.Prefix}subject' is not one of the incident's affected subjects (or another notice already names it).");
            }

            used[match] = true;
            next = match + 1;
            var decision = new PrivacyDecision(notice.Send ? Effect.Permit : Effect.Deny, notice.Clauses, notice.Obligations);
            result.Add(new BreachNotice(affected[match], notice.Channel, notice.By, decision));
        }

        return result.MoveToImmutable();
    }

    private static StepRead ReadStep(ref Utf8JsonReader reader, string prefix, JsonSerializerOptions options)
    {
        RequireObject(ref reader, prefix);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string id = string.Empty, byLocal = string.Empty, reason = string.Empty, legalBasis = string.Empty;
        Instant by = default;
        var clauses = ImmutableArray<ClauseId>.Empty;
        while (JsonFieldReader.NextProperty(ref reader, seen, prefix, out var name))
        {
            var field = prefix + name;
            switch (name)
            {
                case "id":
                    id = JsonFieldReader.String(ref reader, field);
                    break;
                case "by":
                    by = JsonFieldReader.Instant(ref reader, field);
                    break;
                case "byLocal":
                    byLocal = JsonFieldReader.String(ref reader, field);
                    break;
                case "clauses":
                    clauses = JsonFieldReader.Strings(ref reader, field, ClauseId.Parse);
                    break;
                case "reason":
                    reason = JsonFieldReader.String(ref reader, field);
                    break;
                case "legalBasis":
                    legalBasis = JsonFieldReader.String(ref reader, field);
                    break;
                default:
                    throw JsonFieldReader.Unknown(prefix, name);
            }
        }

        foreach (var required in (ReadOnlySpan<string>)["id", "by", "byLocal", "clauses", "reason", "legalBasis"])
        {
            JsonFieldReader.Require(seen, prefix, required);
        }

        return new StepRead(new BreachStep(id, by, clauses, reason, legalBasis), byLocal, prefix);
    }

    private static NoticeRead ReadNotice(ref Utf8JsonReader reader, string prefix, JsonSerializerOptions options)
    {
        RequireObject(ref reader, prefix);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? subject = null;
        ChannelId channel = default;
        Instant by = default;
        var send = false;
        var clauses = ImmutableArray<ClauseId>.Empty;
        var obligations = ImmutableArray<ObligationId>.Empty;
        while (JsonFieldReader.NextProperty(ref reader, seen, prefix, out var name))
        {
            var field = prefix + name;
            switch (name)
            {
                case "subject":
                    subject = JsonFieldReader.NullableString(ref reader, field);
                    break;
                case "channel":
                    channel = JsonFieldReader.Id(JsonFieldReader.String(ref reader, field), field, ChannelId.Parse);
                    break;
                case "by":
                    by = JsonFieldReader.Instant(ref reader, field);
                    break;
                case "send":
                    send = JsonFieldReader.Boolean(ref reader, field);
                    break;
                case "clauses":
                    clauses = JsonFieldReader.Strings(ref reader, field, ClauseId.Parse);
                    break;
                case "obligations":
                    obligations = JsonFieldReader.Objects(ref reader, field, options, ReadObligation);
                    break;
                default:
                    throw JsonFieldReader.Unknown(prefix, name);
            }
        }

        foreach (var required in (ReadOnlySpan<string>)["subject", "channel", "by", "send", "clauses"])
        {
            JsonFieldReader.Require(seen, prefix, required);
        }

        if (clauses.IsEmpty)
        {
            throw new JsonException($"'{prefix}clauses' is empty; a notice's decision cites at least one clause.");
        }

        return new NoticeRead(subject, channel, by, send, clauses, obligations, prefix);
    }

    private static ObligationId ReadObligation(ref Utf8JsonReader reader, string prefix, JsonSerializerOptions options)
    {
        RequireObject(ref reader, prefix);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ObligationId id = default;
        while (JsonFieldReader.NextProperty(ref reader, seen, prefix, out var name))
        {
            id = name == "id"
                ? JsonFieldReader.Id(JsonFieldReader.String(ref reader, prefix + name), prefix + name, ObligationId.Parse)
                : throw JsonFieldReader.Unknown(prefix, name);
        }

        JsonFieldReader.Require(seen, prefix, "id");
        return id;
    }

    private static void RequireObject(ref Utf8JsonReader reader, string prefix)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"'{prefix.TrimEnd('.')}' is a JSON object; found {reader.TokenType}.");
        }
    }

    private readonly record struct StepRead(BreachStep Step, string ByLocal, string Prefix);

    private readonly record struct NoticeRead(
        string? Subject, ChannelId Channel, Instant By, bool Send, ImmutableArray<ClauseId> Clauses, ImmutableArray<ObligationId> Obligations, string Prefix);
}
