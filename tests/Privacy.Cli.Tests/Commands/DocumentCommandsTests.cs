using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Privacy.Tests.Commands;

/// <summary><c>privacy policy export</c>, <c>--policy PATH</c>, <c>privacy check</c> and <c>privacy render</c>.</summary>
public sealed class DocumentCommandsTests : IDisposable
{
    private static readonly string Example = Path.Combine(AppContext.BaseDirectory, "examples", "ismartviewpro-2018.policy.json");
    private static readonly string Requests = Path.Combine(AppContext.BaseDirectory, "examples", "requests.jsonl");
    private readonly string _directory = Directory.CreateTempSubdirectory("privacy-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, JsonNode document)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    private static JsonNode ExampleNode() => JsonNode.Parse(File.ReadAllText(Example))!;

    [Fact]
    public void Export_BuiltIn_WritesTheShippedExampleByteForByte()
    {
        var result = CliRunner.InProcess(string.Empty, "policy", "export", "builtin:ismartviewpro-2018");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(Example), result.Stdout);
    }

    [Fact]
    public void Export_WithOutput_WritesTheFile()
    {
        var path = Path.Combine(_directory, "exported.json");
        var result = CliRunner.InProcess(string.Empty, "policy", "export", "--output", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(File.ReadAllText(Example), File.ReadAllText(path));
    }

    [Fact]
    public async Task Decide_WithTheExportedDocument_DecidesExactlyLikeTheBuiltIn()
    {
        var input = File.ReadAllText(Requests);
        var builtIn = CliRunner.InProcess(input, "decide", "--policy", "builtin:ismartviewpro-2018");
        var document = CliRunner.InProcess(input, "decide", "--policy", Example);
        Assert.Equal(builtIn.ExitCode, document.ExitCode);
        Assert.Equal(builtIn.Stdout, document.Stdout);
        Assert.NotEmpty(builtIn.Lines);

        var process = await CliRunner.ProcessAsync(string.Empty, "decide", "--policy", Example, "--input", Requests);
        Assert.Equal(builtIn.Stdout, process.Stdout);
    }

    [Theory]
    [InlineData("decide")]
    [InlineData("explain")]
    public void BadRequests_WithTheExportedDocument_AreAnsweredExactlyLikeTheBuiltIn(string command)
    {
        var input = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "bad-requests.jsonl"));
        var builtIn = CliRunner.InProcess(input, command);
        var document = CliRunner.InProcess(input, command, "--policy", Example);
        Assert.Equal(65, builtIn.ExitCode);
        Assert.Equal(builtIn.ExitCode, document.ExitCode);
        Assert.Equal(builtIn.Stdout, document.Stdout);
    }

    [Theory]
    [InlineData("decide")]
    [InlineData("explain")]
    [InlineData("policy")]
    [InlineData("render")]
    public void PolicyOption_InvalidDocument_Exits64ListingEachProblem(string command)
    {
        var node = ExampleNode();
        node["rules"]![7]!["categories"]![0] = "personal.emial";
        node["timeZone"] = "Mars/Olympus";
        var path = Write("broken.json", node);
        var result = command == "render"
            ? CliRunner.InProcess(string.Empty, "render", path)
            : CliRunner.InProcess(string.Empty, command, "--policy", path);
        Assert.Equal(64, result.ExitCode);
        Assert.Contains("/rules/7/categories/0: Unknown category 'personal.emial'; did you mean 'personal.email'? (unknown-category)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("/timeZone: Unknown time zone 'Mars/Olympus'", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void PolicyOption_MissingFile_Exits64()
    {
        var result = CliRunner.InProcess(string.Empty, "decide", "--policy", Path.Combine(_directory, "nope.json"));
        Assert.Equal(64, result.ExitCode);
        Assert.Contains("nope.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BuiltInDocument_IsCleanAndExits0()
    {
        var result = CliRunner.InProcess(string.Empty, "check", Example, "--format", "text");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("error ", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("warning ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 error(s), 0 warning(s)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PermissionOnSensitiveData_Exits1NamingTheRuleAndClause()
    {
        var node = ExampleNode();
        node["rules"]![0]!["classes"] = JsonNode.Parse("""["device-local"]""");
        node["rules"]!.AsArray().Add(JsonNode.Parse("""{"id":"health.use","effect":"permit","actions":["use"],"categories":["sensitive.health"],"clause":"sensitive.none"}"""));
        var path = Write("sensitive.json", node);

        var text = CliRunner.InProcess(string.Empty, "check", path, "--format", "text");
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("error /rules/", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("(sensitive-permitted) [rule health.use, clause sensitive.none]", text.Stdout, StringComparison.Ordinal);

        var json = CliRunner.InProcess(string.Empty, "check", path, "--format", "json");
        Assert.Equal(1, json.ExitCode);
        using var report = JsonDocument.Parse(json.Stdout);
        Assert.Equal(1, report.RootElement.GetProperty("errors").GetInt32());
        var finding = report.RootElement.GetProperty("findings").EnumerateArray().First();
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("sensitive-permitted", finding.GetProperty("code").GetString());
        Assert.Equal("health.use", finding.GetProperty("rule").GetString());
    }

    [Fact]
    public void Check_PermissionTheEngineNeverApplies_IsAnErrorNotASensitivePermit()
    {
        var node = ExampleNode();
        node["rules"]!.AsArray().Add(JsonNode.Parse("""{"id":"health.keep","effect":"permit","actions":["retain"],"categories":["sensitive.health"],"clause":"sensitive.none"}"""));
        node["rules"]!.AsArray().Add(JsonNode.Parse("""{"id":"share.marketing","effect":"permit","actions":["disclose"],"purposes":["marketing"],"clause":"disclosure.consent"}"""));
        var result = CliRunner.InProcess(string.Empty, "check", Write("never.json", node), "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(result.Stdout);
        var findings = report.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("severity").GetString() == "error")
            .Select(f => (f.GetProperty("code").GetString(), f.GetProperty("rule").GetString()))
            .ToArray();
        Assert.Equal([("ignored-selector", "health.keep"), ("ignored-selector", "share.marketing")], findings);

        // The engine agrees: the disclosure the rule seems to allow is denied.
        var decided = CliRunner.InProcess(
            """{"action":"disclose","at":"2026-03-01T09:00:00Z","category":"personal.email","recipient":"third-party","reason":"service-provision"}""",
            "decide", "--policy", Path.Combine(_directory, "never.json"));
        Assert.Contains("\"deny\"", decided.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RuleWithoutClause_IsAnErrorFindingNotALoadFailure()
    {
        var node = ExampleNode();
        node["rules"]![5]!.AsObject().Remove("clause");
        var result = CliRunner.InProcess(string.Empty, "check", Write("no-clause.json", node), "--format", "text");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error /rules/5:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("(missing-clause)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnreadableDocument_Exits64()
    {
        File.WriteAllText(Path.Combine(_directory, "bad.json"), "{ not json");
        var result = CliRunner.InProcess(string.Empty, "check", Path.Combine(_directory, "bad.json"));
        Assert.Equal(64, result.ExitCode);
        Assert.Contains("(invalid-json)", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(64, CliRunner.InProcess(string.Empty, "check", Path.Combine(_directory, "missing.json")).ExitCode);
    }

    [Theory]
    [InlineData("markdown")]
    [InlineData("html")]
    public void Render_DocumentAndBuiltIn_GiveTheSameNoticeWithEveryClause(string format)
    {
        var builtIn = CliRunner.InProcess(string.Empty, "render", "builtin:ismartviewpro-2018", "--format", format);
        var document = CliRunner.InProcess(string.Empty, "render", Example, "--format", format);
        Assert.Equal(0, builtIn.ExitCode);
        Assert.Equal(builtIn.Stdout, document.Stdout);
        foreach (var clause in ExampleNode()["clauses"]!.AsArray())
        {
            Assert.Contains($"<a id=\"{clause!["id"]}\"></a>", builtIn.Stdout, StringComparison.Ordinal);
        }

        Assert.Equal(builtIn.Stdout, CliRunner.InProcess(string.Empty, "render", "--format", format).Stdout);
    }
}
