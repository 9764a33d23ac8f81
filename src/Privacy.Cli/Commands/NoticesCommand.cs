using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using NodaTime.Text;
using Privacy.Cli.Json;
using Privacy.Cli.Requests;
using Privacy.Compilation;
using Privacy.Policies;
using Privacy.Versioning;

namespace Privacy.Cli.Commands;

/// <summary><c>privacy notices OLD NEW --at T --input SUBJECTS</c>: who must be told about a significant change, how and by when.</summary>
internal static class NoticesCommand
{
    public static Command Create(CliIO io)
    {
        var older = new Argument<string>("OLD") { Description = "The version in force: builtin:ID or the path of a policy document." };
        var newer = new Argument<string>("NEW") { Description = "The new version, with its entry into force: builtin:ID or the path of a policy document." };
        var at = CommonOptions.At("When the notices would go out");
        var input = CommonOptions.Subjects();
        var format = CommonOptions.JsonOrText();
        var command = new Command("notices", "Plan the notices a significant change needs: per subject the channel, the deadline and whether it may be sent.")
        {
            older,
            newer,
            at,
            input,
            format,
        };
        command.SetAction(parse =>
        {
            var a = PolicyReference.TryLoad(parse.GetValue(older)!, io.Error);
            var b = a is null ? null : PolicyReference.TryLoad(parse.GetValue(newer)!, io.Error);
            if (a is null || b is null)
            {
                return ExitCodes.Usage;
            }

            var path = parse.GetValue(input)!;
            using var stream = CommonOptions.OpenInput(path, io);
            if (stream is null)
            {
                return ExitCodes.NoInput;
            }

            using var reader = new StreamReader(InputFiles.Limit(stream, InputFiles.MaxLinesFileBytes, "The subjects input"), leaveOpen: path == "-");
            return Run(a, b.Policy, parse.GetValue(at)!, reader, parse.GetValue(format)!, io);
        });
        return command;
    }

    /// <summary>Reads the subjects, plans the notices and writes the plan.</summary>
    internal static int Run(CompiledPolicy current, PrivacyPolicy next, string at, TextReader subjectLines, string format, CliIO io)
    {
        ChangeNoticePlan plan;
        try
        {
            var instant = JsonFields.Instant(at, "at");
            var subjects = SubjectLines.Read(subjectLines, current.Vocabulary);
            plan = new ChangeNoticePlanner().Plan(current, next, subjects, instant);
        }
        catch (PrivacyRequestException e)
        {
            io.Error.WriteLine($"privacy: {(e.Field is null ? string.Empty : TextOutput.Escape(e.Field) + ": ")}{TextOutput.Escape(e.Message)}");
            return ExitCodes.BadInput;
        }
        catch (IOException e)
        {
            io.Error.WriteLine($"privacy: cannot read the subjects: {TextOutput.Escape(e.Message)}");
            return ExitCodes.Usage;
        }
        catch (ArgumentException e)
        {
            io.Error.WriteLine($"privacy: {TextOutput.Escape(e.Message)}");
            return ExitCodes.Usage;
        }

        if (format == "json")
        {
            WriteJson(io, plan);
        }
        else
        {
            WriteText(io, plan);
        }

        return ExitCodes.Ok;
    }

    private static string Format(NodaTime.Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static void WriteJson(CliIO io, ChangeNoticePlan plan)
    {
        CliJson.WriteDocument(io.Output, json =>
        {
            json.WriteStartObject();
            json.WriteString("version", plan.Diff.NewerVersion);
            json.WriteBoolean("required", plan.IsRequired);
            if (plan.Deadline is { } deadline)
            {
                json.WriteString("deadline", Format(deadline));
            }
            else
            {
                json.WriteNull("deadline");
            }

            json.WriteBoolean("overdue", plan.IsOverdue);
            json.WriteStartArray("notices");
            foreach (var n in plan.Notices)
            {
                json.WriteStartObject();
                json.WriteStringOrNull("subject", n.Subject.Id);
                json.WriteString("channel", n.Channel.Value);
                json.WriteString("message", n.Message.Value);
                json.WriteString("by", Format(n.Deadline));
                json.WriteBoolean("send", n.Send);
                json.WriteStringArray("clauses", n.Decision.Clauses.Select(c => c.Value));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteText(CliIO io, ChangeNoticePlan plan)
    {
        var o = io.Out;
        if (!plan.IsRequired)
        {
            o.WriteLine($"Version {TextOutput.Escape(plan.Diff.NewerVersion)}: nothing significant changed; no notice is needed.");
            o.Flush();
            return;
        }

        o.WriteLine($"Version {TextOutput.Escape(plan.Diff.NewerVersion)} changes the policy significantly: tell every subject before {Format(plan.Deadline!.Value)}{(plan.IsOverdue ? " (OVERDUE)" : string.Empty)}.");
        foreach (var n in plan.Notices)
        {
            o.WriteLine($"  {TextOutput.Escape(n.Subject.Id ?? "(anonymous)"),-20} {n.Channel.Value,-6} {(n.Send ? "send" : "do not send"),-12} [{string.Join(", ", n.Decision.Clauses)}]");
        }

        o.Flush();
    }
}
