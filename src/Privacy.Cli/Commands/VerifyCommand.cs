using System.CommandLine;
using Privacy.Cli.Json;
using Privacy.Verification;

namespace Privacy.Cli.Commands;

/// <summary><c>privacy verify [--policy POLICY]</c>: checks the engine's invariants on every combination of a policy's finite domain.</summary>
internal static class VerifyCommand
{
    /// <summary>How many counterexamples the output lists; every one is counted.</summary>
    private const int MaxCounterexamples = 100;

    public static Command Create(CliIO io)
    {
        var legacy = CommonOptions.LegacyPolicy("policy");
        var policy = CommonOptions.Policy();
        policy.Description = "The policy to verify: builtin:ismartviewpro-2018 (the default) or the path of a policy document.";
        var format = CommonOptions.JsonOrText();
        var command = new Command(
            "verify",
            "Check the invariants (fail-closed, prohibitions win, explainable, deterministic, consent and opt-out monotone, retention) on every "
            + "category x purpose x recipient x reason x message x channel x condition combination. Exit 0 when all hold, 1 with counterexamples, 64 when the policy cannot be loaded.")
        {
            legacy,
            policy,
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

            var report = PolicyVerifier.Verify(compiled, MaxCounterexamples);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(io, report);
            }
            else
            {
                WriteText(io, report);
            }

            return report.IsSuccessful ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    private static void WriteText(CliIO io, VerificationReport report)
    {
        var o = io.Out;
        foreach (var v in report.Violations)
        {
            o.WriteLine($"{v.Invariant}: {v.Cell}: {v.Decision} -- {v.Message}");
        }

        if (report.ViolationCount > report.Violations.Length)
        {
            o.WriteLine($"... and {report.ViolationCount - report.Violations.Length} more");
        }

        o.WriteLine(report.IsSuccessful
            ? $"{report.PolicyId} {report.Version}: all {PolicyVerifier.Invariants.Length} invariants hold on {report.CellsChecked} combinations."
            : $"{report.PolicyId} {report.Version}: {report.ViolationCount} counterexample(s) in {report.CellsChecked} combinations.");
        o.Flush();
    }

    private static void WriteJson(CliIO io, VerificationReport report)
    {
        io.Out.Flush();
        CliJson.WriteDocument(io.Output, json =>
        {
            json.WriteStartObject();
            json.WriteString("policy", report.PolicyId);
            json.WriteString("version", report.Version);
            json.WriteBoolean("holds", report.IsSuccessful);
            json.WriteNumber("combinations", report.CellsChecked);
            json.WriteNumber("violations", report.ViolationCount);
            json.WriteStartArray("invariants");
            foreach (var name in PolicyVerifier.Invariants)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteStartArray("counterexamples");
            foreach (var v in report.Violations)
            {
                json.WriteStartObject();
                json.WriteString("invariant", v.Invariant);
                SemanticDiffOutput.WriteCell(json, v.Cell);
                json.WriteString("effect", v.Decision.Effect.ToString().ToLowerInvariant());
                json.WriteStartArray("clauses");
                foreach (var clause in v.Decision.Clauses)
                {
                    json.WriteStringValue(clause.Value);
                }

                json.WriteEndArray();
                json.WriteString("message", v.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
