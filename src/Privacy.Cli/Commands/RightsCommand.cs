using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using Privacy.Cli.Json;
using Privacy.Cli.Requests;
using Privacy.Compilation;
using Privacy.Rights;

namespace Privacy.Cli.Commands;

/// <summary><c>privacy rights access|erase|rectify|opt-out</c>: plan a data-subject request record by record.</summary>
internal static class RightsCommand
{
    /// <summary>The environment variable that holds the key contact addresses are hashed with.</summary>
    public const string KeyVariable = "PRIVACY_SUPPRESSION_KEY";

    /// <summary>The environment variable that holds the key's id, carried by each suppression entry; derived from the key when unset.</summary>
    public const string KeyIdVariable = "PRIVACY_SUPPRESSION_KEY_ID";

    public static Command Create(CliIO io)
    {
        var command = new Command("rights", "Plan the answer to a data-subject request from the subject's history and the stored records.");
        command.Subcommands.Add(Create(io, "access", RightKind.Access, "What is held about the subject, for which purposes, who received it, until when and why."));
        command.Subcommands.Add(Create(io, "erase", RightKind.Erasure, "For every record: delete by when, or keep on which ground until when; plus a suppression entry."));
        command.Subcommands.Add(Create(io, "rectify", RightKind.Rectification, "When corrections must reach active stores and backups."));
        command.Subcommands.Add(Create(io, "opt-out", RightKind.MarketingOptOut, "Which messages and purposes stop, what continues, from when."));
        return command;
    }

    private static Command Create(CliIO io, string name, RightKind right, string description)
    {
        var policy = CommonOptions.Policy();
        var subject = new Option<string>("--subject") { Description = "The subject as JSON: { \"id\", \"hasEmail\", \"events\": [...] } as in a decide request.", Required = true, HelpName = "FILE" };
        var records = new Option<string>("--records") { Description = "The stored records as JSON Lines: { \"id\", \"category\", \"collectedAt\", \"purposes\"?, \"disclosedTo\"?, \"grounds\"? }.", Required = true, HelpName = "FILE|-" };
        var at = new Option<string?>("--at") { Description = "When the request was received (ISO-8601 with offset); now by default.", HelpName = "INSTANT" };
        var format = CommonOptions.JsonOrText();
        var command = new Command(name, description) { policy, subject, records, at, format };
        Option<string[]>? contact = null;
        if (right == RightKind.Erasure)
        {
            contact = new Option<string[]>("--contact")
            {
                Description = $"A contact address to suppress (repeatable); hashed with the key in ${KeyVariable}, never written out.",
                HelpName = "ADDRESS",
                AllowMultipleArgumentsPerToken = false,
            };
            command.Options.Add(contact);
        }

        command.SetAction(parse =>
        {
            var compiled = PolicyReference.TryLoad(parse.GetValue(policy)!, io.Error);
            if (compiled is null)
            {
                return ExitCodes.Usage;
            }

            Instant receivedAt;
            try
            {
                receivedAt = parse.GetValue(at) is { } text ? JsonFields.Instant(text, "--at") : Now();
            }
            catch (PrivacyRequestException e)
            {
                io.Error.WriteLine($"privacy: {TextOutput.Escape(e.Message)}");
                return ExitCodes.Usage;
            }

            var contacts = contact is null ? [] : parse.GetValue(contact) ?? [];
            ContactHasher? hasher = null;
            if (contacts.Length > 0)
            {
                var key = Environment.GetEnvironmentVariable(KeyVariable);
                if (string.IsNullOrEmpty(key) || Encoding.UTF8.GetByteCount(key) < ContactHasher.MinimumKeyLength)
                {
                    io.Error.WriteLine($"privacy: --contact needs a suppression key of at least {ContactHasher.MinimumKeyLength} bytes in ${KeyVariable}, to hash the address with.");
                    return ExitCodes.Usage;
                }

                hasher = ContactHasher.FromText(key, Environment.GetEnvironmentVariable(KeyIdVariable) is { Length: > 0 } keyId ? keyId : null);
            }

            DataSubject dataSubject;
            try
            {
                dataSubject = ReadSubject(parse.GetValue(subject)!, compiled);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                io.Error.WriteLine($"privacy: cannot read subject '{TextOutput.Escape(parse.GetValue(subject))}': {TextOutput.Escape(e.Message)}");
                return ExitCodes.NoInput;
            }
            catch (PrivacyRequestException e)
            {
                io.Error.WriteLine($"privacy: the subject is invalid ({e.Code}{(e.Field is null ? string.Empty : $" in '{TextOutput.Escape(e.Field)}'")}): {TextOutput.Escape(e.Message)}");
                return ExitCodes.BadInput;
            }

            var stream = CommonOptions.OpenInput(parse.GetValue(records)!, io);
            if (stream is null)
            {
                return ExitCodes.NoInput;
            }

            List<StoredRecord> stored;
            List<RecordProblem> unreadable;
            using (stream)
            {
                try
                {
                    (stored, unreadable) = ReadRecords(InputFiles.Limit(stream, InputFiles.MaxLinesFileBytes, "The records input"), compiled);
                }
                catch (IOException e)
                {
                    io.Error.WriteLine($"privacy: cannot read records: {TextOutput.Escape(e.Message)}");
                    return ExitCodes.Usage;
                }
            }

            var plan = new RightsPlanner(compiled, hasher: hasher).Plan(right, dataSubject, stored, receivedAt, contacts);
            var problems = unreadable.Concat(plan.Problems).ToList();
            if (parse.GetValue(format) == "text")
            {
                PlanText.Write(io.Out, plan, dataSubject, problems);
            }
            else
            {
                PlanJson.Write(io.Output, plan, dataSubject, problems);
            }

            return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return command;
    }

#pragma warning disable RS0030 // The command line's default instant is the machine's clock; the engine itself never reads it.
    private static Instant Now() => SystemClock.Instance.GetCurrentInstant();
#pragma warning restore RS0030

    private static DataSubject ReadSubject(string path, CompiledPolicy policy)
    {
        var json = InputFiles.ReadText(path, InputFiles.MaxDocumentBytes);
        JsonScan.Require(json, "subject.");
        SubjectDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, CliJsonContext.Default.SubjectDocument);
        }
        catch (JsonException e)
        {
            throw new PrivacyRequestException("malformed-json", e.Path is null or "$" ? null : "subject" + e.Path.TrimStart('$'), $"The subject file is not a valid subject object: {e.Message}");
        }

        return JsonFields.Subject(document ?? new SubjectDocument(), policy.Vocabulary, "subject");
    }

