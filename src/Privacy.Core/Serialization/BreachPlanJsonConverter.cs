using System;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using Privacy.Breach;

namespace Privacy.Serialization;

/// <summary>
/// Reads and writes a <see cref="BreachPlan"/> in the shape of <c>privacy breach --format json</c>:
/// <c>awareAt</c>, <c>risk</c>, <c>riskReason</c>, <c>timeZone</c>, <c>steps</c> and <c>skipped</c>
/// (<c>id</c>, <c>by</c>, <c>byLocal</c>, <c>clauses</c>, <c>reason</c>, <c>legalBasis</c>), <c>notices</c>
/// (<c>subject</c>, <c>channel</c>, <c>by</c>, <c>send</c>, <c>clauses</c>, <c>obligations</c> when there are any)
/// and the <c>incident</c> planned for, in the shape <c>privacy breach --input</c> reads.
/// </summary>
/// <remarks>
/// <c>byLocal</c> is <c>by</c> in the plan's time zone (ISO-8601 with the local offset, such as <c>+02</c>) and
/// <c>awareAt</c> the incident's; reading refuses a plan where they disagree. A notice names its subject by id:
/// reading takes that subject, history and all, from the incident's <c>affected</c> list, matching in order (the
/// next subject with that id after the one the previous notice took), and refuses a notice whose subject is not
/// there. Its decision reads back as a permit (<c>send</c>) or a deny with the clauses and obligations given.
/// </remarks>
internal sealed partial class BreachPlanJsonConverter : JsonConverter<BreachPlan>
{
    public override void Write(Utf8JsonWriter writer, BreachPlan value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("awareAt", InstantJsonConverter.Format(value.Incident.AwareAt));
        writer.WriteString("risk", RiskName(value.Risk));
        writer.WriteString("riskReason", value.RiskReason);
        writer.WriteString("timeZone", value.TimeZone.Id);
        WriteSteps(writer, "steps", value.Steps, value.TimeZone);
        WriteSteps(writer, "skipped", value.Skipped, value.TimeZone);
        writer.WriteStartArray("notices");
        foreach (var notice in value.Notices)
        {
            writer.WriteStartObject();
            if (notice.Subject.Id is { } id)
            {
                writer.WriteString("subject", id);
            }
            else
            {
                writer.WriteNull("subject");
            }

            writer.WriteString("channel", notice.Channel.Value);
            writer.WriteString("by", InstantJsonConverter.Format(notice.By));
            writer.WriteBoolean("send", notice.Send);
            JsonFieldReader.WriteStrings(writer, "clauses", notice.Decision.Clauses, c => c.Value);
            if (!notice.Decision.Obligations.IsDefaultOrEmpty)
            {
                writer.WriteStartArray("obligations");
                foreach (var obligation in notice.Decision.Obligations)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", obligation.Value);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("incident");
        BreachIncidentJsonConverter.WriteIncident(writer, value.Incident, options);
        writer.WriteEndObject();
    }

    /// <summary>
    /// An instant in a time zone as ISO-8601 with the local offset (<c>2026-03-30T13:00:00+02</c>); in UTC with
    /// <c>Z</c> where the local date would fall outside the years a calendar names (near the end of time).
    /// </summary>
    internal static string Local(Instant instant, DateTimeZone zone)
    {
        var offset = zone.GetUtcOffset(instant);
        return instant > Instant.MaxValue - Duration.FromSeconds(Math.Max(0, offset.Seconds)) || instant < Instant.MinValue + Duration.FromSeconds(Math.Max(0, -offset.Seconds))
            ? InstantJsonConverter.Format(instant)
            : OffsetDateTimePattern.ExtendedIso.Format(instant.InZone(zone).ToOffsetDateTime());
    }

    internal static string RiskName(BreachRisk risk) => risk switch
    {
        BreachRisk.Unlikely => "unlikely",
        BreachRisk.Risk => "risk",
        BreachRisk.High => "high",
        _ => throw new JsonException($"{(int)risk} is not a breach risk."),
    };

    private static BreachRisk ParseRisk(string text, string field) => text switch
    {
        "unlikely" => BreachRisk.Unlikely,
        "risk" => BreachRisk.Risk,
        "high" => BreachRisk.High,
        _ => throw new JsonException($"'{field}' is unlikely, risk or high; found '{text}'."),
    };

    private static void WriteSteps(Utf8JsonWriter writer, string name, ImmutableArray<BreachStep> steps, DateTimeZone zone)
    {
        writer.WriteStartArray(name);
        foreach (var step in steps)
        {
            writer.WriteStartObject();
            writer.WriteString("id", step.Id);
            writer.WriteString("by", InstantJsonConverter.Format(step.By));
            writer.WriteString("byLocal", Local(step.By, zone));
            JsonFieldReader.WriteStrings(writer, "clauses", step.Clauses, c => c.Value);
            writer.WriteString("reason", step.Reason);
            writer.WriteString("legalBasis", step.LegalBasis);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
