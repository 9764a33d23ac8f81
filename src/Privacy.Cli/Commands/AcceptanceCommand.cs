using System.CommandLine;
using System.IO;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using Privacy.Cli.Json;
using Privacy.Cli.Requests;
using Privacy.Compilation;
using Privacy.Versioning;

namespace Privacy.Cli.Commands;

/// <summary><c>privacy acceptance POLICY --at T --input SUBJECTS</c>: who is bound by a policy version, and how.</summary>
internal static class AcceptanceCommand
{
    public static Command Create(CliIO io)
    {
        var legacy = CommonOptions.LegacyPolicy("POLICY");
        var policy = CommonOptions.Policy();
        policy.Description = "The version asked about, with its version label and entry into force: builtin:ismartviewpro-2018 (the default) or the path of a policy document.";
        var at = CommonOptions.At("The instant to ask about (later events are ignored)");
        var input = CommonOptions.Subjects();
        var format = CommonOptions.JsonOrText();
        var command = new Command("acceptance", "Say which subjects have accepted a policy version, by event or by use after notice, and which have not.")
        {
            policy,
            legacy,
            at,
            input,
            format,
        };
        command.SetAction(parse =>
        {
            var reference = CommonOptions.PolicyValue(parse, policy, legacy, io);
            var compiled = reference is null ? null : PolicyReference.TryLoad(reference, io.Error);
            if (compiled is null)
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
            return Run(compiled, parse.GetValue(at)!, reader, parse.GetValue(format)!, io);
        });
        return command;
    }

    /// <summary>Reads the subjects and writes where each stands with the policy's version.</summary>
    internal static int Run(CompiledPolicy version, string at, TextReader subjectLines, string format, CliIO io)
    {
        AcceptanceReport report;
        try
        {
            var instant = JsonFields.Instant(at, "at");
            report = AcceptanceReport.Create(version.Policy.Version, PolicyVersionSet.EntryIntoForce(version), SubjectLines.Read(subjectLines, version.Vocabulary), instant);
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

        if (format == "json")
        {
            CliJson.WriteDocument(io.Output, json =>
            {
                json.WriteStartObject();
                json.WriteString("version", report.Version);
                if (report.EntryIntoForce == Instant.MinValue)
                {
                    json.WriteNull("entryIntoForce");
                }
                else
                {
                    json.WriteString("entryIntoForce", InstantPattern.ExtendedIso.Format(report.EntryIntoForce));
                }

                json.WriteString("at", InstantPattern.ExtendedIso.Format(report.At));
                json.WriteNumber("accepted", report.Accepted.Length);
                json.WriteNumber("notAccepted", report.NotAccepted.Length);
                json.WriteStartArray("subjects");
                foreach (var s in report.Subjects)
                {
                    json.WriteStartObject();
                    json.WriteStringOrNull("subject", s.Subject.Id);
                    json.WriteBoolean("accepted", s.HasAccepted);
                    json.WriteString("status", StatusName(s.Status));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            });
        }
        else
        {
            var o = io.Out;
            o.WriteLine($"Version {TextOutput.Escape(report.Version)}: {report.Accepted.Length} accepted, {report.NotAccepted.Length} not yet, at {InstantPattern.ExtendedIso.Format(report.At)}.");
            foreach (var s in report.Subjects.OrderBy(s => s.HasAccepted))
            {
                o.WriteLine($"  {TextOutput.Escape(s.Subject.Id ?? "(anonymous)"),-20} {StatusName(s.Status)}");
            }

            o.Flush();
        }

        return ExitCodes.Ok;
    }

    private static string StatusName(AcceptanceStatus status) => status switch
    {
        AcceptanceStatus.AcceptedByEvent => "accepted-by-event",
        AcceptanceStatus.AcceptedByUse => "accepted-by-use",
        AcceptanceStatus.Notified => "notified",
        _ => "not-notified",
    };
}