    /// <summary>Reads every record line; a line that cannot be read becomes a problem, and the others are still read.</summary>
    private static (List<StoredRecord> Records, List<RecordProblem> Problems) ReadRecords(Stream input, CompiledPolicy policy)
    {
        var records = new List<StoredRecord>();
        var problems = new List<RecordProblem>();
        using var reader = new StreamReader(input, new UTF8Encoding(false), true, 1 << 16, leaveOpen: true);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string? id = null;
            try
            {
                if (line.Length > InputFiles.MaxLineChars)
                {
                    throw new PrivacyRequestException("line-too-long", null, $"Line {lineNumber} is {line.Length} characters long; a record line may have at most {InputFiles.MaxLineChars}.");
                }

                if (JsonScan.Find(Encoding.UTF8.GetBytes(line), string.Empty, out id) is { } finding)
                {
                    throw new PrivacyRequestException(finding.Code, finding.Field, finding.Message);
                }

                var d = JsonSerializer.Deserialize(line, CliJsonContext.Default.RecordDocument)
                    ?? throw new PrivacyRequestException("malformed-json", null, $"Line {lineNumber} is 'null'; each line is one record object.");
                id = d.Id;
                JsonFields.RejectUnknown(d.Unknown, string.Empty);
                var v = policy.Vocabulary;
                records.Add(new StoredRecord(
                    JsonFields.RequiredId(d.Id, "id"),
                    new DataCategoryId(v.Categories[v.Categories.GetIndex(d.Category, "category")]),
                    JsonFields.Instant(d.CollectedAt, "collectedAt"),
                    d.Purposes?.Select((p, i) => new PurposeId(v.Purposes[v.Purposes.GetIndex(p, $"purposes[{i}]")])),
                    d.DisclosedTo?.Select((r, i) => new RecipientId(v.Recipients[v.Recipients.GetIndex(r, $"disclosedTo[{i}]")])),
                    d.Grounds?.Select((g, i) => new RetentionGroundId(v.Grounds[v.Grounds.GetIndex(g, $"grounds[{i}]")]))));
            }
            catch (JsonException e)
            {
                problems.Add(new RecordProblem(id, "malformed-json", e.Path is null or "$" ? null : e.Path.TrimStart('$', '.'), $"Line {lineNumber} is not a valid record: {e.Message}"));
            }
            catch (PrivacyRequestException e)
            {
                problems.Add(new RecordProblem(id, e.Code, e.Field, $"Line {lineNumber}: {e.Message}"));
            }
        }

        return (records, problems);
    }
}
