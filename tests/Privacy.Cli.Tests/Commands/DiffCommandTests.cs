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

public class DiffCommandTests
{
    private static readonly PrivacyPolicy V1 = BuiltInPolicies.IsmartviewPro2018Policy;

    private static PrivacyPolicy V2(Action<PolicyBuilder> edit)
    {
        var builder = V1.ToBuilder().WithIdentity(V1.Id, "002").WithMetadata(new LocalDate(2026, 5, 1), Instant.FromUtc(2026, 6, 1, 0, 0), null);
        edit(builder);
        return builder.Build();
    }

    private static CliRunner.Result Run(PrivacyPolicy older, PrivacyPolicy newer, string format)
    {
        using var output = new MemoryStream();
        using var text = new StreamWriter(output, new UTF8Encoding(false), 1024, leaveOpen: true) { AutoFlush = true };
        using var error = new StringWriter();
        var code = DiffCommand.Run(older, newer, format, new CliIO(Stream.Null, output, text, error));
        text.Flush();
        return new CliRunner.Result(code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    [Fact]
    public void Diff_BuiltInWithItself_IsEmptyAndExits0()
    {
        var result = CliRunner.InProcess(string.Empty, "diff", "builtin:ismartviewpro-2018", "builtin:ismartviewpro-2018", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.False(root.GetProperty("significant").GetBoolean());
        Assert.Equal(0, root.GetProperty("changes").GetArrayLength());
    }

    [Fact]
    public void Diff_Text_SaysNoChanges()
    {
        var result = CliRunner.InProcess(string.Empty, "diff", "builtin:ismartviewpro-2018", "builtin:ismartviewpro-2018", "--format", "text");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no changes", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_UnreadablePolicy_Exits64()
    {
        var result = CliRunner.InProcess(string.Empty, "diff", "builtin:ismartviewpro-2018", "no-such-policy.json");
        Assert.Equal(64, result.ExitCode);
        Assert.Contains("no-such-policy.json", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(64, CliRunner.InProcess(string.Empty, "diff", "builtin:nope", "builtin:ismartviewpro-2018").ExitCode);
    }

    [Fact]
    public void Diff_MissingArgument_Exits64()
        => Assert.Equal(64, CliRunner.InProcess(string.Empty, "diff", "builtin:ismartviewpro-2018").ExitCode);

    [Fact]
    public void Diff_SignificantChange_Exits1WithEveryChangeClassed()
    {
        var newer = V2(b => b.Retain("personal.log", RetentionPeriod.FromPeriod(Period.FromMonths(12)), "use.logs"));
        var result = Run(V1, newer, "json");
        Assert.Equal(1, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.True(root.GetProperty("significant").GetBoolean());
        Assert.Equal("002", root.GetProperty("new").GetProperty("version").GetString());
        var changes = root.GetProperty("changes").EnumerateArray().ToList();
        var retention = Assert.Single(changes, c => c.GetProperty("significant").GetBoolean());
        Assert.Equal("retention-period-changed", retention.GetProperty("kind").GetString());
        Assert.Equal("/retention/rules/personal.log/period", retention.GetProperty("path").GetString());
        Assert.Equal("P6M", retention.GetProperty("old").GetString());
        Assert.Equal("P12M", retention.GetProperty("new").GetString());
        Assert.False(string.IsNullOrEmpty(retention.GetProperty("reason").GetString()));
        Assert.All(changes, c => Assert.True(c.TryGetProperty("reason", out _)));
    }

    [Fact]
    public void Diff_TimeZoneChange_IsSignificantBecauseDeadlinesMoveLater()
    {
        var result = Run(V1, V2(b => b.WithTimeZone("Europe/Oslo")), "json");
        Assert.Equal(1, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.True(root.GetProperty("significant").GetBoolean());
        var zone = Assert.Single(root.GetProperty("changes").EnumerateArray(), c => c.GetProperty("kind").GetString() == "time-zone-changed");
        Assert.True(zone.GetProperty("significant").GetBoolean());
        Assert.Equal("/timeZone", zone.GetProperty("path").GetString());
        Assert.Contains("later", zone.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_EditorialChangesOnly_Exits0ButListsThem()
    {
        var newer = V2(b => b.WithName("iSmartviewPro privacy notice").AddNote("Reworded."));
        var result = Run(V1, newer, "json");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.False(root.GetProperty("significant").GetBoolean());
        Assert.Equal(5, root.GetProperty("changes").GetArrayLength());
        var note = root.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "note-added");
        Assert.Equal(JsonValueKind.Null, note.GetProperty("old").ValueKind);
    }

    [Fact]
    public void Diff_Text_ShowsSignificantChangesFirstWithTheirReasons()
    {
        var newer = V2(b => b.AddPurpose("marketing.research", "Market research"));
        var result = Run(V1, newer, "text");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SIGNIFICANT (1 significant, 3 editorial)", result.Stdout, StringComparison.Ordinal);
        var significant = result.Stdout.IndexOf("significant  purpose-added  /vocabulary/purposes/marketing.research", StringComparison.Ordinal);
        Assert.True(significant > 0, result.Stdout);
        Assert.True(significant < result.Stdout.IndexOf("version-changed", StringComparison.Ordinal));
        Assert.Contains("why: a new purpose", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsDiffAndBreach()
    {
        var result = CliRunner.InProcess(string.Empty, "--help");
        Assert.Contains("diff", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("breach", result.Stdout, StringComparison.Ordinal);
    }
}
