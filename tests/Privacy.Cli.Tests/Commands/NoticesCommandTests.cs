using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Cli;
using Privacy.Cli.Commands;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.Tests.Commands;

public class NoticesCommandTests
{
    private const string Subjects = """
        {"id":"u-1","hasEmail":true}
        {"id":"u-2","hasEmail":false,"events":[{"type":"marketing-opt-out","at":"2026-01-01T00:00:00Z"}]}

        {"id":"u-3","hasEmail":true,"events":[{"type":"erasure-requested","at":"2026-02-01T00:00:00Z"}]}
        """;

    private static readonly PrivacyPolicy Longer = BuiltInPolicies.IsmartviewPro2018Policy.ToBuilder()
        .WithIdentity("ismartviewpro-2018", "002")
        .WithMetadata(new LocalDate(2026, 5, 1), Instant.FromUtc(2026, 6, 1, 0, 0), null)
        .Retain("personal.log", RetentionPeriod.FromPeriod(Period.FromMonths(12)), "use.logs")
        .Build();

    private static CliRunner.Result Run(PrivacyPolicy next, string subjects, string at = "2026-05-02T09:00:00Z", string format = "json")
    {
        using var output = new MemoryStream();
        using var text = new StreamWriter(output, new UTF8Encoding(false), 1024, leaveOpen: true) { AutoFlush = true };
        using var error = new StringWriter();
        var code = NoticesCommand.Run(BuiltInPolicies.IsmartviewPro2018Compiled, next, at, new StringReader(subjects), format, new CliIO(Stream.Null, output, text, error));
        text.Flush();
        return new CliRunner.Result(code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    [Fact]
    public void Notices_SignificantChange_PlansEmailPopupAndNothingAfterErasure()
    {
        var result = Run(Longer, Subjects);
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.True(root.GetProperty("required").GetBoolean());
        Assert.Equal("2026-06-01T00:00:00Z", root.GetProperty("deadline").GetString());
        var notices = root.GetProperty("notices").EnumerateArray().ToList();
        Assert.Equal(["email", "popup", "email"], notices.Select(n => n.GetProperty("channel").GetString()));
        Assert.Equal([true, true, false], notices.Select(n => n.GetProperty("send").GetBoolean()));
        Assert.All(notices, n => Assert.Equal("policy-change", n.GetProperty("message").GetString()));
    }

    [Fact]
    public void Notices_Text_SaysTheDeadline()
    {
        var result = Run(Longer, Subjects, format: "text");
        Assert.Contains("tell every subject before 2026-06-01T00:00:00Z", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("do not send  [rights.erasure]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Notices_SameVersion_NeedsNone()
    {
        var result = CliRunner.InProcess(Subjects, "notices", "builtin:ismartviewpro-2018", "builtin:ismartviewpro-2018", "--at", "2026-05-02T09:00:00Z");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.False(root.GetProperty("required").GetBoolean());
        Assert.Equal(0, root.GetProperty("notices").GetArrayLength());
    }

    [Fact]
    public void Notices_BadSubjectLine_Exits65NamingTheLine()
    {
        var result = Run(Longer, "{\"id\":\"u-1\"}\n{\"id\":\"u-2\",\"events\":[{\"type\":\"nope\",\"at\":\"2026-01-01T00:00:00Z\"}]}");
        Assert.Equal(65, result.ExitCode);
        Assert.Contains("line 2.events[0].type", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Notices_BadInstant_Exits65()
        => Assert.Equal(65, Run(Longer, Subjects, at: "soon").ExitCode);

    [Fact]
    public void Notices_SignificantChangeWithoutEntryIntoForce_Exits64()
    {
        var undated = Longer.ToBuilder().WithMetadata(null, null, null).Build();
        var result = Run(undated, Subjects);
        Assert.Equal(64, result.ExitCode);
        Assert.Contains("entry into force", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Notices_WithoutAt_Exits64()
        => Assert.Equal(64, CliRunner.InProcess(Subjects, "notices", "builtin:ismartviewpro-2018", "builtin:ismartviewpro-2018").ExitCode);
}
