using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Privacy.Cli.Json;

/// <summary>Writes a rights plan for a person to read.</summary>
internal static class PlanText
{
    public static void Write(TextWriter o, RightsPlan plan, DataSubject subject, IReadOnlyList<RecordProblem> problems)
    {
        o.WriteLine($"{PlanJson.RightName(plan.Right)} request{(subject.Id is { } id ? $" from {TextOutput.Escape(id)}" : string.Empty)}, received {Instant(plan.ReceivedAt)}");
        o.WriteLine($"  Respond by {Instant(plan.RespondBy)} (with notice of an extension: {Instant(plan.ExtendedRespondBy)}); {string.Join(", ", plan.Clauses)}");
        o.WriteLine();
        foreach (var item in plan.Items)
        {
            var when = item.Deadline is { } d
                ? (item.Action is PlanAction.Delete or PlanAction.Rectify ? $" by {Instant(d)}" : $" until {Instant(d)}")
                : item.Action is PlanAction.Retain or PlanAction.Held or PlanAction.Restrict ? " (no deadline runs yet)" : string.Empty;
            o.WriteLine($"  {TextOutput.Escape(item.Record)} ({item.Category}): {PlanJson.ActionName(item.Action).ToUpperInvariant()}{when}");
            if (item.BackupsBy is { } backups)
            {
                o.WriteLine($"    backups by {Instant(backups)}");
            }

            if (!item.Grounds.IsEmpty)
            {
                o.WriteLine($"    grounds: {string.Join(", ", item.Grounds)}");
            }

            if (!item.Purposes.IsEmpty)
            {
                o.WriteLine($"    {(plan.Right == RightKind.Access ? "purposes" : "stops")}: {string.Join(", ", item.Purposes)}");
            }

            if (!item.Recipients.IsEmpty)
            {
                o.WriteLine($"    received by: {string.Join(", ", item.Recipients)}");
            }

            o.WriteLine($"    because: {string.Join(", ", item.Clauses)}");
        }

        foreach (var problem in problems)
        {
            o.WriteLine($"  {(problem.Record is null ? "(no id)" : TextOutput.Escape(problem.Record))}: cannot plan ({problem.Code}{(problem.Field is null ? string.Empty : $" in '{TextOutput.Escape(problem.Field)}'")}): {TextOutput.Escape(problem.Message)}");
        }

        foreach (var entry in plan.Suppressions)
        {
            o.WriteLine($"  suppress {entry.Hash} (key {entry.KeyId ?? "unnamed"}) from {Instant(entry.Since)}: no message of any kind, on any channel");
        }

        if (plan.OptOut is { } optOut)
        {
            o.WriteLine($"  From {Instant(optOut.From)} on {string.Join(", ", optOut.Channels)}:");
            o.WriteLine($"    stops: {string.Join(", ", optOut.StoppedMessages.Select(m => m.Value).Concat(optOut.StoppedPurposes.Select(p => p.Value)))}");
            o.WriteLine($"    continues: {string.Join(", ", optOut.ContinuingMessages)}");
        }

        o.Flush();
    }

    private static string Instant(NodaTime.Instant instant) => DecisionWriter.FormatInstant(instant);
}
