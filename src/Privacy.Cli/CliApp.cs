using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using System.Text;
using Privacy.Cli.Commands;

namespace Privacy.Cli;

/// <summary>The <c>privacy</c> command line: builds the command tree and maps parse errors to exit status 64.</summary>
internal static class CliApp
{
    public static RootCommand CreateRoot(CliIO io)
        => new("privacy: turn a published privacy policy into decisions your backend obeys.")
        {
            DecideCommand.Create(io),
            ExplainCommand.Create(io),
            PolicyCommand.Create(io),
            RightsCommand.Create(io),
            CheckCommand.Create(io),
            RenderCommand.Create(io),
            DiffCommand.Create(io),
            NoticesCommand.Create(io),
            AcceptanceCommand.Create(io),
            BreachCommand.Create(io),
            VerifyCommand.Create(io),
        };

    public static int Run(string[] args, CliIO io)
    {
        var parse = CreateRoot(io).Parse(args);
        if (parse.Action is ParseErrorAction parseError)
        {
            // Standard output carries results only; the usage hint goes to standard error with the error.
            parseError.ShowHelp = false;
            parse.Invoke(new InvocationConfiguration { Output = io.Error, Error = io.Error });
            io.Error.WriteLine($"Run '{CommandPath(parse)} --help' for usage.");
            return ExitCodes.Usage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = io.Out, Error = io.Error });
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new System.Collections.Generic.List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command is RootCommand ? "privacy" : result.Command.Name);
        }

        return string.Join(' ', names);
    }

    public static int Main(string[] args)
    {
        using var stdout = Console.OpenStandardOutput();
        using var stdin = Console.OpenStandardInput();
        var utf8 = new UTF8Encoding(false);
        using var text = new StreamWriter(stdout, utf8, 1 << 12, leaveOpen: true) { AutoFlush = true };
        using var error = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
        return Run(args, new CliIO(stdin, stdout, text, error));
    }
}
