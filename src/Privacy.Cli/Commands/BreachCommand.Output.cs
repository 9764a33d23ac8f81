using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Privacy.Breach;
using Privacy.Cli.Json;

namespace Privacy.Cli.Commands;

/// <content>Writing a breach plan as JSON or text.</content>
internal static partial class BreachCommand
{
    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static string Local(Instant instant, DateTimeZone zone)
    {
        // Near the end of time a local date may fall after the year 9999, which no calendar names: say UTC then.
        var offset = zone.GetUtcOffset(instant);
        return instant > Instant.MaxValue - Duration.FromSeconds(Math.Max(0, offset.Seconds)) || instant < Instant.MinValue + Duration.FromSeconds(Math.Max(0, -offset.Seconds))
            ? Format(instant)
            : OffsetDateTimePattern.ExtendedIso.Format(instant.InZone(zone).ToOffsetDateTime());
    }

    private static string RiskName(BreachRisk risk) => risk switch
    {
        BreachRisk.Unlikely => "unlikely",
        BreachRisk.Risk => "risk",
        _ => "high",
    };

    private static void WriteJson(CliIO io, BreachPlan plan, DateTimeZone zone)
    {
        CliJson.WriteDocument(io.Output, json =>
        {
            json.WriteStartObject();
            json.WriteString("awareAt", Format(plan.Incident.AwareAt));
            json.WriteString("risk", RiskName(plan.Risk));
            json.WriteString("riskReason", plan.RiskReason);
            json.WriteString("timeZone", zone.Id);
            Steps(json, "steps", plan.Steps, zone);
            Steps(json, "skipped", plan.Skipped, zone);
            json.WriteStartArray("notices");
            foreach (var n in plan.Notices)
            {
                json.WriteStartObject();
                json.WriteStringOrNull("subject", n.Subject.Id);
                json.WriteString("channel", n.Channel.Value);
                json.WriteString("by", Format(n.By));
                json.WriteBoolean("send", n.Send);
                json.WriteStringArray("clauses", n.Decision.Clauses.Select(c => c.Value));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void Steps(Utf8JsonWriter json, string name, IEnumerable<BreachStep> steps, DateTimeZone zone)
    {
        json.WriteStartArray(name);
        foreach (var s in steps)
        {
            json.WriteStartObject();
            json.WriteString("id", s.Id);
            json.WriteString("by", Format(s.By));
            json.WriteString("byLocal", Local(s.By, zone));
            json.WriteStringArray("clauses", s.Clauses.Select(c => c.Value));
            json.WriteString("reason", s.Reason);
            json.WriteString("legalBasis", s.LegalBasis);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteText(CliIO io, BreachPlan plan, DateTimeZone zone)
    {
        var o = io.Out;
        o.WriteLine($"Breach response: risk {RiskName(plan.Risk).ToUpperInvariant()} ({plan.RiskReason})");
        o.WriteLine($"Aware at {Format(plan.Incident.AwareAt)} ({Local(plan.Incident.AwareAt, zone)} {zone.Id}); {plan.Incident.Subjects} people; data {(plan.Incident.Unintelligible ? "unintelligible (e.g. encrypted)" : "readable")}.");
        o.WriteLine();
        var n = 1;
        foreach (var s in plan.Steps)
        {
            o.WriteLine($"{n++}. {s.Id,-17} by {Format(s.By)} ({Local(s.By, zone)})  [{string.Join(", ", s.Clauses)}]");
            o.WriteLine($"   {s.Reason} ({s.LegalBasis})");
        }

        if (!plan.Skipped.IsEmpty)
        {
            o.WriteLine();
            o.WriteLine("Not required:");
            foreach (var s in plan.Skipped)
            {
                o.WriteLine($"  {s.Id}: {s.Reason} ({s.LegalBasis})");
            }
        }

        if (!plan.Notices.IsEmpty)
        {
            o.WriteLine();
            o.WriteLine("Notices:");
            foreach (var notice in plan.Notices)
            {
                o.WriteLine($"  {TextOutput.Escape(notice.Subject.Id ?? "(anonymous)"),-20} {notice.Channel.Value,-6} {(notice.Send ? "send" : "do not send"),-12} [{string.Join(", ", notice.Decision.Clauses)}]");
            }
        }

        o.Flush();
    }
}
