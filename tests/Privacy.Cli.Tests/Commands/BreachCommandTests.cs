using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Privacy.Tests.Commands;

public class BreachCommandTests
{
    private const string Sensitive = """
        {"awareAt":"2026-03-10T09:30:00Z","categories":["sensitive.health","personal.email"],"subjects":40,"unintelligible":false,
         "affected":[{"id":"u-1","hasEmail":true,"events":[{"type":"marketing-opt-out","at":"2026-01-01T00:00:00Z"}]},
                     {"id":"u-2","hasEmail":false},
                     {"id":"u-3","hasEmail":true,"events":[{"type":"erasure-requested","at":"2026-02-01T00:00:00Z"}]}]}
        """;

    private static JsonElement Json(CliRunner.Result result) => JsonDocument.Parse(result.Stdout).RootElement;

    private static string[] Ids(JsonElement array) => [.. array.EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];

    [Fact]
    public void Breach_SensitiveData_PlansEveryStepWithDeadlinesAndClauses()
    {
        var result = CliRunner.InProcess(Sensitive, "breach", "--input", "-");
        Assert.Equal(0, result.ExitCode);
        var root = Json(result);
        Assert.Equal("high", root.GetProperty("risk").GetString());
        var steps = root.GetProperty("steps");
        Assert.Equal(["contain", "notify-authority", "notify-subjects"], Ids(steps));
        Assert.Equal("2026-03-10T09:30:00Z", steps[0].GetProperty("by").GetString());
        Assert.Equal("2026-03-13T09:30:00Z", steps[1].GetProperty("by").GetString());
        Assert.Equal(["security.breach"], steps[1].GetProperty("clauses").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Breach_Notices_ReportErasedSubjectsAsNotSent()
    {
        var notices = Json(CliRunner.InProcess(Sensitive, "breach", "-i", "-")).GetProperty("notices").EnumerateArray().ToList();
        Assert.Equal(["email", "popup", "email"], notices.Select(n => n.GetProperty("channel").GetString()));
        Assert.Equal([true, true, false], notices.Select(n => n.GetProperty("send").GetBoolean()));
        Assert.Equal(["rights.erasure"], notices[2].GetProperty("clauses").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Breach_NonPersonalOnly_NoAuthorityNotice()
    {
        var result = CliRunner.InProcess("""{"awareAt":"2026-03-10T09:30:00Z","categories":["non-personal.aggregate"],"subjects":100000}""", "breach", "--input", "-");
        Assert.Equal(0, result.ExitCode);
        var root = Json(result);
        Assert.Equal(["contain"], Ids(root.GetProperty("steps")));
        Assert.Equal(["notify-authority", "notify-subjects"], Ids(root.GetProperty("skipped")));
    }

    [Fact]
    public void Breach_FewIpAddresses_StillTellsTheUsers()
    {
        var result = CliRunner.InProcess(
            """{"awareAt":"2026-03-10T09:30:00Z","categories":["personal.log.ip-address"],"subjects":50,"affected":[{"id":"u-1","hasEmail":true}]}""", "breach", "--input", "-");
        Assert.Equal(0, result.ExitCode);
        var root = Json(result);
        Assert.Equal("risk", root.GetProperty("risk").GetString());
        Assert.Equal(["contain", "notify-authority", "notify-subjects"], Ids(root.GetProperty("steps")));
        Assert.Equal(0, root.GetProperty("skipped").GetArrayLength());
        Assert.True(root.GetProperty("notices")[0].GetProperty("send").GetBoolean());
    }

    [Fact]
    public void Breach_Encrypted_TellsTheAuthorityButNotTheUsers()
    {
        var result = CliRunner.InProcess("""{"awareAt":"2026-03-10T09:30:00Z","categories":["sensitive.health"],"subjects":10,"unintelligible":true}""", "breach", "--input", "-");
        Assert.Equal(["contain", "notify-authority"], Ids(Json(result).GetProperty("steps")));
    }

    [Fact]
    public void Breach_Text_ReadsAsAPlan()
    {
        var result = CliRunner.InProcess(Sensitive, "breach", "--input", "-", "--format", "text");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("risk HIGH", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2. notify-authority  by 2026-03-13T09:30:00Z", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("do not send  [rights.erasure]", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"awareAt":"2026-03-10T09:30:00Z","categories":["personal.emial"],"subjects":1}""", "unknown-category", "categories[0]")]
    [InlineData("""{"categories":["personal.email"],"subjects":1}""", "missing-field", "awareAt")]
    [InlineData("""{"awareAt":"yesterday","categories":["personal.email"],"subjects":1}""", "invalid-instant", "awareAt")]
    [InlineData("""{"awareAt":"2026-03-10T09:30:00Z","categories":[],"subjects":1}""", "invalid-field", "categories")]
    [InlineData("""{"awareAt":"2026-03-10T09:30:00Z","categories":["personal.email"]}""", "missing-field", "subjects")]
    [InlineData("""{"awareAt":"2026-03-10T09:30:00Z","categories":["personal.email"],"subjects":-3}""", "invalid-field", "subjects")]
    [InlineData("""{"awareAt":"2026-03-10T09:30:00Z","categories":["personal.email"],"subjects":1,"unintelligible":"yes"}""", "invalid-field", "unintelligible")]
    [InlineData("""{"awareAt":"2026-03-10T09:30:00Z","categories":["personal.email"],"subjects":1,"encrypted":true}""", "unknown-field", "encrypted")]
    [InlineData("""{"awareAt":"2026-03-10T09:30:00Z","categories":["personal.email"],"affected":[{"id":"a","events":[{"type":"nope","at":"2026-01-01T00:00:00Z"}]}]}""", "unknown-event-type", "affected[0].events[0].type")]
    public void Breach_BadIncident_Exits65NamingTheField(string incident, string code, string field)
    {
        var result = CliRunner.InProcess(incident, "breach", "--input", "-");
        Assert.Equal(65, result.ExitCode);
        var error = Json(result).GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Contains(field, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Breach_MalformedJson_Exits65()
    {
        var result = CliRunner.InProcess("{not json", "breach", "--input", "-");
        Assert.Equal(65, result.ExitCode);
        Assert.Equal("malformed-json", Json(result).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void Breach_UnreadableFile_Exits66()
    {
        var result = CliRunner.InProcess(string.Empty, "breach", "--input", Path.Combine(Path.GetTempPath(), "no-such-incident.json"));
        Assert.Equal(66, result.ExitCode);
        Assert.Contains("no-such-incident.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Breach_WithoutInput_Exits64()
        => Assert.Equal(64, CliRunner.InProcess(string.Empty, "breach").ExitCode);

    [Fact]
    public async Task Breach_RealProgram_ReadsAnIncidentFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"incident-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"awareAt":"2026-03-10T09:30:00Z","categories":["personal.log.ip-address"],"subjects":5}""");
        try
        {
            var result = await CliRunner.ProcessAsync(string.Empty, "breach", "--input", path);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(["contain", "notify-authority", "notify-subjects"], Ids(Json(result).GetProperty("steps")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Breach_ExampleIncident_IsAHighRiskWithThreeNotices()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Privacy.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var result = CliRunner.InProcess(string.Empty, "breach", "--input", Path.Combine(directory.FullName, "examples", "incident.json"));
        Assert.Equal(0, result.ExitCode);
        var root = Json(result);
        Assert.Equal("high", root.GetProperty("risk").GetString());
        Assert.Equal(["contain", "notify-authority", "notify-subjects"], Ids(root.GetProperty("steps")));
        Assert.Equal([true, true, false], root.GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("send").GetBoolean()));
    }
}
