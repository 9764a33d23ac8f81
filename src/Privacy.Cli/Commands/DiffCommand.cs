using System.CommandLine;
using System.Linq;
using System.Text.Json;
using Privacy.Cli.Json;
using Privacy.Policies;
using Privacy.Serialization;
using Privacy.Versioning;

namespace Privacy.Cli.Commands;

/// <summary><c>privacy diff OLD NEW</c>: every change between two policy versions, classed significant or editorial.</summary>
internal static class DiffCommand
{
    public static Command Create(CliIO io)
    {
        var older = new Argument<string>("OLD") { Description = "The version in force: builtin:ID or the path of a policy document." };
        var newer = new Argument<string>("NEW") { Description = "The new version: builtin:ID or the path of a policy document." };
        var format = CommonOptions.JsonOrText();
        var semantic = new Option<bool>("--semantic") { Description = "List every combination (category x purpose x recipient x reason x message x channel x condition, and retention) whose effect changes, instead of the document changes (exit 1 when any does)." };
        var command = new Command("diff", "Compare two versions of a policy: every change, classed significant or editorial (exit 1 when any is significant).")
        {
            older,
            newer,
            format,
            semantic,
        };
        command.SetAction(parse =>
        {
            var a = PolicyReference.TryLoad(parse.GetValue(older)!, io.Error);
            var b = a is null ? null : PolicyReference.TryLoad(parse.GetValue(newer)!, io.Error);
            return a is null || b is null ? ExitCodes.Usage
                : parse.GetValue(semantic) ? SemanticDiffOutput.Run(a, b, parse.GetValue(format)!, io)
                : Run(a.Policy, b.Policy, parse.GetValue(format)!, io);
        });
        return command;
    }

    /// <summary>Diffs two loaded policies and writes the result; the exit status says whether anything is significant.</summary>
    internal static int Run(PrivacyPolicy older, PrivacyPolicy newer, string format, CliIO io)
    {
        var diff = PolicyDiffer.Instance.Diff(older, newer);
        if (format == "json")
        {
            WriteJson(io, diff);
        }
        else
        {
            WriteText(io, older, newer, diff);
        }

        return diff.IsSignificant ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static void WriteText(CliIO io, PrivacyPolicy older, PrivacyPolicy newer, PolicyDiff diff)
    {
        var o = io.Out;
        var significant = diff.Changes.Count(c => c.IsSignificant);
        o.WriteLine($"{older.Id} {TextOutput.Escape(older.Version)} -> {newer.Id} {TextOutput.Escape(newer.Version)}: "
            + (diff.IsEmpty ? "no changes."
                : $"{(diff.IsSignificant ? "SIGNIFICANT" : "editorial only")} ({significant} significant, {diff.Changes.Length - significant} editorial)"));
        foreach (var c in diff.Changes.OrderByDescending(c => c.IsSignificant))
        {
            o.WriteLine();
            o.WriteLine($"  {(c.IsSignificant ? "significant" : "editorial  ")}  {c.Kind}  {TextOutput.Escape(c.Path)}");
            if (c.Old is not null)
            {
                o.WriteLine($"    - {TextOutput.Escape(c.Old?.ToString())}");
            }

            if (c.New is not null)
            {
                o.WriteLine($"    + {TextOutput.Escape(c.New?.ToString())}");
            }

            o.WriteLine($"    why: {TextOutput.Escape(c.Reason)}");
        }

        if (diff.IsSignificant)
        {
            o.WriteLine();
            o.WriteLine("Subjects must be told before the new version enters into force (see 'changes.notice').");
        }

        o.Flush();
    }

    private static void WriteJson(CliIO io, PolicyDiff diff)
        => CliJson.WriteDocument(io.Output, json => JsonSerializer.Serialize(json, diff, PrivacyJson.Options.GetTypeInfo(typeof(PolicyDiff))));
}
