using System.CommandLine;
using Privacy.Cli.Json;

namespace Privacy.Cli.Commands;

/// <summary><c>privacy decide</c>: JSON Lines requests in, JSON Lines decisions out (see the CLI contract).</summary>
internal static class DecideCommand
{
    public static Command Create(CliIO io)
    {
        var policy = CommonOptions.Policy();
        var input = CommonOptions.Input();
        var command = new Command("decide", "Decide JSON Lines requests against a policy; one JSON result a line, in input order.")
        {
            policy,
            input,
        };
        command.SetAction(parse =>
        {
            var compiled = PolicyReference.TryLoad(parse.GetValue(policy)!, io.Error);
            if (compiled is null)
            {
                return ExitCodes.Usage;
            }

            var stream = CommonOptions.OpenInput(parse.GetValue(input)!, io);
            if (stream is null)
            {
                return ExitCodes.Usage;
            }

            using var writer = new DecisionWriter(io.Output);
            bool clean;
            using (stream)
            {
                clean = RequestLoop.Run(
                    stream,
                    compiled,
                    (string? id, Requests.ParsedRequest _, in PrivacyDecision decision) => writer.WriteDecision(id, decision),
                    writer.WriteError);
            }

            writer.Flush();
            return clean ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return command;
    }
}
