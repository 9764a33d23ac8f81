using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Privacy.Cli.Requests;
using Privacy.Compilation;
using Privacy.Versioning;

namespace Privacy.Cli.Commands;

/// <summary><c>privacy acceptance POLICY --at T --input SUBJECTS</c>: who is bound by a policy version, and how.</summary>
internal static class AcceptanceCommand
{
    public static Command Create(CliIO io)
    {
        var policy = new Argument<string>("POLICY") { Description = "The version asked about, with its version label and entry into force: builtin:ID or the path of a policy document." };
        var at = new Option<string>("--at") { Description = "The instant to ask about, ISO-8601 with offset; later events are ignored.", Required = true, HelpName = "INSTANT" };
        var input = new Option<string>("--input", "-i")
        {
            Description = "The subjects, JSON Lines: one subject a line, like a request's subject; '-' (the default) reads standard input.",
            DefaultValueFactory = _ => "-",
            HelpName = "FILE|-",
        };
        var format = CommonOptions.Format("json", "text");
        var command = new Command("acceptance", "Say which subjects have accepted a policy version, by event or by use after notice, and which have not.")
        {
            policy,
            at,
            input,
            format,
        };
        command.SetAction(parse =>
        {
            var compiled = PolicyReference.TryLoad(parse.GetValue(policy)!, io.Error);
            if (compiled is null)
            {
                return ExitCodes.Usage;
            }

            var path = parse.GetValue(input)!;
            using var stream = CommonOptions.OpenInput(path, io);
            if (stream is null)
            {
                return ExitCodes.Usage;
            }

            using var reader = new StreamReader(stream, leaveOpen: path == "-");
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
            io.Error.WriteLine($"privacy: {(e.Field is null ? string.Empty : e.Field + ": ")}{e.Message}");
            return ExitCodes.BadInput;
        }

        if (format == "json")
        {
            using (var json = new Utf8JsonWriter(io.Output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
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
                    if (s.Subject.Id is null)
                    {
                        json.WriteNull("subject");
                    }
                    else
                    {
                        json.WriteString("subject", s.Subject.Id);
                    }

                    json.WriteBoolean("accepted", s.HasAccepted);
                    json.WriteString("status", StatusName(s.Status));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            io.Output.WriteByte((byte)'\n');
            io.Output.Flush();
        }
        else
        {
            var o = io.Out;
            o.WriteLine($"Version {report.Version}: {report.Accepted.Length} accepted, {report.NotAccepted.Length} not yet, at {InstantPattern.ExtendedIso.Format(report.At)}.");
            foreach (var s in report.Subjects.OrderBy(s => s.HasAccepted))
            {
                o.WriteLine($"  {s.Subject.Id ?? "(anonymous)",-20} {StatusName(s.Status)}");
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
