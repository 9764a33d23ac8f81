using System.CommandLine;
using System.Text;
using Privacy.Rendering;

namespace Privacy.Cli.Commands;

/// <summary><c>privacy render</c>: the policy as the notice its users read.</summary>
internal static class RenderCommand
{
    public static Command Create(CliIO io)
    {
        var legacy = CommonOptions.LegacyPolicy("policy");
        var reference = CommonOptions.Policy();
        var format = CommonOptions.Format("markdown", "html");
        var output = new Option<string?>("--output", "-o") { Description = "Write the notice to FILE instead of standard output.", HelpName = "FILE" };
        var command = new Command(
            "render",
            "Render a policy as a readable privacy notice, every paragraph anchored by its clause id; the same policy always gives the same bytes.")
        {
            reference,
            legacy,
            format,
            output,
        };
        command.SetAction(parse =>
        {
            var compiled = CommonOptions.PolicyValue(parse, reference, legacy, io) is { } given ? PolicyReference.TryLoad(given, io.Error) : null;
            if (compiled is null)
            {
                return ExitCodes.Usage;
            }

            var notice = PolicyRenderer.Render(compiled.Policy, parse.GetValue(format) == "html" ? NoticeFormat.Html : NoticeFormat.Markdown);
            var bytes = new UTF8Encoding(false).GetBytes(notice);
            return CommonOptions.WriteOutput(parse.GetValue(output), io, stream => stream.Write(bytes, 0, bytes.Length));
        });
        return command;
    }
}
