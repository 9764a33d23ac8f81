using System;
using System.CommandLine;
using System.IO;

namespace Privacy.Cli.Commands;

/// <summary>Options shared by several commands, so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Policy() => new("--policy")
    {
        Description = "The policy: builtin:ismartviewpro-2018 (the default) or the path of a policy document.",
        DefaultValueFactory = _ => PolicyReference.Default,
        HelpName = "builtin:ID|PATH",
    };

    /// <summary>
    /// The policy given as a positional argument, the older spelling of <c>--policy</c> in <c>check</c>,
    /// <c>render</c>, <c>policy export</c>, <c>acceptance</c> and <c>verify</c>: still read, with a note on
    /// standard error, but left out of the help so that new scripts learn <c>--policy</c>.
    /// </summary>
    public static Argument<string?> LegacyPolicy(string name) => new(name)
    {
        Description = "Deprecated: the policy, as --policy gives it.",
        Arity = ArgumentArity.ZeroOrOne,
        Hidden = true,
    };

    /// <summary>The policy a command was given, by <c>--policy</c> or (deprecated) positionally; null, with the reason on standard error, when given both ways.</summary>
    public static string? PolicyValue(ParseResult parse, Option<string> option, Argument<string?> legacy, CliIO io)
    {
        var positional = parse.GetValue(legacy);
        if (positional is null)
        {
            return parse.GetValue(option);
        }

        if (parse.GetResult(option) is { Implicit: false })
        {
            io.Error.WriteLine("privacy: give the policy once, with --policy.");
            return null;
        }

        io.Error.WriteLine($"privacy: note: the policy as an argument is deprecated; use --policy {TextOutput.Escape(positional)}.");
        return positional;
    }

    public static Option<string> Input() => new("--input", "-i")
    {
        Description = "JSON Lines requests, one object a line; '-' (the default) reads standard input.",
        DefaultValueFactory = _ => "-",
        HelpName = "FILE|-",
    };

    public static Option<string> Subjects() => new("--input", "-i")
    {
        Description = "The subjects, JSON Lines: one subject a line, like a request's subject ({\"id\":…,\"hasEmail\":…,\"events\":[…]}); '-' (the default) reads standard input.",
        DefaultValueFactory = _ => "-",
        HelpName = "FILE|-",
    };

    public static Option<string> At(string description) => new("--at")
    {
        Description = $"{description}, ISO-8601 with offset (e.g. 2026-05-02T09:00:00Z).",
        Required = true,
        HelpName = "INSTANT",
    };

    /// <summary>
    /// <c>--format json|text</c>, the one rule of every command that offers both: JSON by default, because scripts
    /// and CI read the answers; <c>--format text</c> gives the report for a person.
    /// </summary>
    public static Option<string> JsonOrText() => Format("json", "text");

    /// <summary><c>--format</c> with other formats than JSON and text (<c>render</c>'s markdown and html); the first is the default.</summary>
    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(" or ", formats)}.",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    /// <summary>Opens <c>--input</c>, or explains on standard error why it cannot.</summary>
    public static Stream? OpenInput(string path, CliIO io)
    {
        if (path == "-")
        {
            return io.Input;
        }

        try
        {
            return InputFiles.Open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            io.Error.WriteLine($"privacy: cannot read input '{TextOutput.Escape(path)}': {TextOutput.Escape(e.Message)}");
            return null;
        }
    }

    /// <summary>Writes a result to <c>--output FILE</c>, or to standard output when none is given.</summary>
    public static int WriteOutput(string? path, CliIO io, Action<Stream> write)
    {
        if (path is null or "-")
        {
            io.Out.Flush();
            write(io.Output);
            io.Output.Flush();
            return ExitCodes.Ok;
        }

        try
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
            write(file);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            io.Error.WriteLine($"privacy: cannot write '{path}': {e.Message}");
            return ExitCodes.CantCreate;
        }
    }
}
