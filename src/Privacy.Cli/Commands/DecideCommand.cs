using System.CommandLine;
using Privacy.Cli.Json;

namespace Privacy.Cli.Commands;

/// <summary><c>privacy decide</c>: JSON Lines requests in, JSON Lines decisions out (see the CLI contract).</summary>
internal static class DecideCommand
{
    public static Command Create(CliIO io)
        => RequestLoop.CreateCommand(
            "decide",
            "Decide JSON Lines requests against a policy; one JSON result a line, in input order.",
            io,
            (compiled, stream) =>
            {
                using var writer = new DecisionWriter(io.Output);
                var clean = RequestLoop.Run(
                    stream,
                    compiled,
                    (string? id, PrivacyRequest _, in PrivacyDecision decision) => writer.WriteDecision(id, decision),
                    writer.WriteError);
                writer.Flush();
                return clean;
            });
}
