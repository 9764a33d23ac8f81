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
            using var errors = new StringWriter();
            parse.Invoke(new InvocationConfiguration { Output = errors, Error = errors });
            io.Error.WriteLine(Redact(errors.ToString().TrimEnd('\r', '\n'), args));
            io.Error.WriteLine($"Run '{CommandPath(parse)} --help' for usage.");
            return ExitCodes.Usage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = io.Out, Error = io.Error });
    }

    /// <summary>
    /// A parse error's text without the values of <c>--contact</c> (addresses to suppress are personal
    /// data and are never written out, not even when the command line is wrong), and with control
    /// characters escaped line by line.
    /// </summary>
    private static string Redact(string text, string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            string? secret = null;
            if (args[i] == "--contact" && i + 1 < args.Length)
            {
                secret = args[i + 1];
            }
            else if (args[i].StartsWith("--contact=", StringComparison.Ordinal) || args[i].StartsWith("--contact:", StringComparison.Ordinal))
            {
                secret = args[i]["--contact=".Length..];
                text = text.Replace(args[i], "--contact=[contact]", StringComparison.Ordinal);
            }

            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "[contact]", StringComparison.Ordinal);
            }
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = TextOutput.Escape(lines[i].TrimEnd('\r'));
        }

        return string.Join(Environment.NewLine, lines);
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
