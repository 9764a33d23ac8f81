using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Privacy.Tests.Commands;

public class DecideCommandTests
{
    private const string OptedOutMarketing = """{"id":"r1","action":"communicate","at":"2026-03-01T09:00:00Z","message":"marketing","channel":"email","subject":{"id":"u","hasEmail":true,"events":[{"type":"marketing-opt-out","at":"2026-02-01T10:00:00Z"}]}}""";

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement;

    [Fact]
    public async Task Decide_RealProcessOverStdin_AnswersEachLineInOrder()
    {
        var input = string.Join('\n',
            OptedOutMarketing,
            "",
            """{"id":"r2","action":"communicate","at":"2026-03-01T09:00:00Z","message":"marketing","channel":"email"}""",
            """{"id":"r3","action":"retain","at":"2026-03-15T00:00:00Z","category":"personal.email","collectedAt":"2025-06-01T00:00:00Z","subject":{"events":[{"type":"erasure-requested","at":"2026-03-01T00:00:00Z"}]}}""");
        var result = await CliRunner.ProcessAsync(input, "decide");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
        [
            """{"id":"r1","effect":"deny","clauses":["rights.marketing-opt-out"],"obligations":[]}""",
            """{"id":"r2","effect":"permit","clauses":["use.contact"],"obligations":[{"id":"include-opt-out-instructions"}]}""",
            """{"id":"r3","effect":"delete","clauses":["rights.erasure"],"until":"2026-04-01T00:00:00Z","obligations":[]}""",
        ], result.Lines);
    }

    [Fact]
    public async Task Decide_RealProcessWithMalformedLines_DecidesTheOthersAndExits65()
    {
        var input = string.Join('\n',
            """{"id":"a","action":"use","at":"2026-03-01T09:00:00Z","category":"personal.emial","purpose":"service.support"}""",
            """{"id":"b", "action": """,
            "[1,2,3]",
            """{"id":"c","action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support"}""",
            """{"id":42,"action":"use"}""",
            """{"id":"d","action":"use","at":"yesterday","category":"personal.email","purpose":"service.support"}""");
        var result = await CliRunner.ProcessAsync(input, "decide", "--input", "-");

        Assert.Equal(65, result.ExitCode);
        var lines = result.Lines.Select(Json).ToArray();
        Assert.Equal(6, lines.Length);
        Assert.Equal("unknown-category", lines[0].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("category", lines[0].GetProperty("error").GetProperty("field").GetString());
        Assert.Equal("malformed-json", lines[1].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("malformed-json", lines[2].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("permit", lines[3].GetProperty("effect").GetString());
        Assert.Equal("c", lines[3].GetProperty("id").GetString());
        Assert.Equal("id", lines[4].GetProperty("error").GetProperty("field").GetString());
        Assert.Equal("invalid-instant", lines[5].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("d", lines[5].GetProperty("id").GetString());
        Assert.All(lines.Where(l => l.TryGetProperty("error", out _)), l => Assert.False(l.TryGetProperty("effect", out _)));
    }

    [Theory]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","purpose":"service.support"}""", "missing-field", "category")]
    [InlineData("""{"action":"fly","at":"2026-03-01T09:00:00Z"}""", "unknown-action", "action")]
    [InlineData("""{"action":"use","category":"personal.email","purpose":"service.support"}""", "missing-field", "at")]
    [InlineData("""{"action":"disclose","at":"2026-03-01T09:00:00Z","category":"personal.email","recipient":"friends","reason":"consent"}""", "unknown-recipient", "recipient")]
    [InlineData("""{"action":"communicate","at":"2026-03-01T09:00:00Z","message":"newsletter","channel":"email"}""", "unknown-message", "message")]
    [InlineData("""{"action":"communicate","at":"2026-03-01T09:00:00Z","message":"marketing","channel":"fax"}""", "unknown-channel", "channel")]
    [InlineData("""{"action":"retain","at":"2026-03-01T09:00:00Z","category":"personal.email"}""", "missing-field", "collectedAt")]
    [InlineData("""{"action":"retain","at":"2026-03-01T09:00:00Z","category":"personal.email","collectedAt":"2026-01-01T00:00:00Z","grounds":["forever"]}""", "unknown-ground", "grounds[0]")]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","subject":{"events":[{"type":"opted-out","at":"2026-01-01T00:00:00Z"}]}}""", "unknown-event-type", "subject.events[0].type")]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","subject":{"events":[{"type":"erasure-requested"}]}}""", "missing-field", "subject.events[0].at")]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","subject":{"events":[{"type":"consent-granted","at":"2026-01-01T00:00:00Z"}]}}""", "missing-field", "subject.events[0].recipient")]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","subject":{"events":[{"type":"consent-granted","at":"2026-01-01T00:00:00Z","purpose":"everything"}]}}""", "unknown-purpose", "subject.events[0].purpose")]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","context":{"locationFeatureInUse":"yes"}}""", "invalid-field", "context.locationFeatureInUse")]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","catgory":"x"}""", "unknown-field", "catgory")]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","subject":{"hasEmail":true,"evnts":[]}}""", "unknown-field", "subject.evnts")]
    public void Decide_BadRequest_ReportsCodeAndField(string line, string code, string field)
    {
        var result = CliRunner.InProcess(line + "\n", "decide");
        Assert.Equal(65, result.ExitCode);
        var error = Json(Assert.Single(result.Lines)).GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public void Decide_InstantWithOffset_IsAccepted()
    {
        var result = CliRunner.InProcess("""{"id":"x","action":"use","at":"2026-03-01T10:00:00+01:00","category":"personal.email","purpose":"service.support"}""", "decide");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("permit", Json(result.Lines[0]).GetProperty("effect").GetString());
    }

    [Fact]
    public void Decide_ExampleFileInTheRepository_IsDecidedCleanly()
    {
        var result = CliRunner.InProcess(string.Empty, "decide", "--input", "examples/requests.jsonl");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(9, result.Lines.Length);
        Assert.All(result.Lines, l => Assert.True(Json(l).TryGetProperty("effect", out _)));
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("--policy", "builtin:unknown")]
    [InlineData("--policy", "no-such-file.json")]
    public void Decide_UsageErrors_Exit64WithAReason(params string[] args)
    {
        var result = CliRunner.InProcess(string.Empty, ["decide", .. args]);
        Assert.Equal(64, result.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(result.Stderr));
        Assert.Empty(result.Lines);
    }

    [Fact]
    public void NoCommand_IsAUsageError()
        => Assert.Equal(64, CliRunner.InProcess(string.Empty).ExitCode);

    [Fact]
    public void Help_ExitsZeroAndListsTheCommands()
    {
        var result = CliRunner.InProcess(string.Empty, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("decide", result.Stdout, System.StringComparison.Ordinal);
        Assert.Contains("explain", result.Stdout, System.StringComparison.Ordinal);
    }
}
