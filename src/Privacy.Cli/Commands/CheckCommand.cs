using System;
using System.Collections.Immutable;
using System.CommandLine;
using System.IO;
using System.Linq;
using Privacy.Cli.Json;
using Privacy.Analysis;
using Privacy.BuiltIn;
using Privacy.Policies;

namespace Privacy.Cli.Commands;

/// <summary><c>privacy check PATH</c>: static analysis of a policy document, for CI.</summary>
internal static class CheckCommand
{
    public static Command Create(CliIO io)
    {
        var legacy = CommonOptions.LegacyPolicy("policy");
        var policy = CommonOptions.Policy();
        policy.Description = "The policy document to check: builtin:ismartviewpro-2018 (the default) or the path of a policy document.";
        var format = CommonOptions.JsonOrText();
        var command = new Command(
            "check",
            "Analyse a policy document without running it: contradictions, rules that never apply, permissions on sensitive data, "
            + "categories without retention, unused purposes, gaps. Exit 0 when no error finding, 1 when any, 64 when the document cannot be read.")
        {
            policy,
            legacy,
            format,
        };
        command.SetAction(parse =>
        {
            var reference = CommonOptions.PolicyValue(parse, policy, legacy, io);
            if (reference is null)
            {
                return ExitCodes.Usage;
            }

            ImmutableArray<PolicyFinding> findings;
            string policyId;
            try
            {
                if (BuiltInPolicies.IsBuiltInReference(reference))
                {
                    if (!PolicyReference.TryGetBuiltIn(reference, io.Error, out var builtIn))
                    {
                        return ExitCodes.Usage;
                    }

                    policyId = builtIn.Id;
                    findings = PolicyAnalyzer.Default.Analyze(builtIn);
                }
                else
                {
                    Stream stream;
                    try
                    {
                        stream = InputFiles.Open(reference);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        io.Error.WriteLine($"privacy: cannot read policy document '{TextOutput.Escape(reference)}': {TextOutput.Escape(e.Message)}");
                        return ExitCodes.Usage;
                    }

                    using (stream)
                    {
                        try
                        {
                            findings = PolicyAnalyzer.Default.AnalyzeDocument(stream);
                        }
                        catch (IOException e)
                        {
                            io.Error.WriteLine($"privacy: cannot read policy document '{TextOutput.Escape(reference)}': {TextOutput.Escape(e.Message)}");
                            return ExitCodes.Usage;
                        }
                    }

                    policyId = reference;
                }
            }
            catch (PolicyValidationException e)
            {
                PolicyReference.WriteProblems(reference, e, io.Error);
                return ExitCodes.Usage;
            }

            if (parse.GetValue(format) == "json")
            {
                WriteJson(io, policyId, findings);
            }
            else
            {
                WriteText(io, findings);
            }

            return findings.Any(f => f.Severity == FindingSeverity.Error) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static string Severity(FindingSeverity s) => s.ToString().ToLowerInvariant();

    private static void WriteText(CliIO io, ImmutableArray<PolicyFinding> findings)
    {
        foreach (var f in findings)
        {
            var about = (f.RuleId, f.Clause) switch
            {
                (null, null) => string.Empty,
                (null, { } c) => $" [clause {c}]",
                ({ } r, null) => $" [rule {r}]",
                ({ } r, { } c) => $" [rule {r}, clause {c}]",
            };
            io.Out.WriteLine($"{Severity(f.Severity)} {(f.Path.Length == 0 ? "/" : TextOutput.Escape(f.Path))}: {TextOutput.Escape(f.Message)} ({f.Code}){about}");
        }

        io.Out.WriteLine(Summary(findings));
        io.Out.Flush();
    }

    private static string Summary(ImmutableArray<PolicyFinding> findings)
    {
        int Count(FindingSeverity s) => findings.Count(f => f.Severity == s);
        return $"{Count(FindingSeverity.Error)} error(s), {Count(FindingSeverity.Warning)} warning(s), {Count(FindingSeverity.Info)} info";
    }

    private static void WriteJson(CliIO io, string policy, ImmutableArray<PolicyFinding> findings)
    {
        io.Out.Flush();
        CliJson.WriteDocument(io.Output, json =>
        {
            json.WriteStartObject();
            json.WriteString("policy", policy);
            json.WriteNumber("errors", findings.Count(f => f.Severity == FindingSeverity.Error));
            json.WriteNumber("warnings", findings.Count(f => f.Severity == FindingSeverity.Warning));
            json.WriteNumber("info", findings.Count(f => f.Severity == FindingSeverity.Info));
            json.WriteStartArray("findings");
            foreach (var f in findings)
            {
                json.WriteStartObject();
                json.WriteString("severity", Severity(f.Severity));
                json.WriteString("code", f.Code);
                json.WriteString("path", f.Path);
                if (f.RuleId is { } rule)
                {
                    json.WriteString("rule", rule);
                }

                if (f.Clause is { } clause)
                {
                    json.WriteString("clause", clause.Value);
                }

                json.WriteString("message", f.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
