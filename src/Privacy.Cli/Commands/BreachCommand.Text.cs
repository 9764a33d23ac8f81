using System;
using NodaTime;
using NodaTime.Text;
using Privacy.Breach;

namespace Privacy.Cli.Commands;

/// <content>Writing a breach plan as text; the JSON is the library's (<see cref="Privacy.Serialization.PrivacyJson"/>).</content>
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

    private static void WriteText(CliIO io, BreachPlan plan)
    {
        var zone = plan.TimeZone;
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
