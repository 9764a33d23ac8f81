using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Cli;
using Privacy.Cli.Commands;
using Privacy.Compilation;

namespace Privacy.Tests.Commands;

public class AcceptanceCommandTests
{
    private const string Subjects = """
        {"id":"by-event","events":[{"type":"policy-accepted","version":"002","at":"2026-05-20T00:00:00Z"}]}
        {"id":"by-use","events":[{"type":"policy-notified","version":"002","at":"2026-05-10T00:00:00Z"},{"type":"service-used","at":"2026-06-05T00:00:00Z"}]}
        {"id":"too-early","events":[{"type":"policy-notified","version":"002","at":"2026-05-10T00:00:00Z"},{"type":"service-used","at":"2026-05-31T00:00:00Z"}]}
        {"id":"silent","events":[{"type":"service-used","at":"2026-06-05T00:00:00Z"}]}
        """;

    private static readonly CompiledPolicy V2 = CompiledPolicy.Compile(BuiltInPolicies.IsmartviewPro2018Policy.ToBuilder()
        .WithIdentity("ismartviewpro-2018", "002")
        .WithMetadata(new LocalDate(2026, 5, 1), Instant.FromUtc(2026, 6, 1, 0, 0), null)
        .Build());

    private static CliRunner.Result Run(string subjects, string at = "2026-07-01T00:00:00Z", string format = "json")
    {
        using var output = new MemoryStream();
        using var text = new StreamWriter(output, new UTF8Encoding(false), 1024, leaveOpen: true) { AutoFlush = true };
        using var error = new StringWriter();
        var code = AcceptanceCommand.Run(V2, at, new StringReader(subjects), format, new CliIO(Stream.Null, output, text, error));
        text.Flush();
        return new CliRunner.Result(code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    [Fact]
    public void Acceptance_ByEventAndByUse_AndWhoHasNot()
    {
        var result = Run(Subjects);
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("002", root.GetProperty("version").GetString());
        Assert.Equal("2026-06-01T00:00:00Z", root.GetProperty("entryIntoForce").GetString());
        Assert.Equal(2, root.GetProperty("accepted").GetInt32());
        Assert.Equal(2, root.GetProperty("notAccepted").GetInt32());
        Assert.Equal(
            ["accepted-by-event", "accepted-by-use", "notified", "not-notified"],
            root.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
    }

    [Fact]
    public void Acceptance_Text_ListsWhoHasNotAcceptedFirst()
    {
        var result = Run(Subjects, format: "text");
        Assert.Contains("Version 002: 2 accepted, 2 not yet", result.Stdout, StringComparison.Ordinal);
        Assert.True(result.Stdout.IndexOf("silent", StringComparison.Ordinal) < result.Stdout.IndexOf("by-event", StringComparison.Ordinal));
    }

    [Fact]
    public void Acceptance_BadLine_Exits65()
    {
        var result = Run("{\"id\":\"a\"}\nnot json");
        Assert.Equal(65, result.ExitCode);
        Assert.Contains("line 2", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Acceptance_BuiltIn_ReadsStandardInput()
    {
        var result = CliRunner.InProcess("""{"id":"a","events":[{"type":"policy-accepted","version":"001","at":"2019-01-01T00:00:00Z"}]}""",
            "acceptance", "builtin:ismartviewpro-2018", "--at", "2026-01-01T00:00:00Z");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("accepted").GetInt32());
    }
}
