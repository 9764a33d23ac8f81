using System.CommandLine;
using System.Linq;
using Privacy.Cli.Json;
using Privacy.Compilation;

namespace Privacy.Cli.Commands;

/// <summary><c>privacy explain</c>: the same requests as <c>decide</c>, answered for a person.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliIO io)
        => RequestLoop.CreateCommand(
            "explain",
            "Explain decisions for a person: the effect, each deciding clause with its summary, the obligations.",
            io,
            (compiled, stream) =>
            {
                var number = 0;
                var clean = RequestLoop.Run(
                    stream,
                    compiled,
                    (string? id, PrivacyRequest request, in PrivacyDecision decision) => Write(io, compiled, ++number, id, request, decision),
                    (id, error) =>
                    {
                        io.Out.WriteLine($"{Label(++number, id)}: cannot decide ({error.Code}{(error.Field is null ? string.Empty : $" in '{TextOutput.Escape(error.Field)}'")})");
                        io.Out.WriteLine($"  {TextOutput.Escape(error.Message)}");
                        io.Out.WriteLine();
                    });
                io.Out.Flush();
                return clean;
            });

    private static void Write(CliIO io, CompiledPolicy policy, int number, string? id, PrivacyRequest request, in PrivacyDecision decision)
    {
        var verdict = decision.Effect switch
        {
            Effect.Permit => "PERMIT",
            Effect.Deny => "DENY",
            Effect.Retain => decision.Deadline is { } until ? $"RETAIN until {DecisionWriter.FormatInstant(until)}" : "RETAIN (no deadline runs yet)",
            _ => decision.Deadline is { } by ? $"DELETE by {DecisionWriter.FormatInstant(by)}" : "DELETE",
        };
        io.Out.WriteLine($"{Label(number, id)}: {verdict}  ({Describe(request)})");
        io.Out.WriteLine("  Decided by:");
        foreach (var clause in decision.Clauses)
        {
            var summary = policy.Policy.Clauses.FirstOrDefault(c => c.Id == clause)?.Summary ?? string.Empty;
            io.Out.WriteLine($"    {clause}: {TextOutput.Escape(summary)}");
        }

        if (!decision.Grounds.IsEmpty)
        {
            io.Out.WriteLine($"  Retention grounds: {string.Join(", ", decision.Grounds)}");
        }

        if (decision.Obligations.IsEmpty)
        {
            io.Out.WriteLine("  Obligations: none");
        }
        else
        {
            io.Out.WriteLine("  Obligations:");
            foreach (var obligation in decision.Obligations)
            {
                var text = policy.Policy.Obligations.FirstOrDefault(o => o.Id == obligation)?.Description ?? string.Empty;
                io.Out.WriteLine($"    {obligation}: {TextOutput.Escape(text)}");
            }
        }

        io.Out.WriteLine();
    }

    private static string Label(int number, string? id) => id is null ? $"request {number}" : TextOutput.Escape(id);

    private static string Describe(PrivacyRequest r) => r switch
    {
        { CollectRequest: { } c } => $"collect {c.Category} for {c.Purpose}",
        { UseRequest: { } u } => $"use {u.Category} for {u.Purpose}",
        { DiscloseRequest: { } d } => $"disclose {d.Category} to {d.Recipient} for {d.Reason}",
        { CommunicateRequest: { } m } => $"send {m.Message} by {m.Channel}",
        _ => $"retain {r.RetainRequest!.Value.Category} collected {DecisionWriter.FormatInstant(r.RetainRequest.Value.CollectedAt)}",
    };
}
