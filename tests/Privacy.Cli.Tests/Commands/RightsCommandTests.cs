using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Privacy.Tests.Commands;

public class RightsCommandTests
{
    private static readonly string[] Common = ["--subject", "examples/subject.json", "--records", "examples/records.jsonl", "--at", "2026-03-01T10:00:00Z"];

    private static JsonElement Run(string right, out int exitCode, params string[] extra)
    {
        var result = CliRunner.InProcess(string.Empty, ["rights", right, .. Common, .. extra]);
        exitCode = result.ExitCode;
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    [Fact]
    public void Erase_ExampleFiles_DeleteSomeAndRetainOthersWithGroundAndDate()
    {
        var plan = Run("erase", out var code);
        Assert.Equal(0, code);
        Assert.Equal("2026-04-01T10:00:00Z", plan.GetProperty("respondBy").GetString());
        var items = plan.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("record").GetString()!);
        Assert.Equal(5, items.Count);
        Assert.Equal("delete", items["rec-1"].GetProperty("action").GetString());
        Assert.Equal("2026-04-01T10:00:00Z", items["rec-1"].GetProperty("by").GetString());
        Assert.Equal("retain", items["rec-2"].GetProperty("action").GetString());
        Assert.Equal("2027-04-01T10:00:00Z", items["rec-2"].GetProperty("until").GetString());
        Assert.Equal("fraud-prevention", items["rec-2"].GetProperty("grounds")[0].GetString());
        Assert.Equal("rights.retention-exceptions", items["rec-2"].GetProperty("clauses")[0].GetString());
        Assert.Equal(0, plan.GetProperty("suppression").GetArrayLength());
    }

    [Fact]
    public async Task Erase_WithContactAndKey_WritesTheHashNeverTheAddress()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "privacy.dll"));
        string[] args = ["rights", "erase", .. Common, "--contact", "Jane.Doe@example.com"];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PRIVACY_SUPPRESSION_KEY"] = "a-key-for-the-cli-test-of-32-bytes";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.DoesNotContain("jane", stdout, StringComparison.OrdinalIgnoreCase);
        var entry = JsonDocument.Parse(stdout).RootElement.GetProperty("suppression")[0];
        Assert.StartsWith("hmac-sha256:", entry.GetProperty("hash").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-03-01T10:00:00Z", entry.GetProperty("since").GetString());
    }

    [Fact]
    public async Task Erase_LookalikeContact_HashesAsTheLibraryDoesWithTheKeyId()
    {
        // A separate process, so the tool's own globalization settings apply, as for a user.
        const string key = "a-key-for-the-cli-test-of-32-bytes";
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "privacy.dll"));
        string[] args = ["rights", "erase", .. Common, "--contact", "\uFF2A\uFF41ne\u200B.Doe@B\u00DCCHER.example", "--contact", "jane.doe@xn--bcher-kva.example."];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PRIVACY_SUPPRESSION_KEY"] = key;
        start.Environment["PRIVACY_SUPPRESSION_KEY_ID"] = "2026-03";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, stderr);
        var entry = Assert.Single(JsonDocument.Parse(stdout).RootElement.GetProperty("suppression").EnumerateArray());
        Assert.Equal(Privacy.Rights.ContactHasher.FromText(key).Hash("jane.doe@bücher.example"), entry.GetProperty("hash").GetString());
        Assert.Equal("2026-03", entry.GetProperty("keyId").GetString());
    }

    [Fact]
    public void Erase_ContactWithA31ByteKey_IsAUsageError()
    {
        Environment.SetEnvironmentVariable("PRIVACY_SUPPRESSION_KEY", new string('k', 31));
        try
        {
            var result = CliRunner.InProcess(string.Empty, ["rights", "erase", .. Common, "--contact", "a@b.example"]);
            Assert.Equal(64, result.ExitCode);
            Assert.Contains("32 bytes", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PRIVACY_SUPPRESSION_KEY", null);
        }
    }

    [Fact]
    public void Erase_ContactWithoutKey_IsAUsageError()
    {
        Environment.SetEnvironmentVariable("PRIVACY_SUPPRESSION_KEY", null);
        var result = CliRunner.InProcess(string.Empty, ["rights", "erase", .. Common, "--contact", "a@b.example"]);
        Assert.Equal(64, result.ExitCode);
        Assert.Contains("PRIVACY_SUPPRESSION_KEY", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Access_ListsPurposesRecipientsAndUntil()
    {
        var plan = Run("access", out var code);
        Assert.Equal(0, code);
        var first = plan.GetProperty("items")[0];
        Assert.Equal("held", first.GetProperty("action").GetString());
        Assert.Equal("2029-02-20T18:45:00Z", first.GetProperty("until").GetString());
        Assert.Equal("service-provider", first.GetProperty("recipients")[0].GetString());
        Assert.Equal("rights.access", first.GetProperty("clauses")[0].GetString());
    }

    [Fact]
    public void Rectify_GivesActiveAndBackupDeadlines()
    {
        var item = Run("rectify", out _).GetProperty("items")[0];
        Assert.Equal("rectify", item.GetProperty("action").GetString());
        Assert.Equal("2026-03-08T10:00:00Z", item.GetProperty("by").GetString());
        Assert.Equal("2026-06-08T10:00:00Z", item.GetProperty("backupsBy").GetString());
    }

    [Fact]
    public void OptOut_SaysWhatStopsAndWhatContinues()
    {
        var plan = Run("opt-out", out _);
        var scope = plan.GetProperty("optOut");
        Assert.Equal("marketing", scope.GetProperty("stoppedMessages")[0].GetString());
        Assert.Equal(3, scope.GetProperty("continuingMessages").GetArrayLength());
        Assert.Equal("restrict", plan.GetProperty("items")[0].GetProperty("action").GetString());
        Assert.Equal("marketing.own", plan.GetProperty("items")[0].GetProperty("stops")[0].GetString());
    }

    [Fact]
    public void OptOut_NonPersonalRecordUsedForMarketing_IsNotRestricted()
    {
        var records = WriteRecords(
            """{"id":"np","category":"non-personal.usage","collectedAt":"2026-01-10T00:00:00Z","purposes":["marketing.own","service.improvement"]}""",
            """{"id":"pe","category":"personal.email","collectedAt":"2026-01-10T00:00:00Z","purposes":["marketing.own"]}""");
        try
        {
            var plan = JsonDocument.Parse(CliRunner.InProcess(string.Empty, "rights", "opt-out", "--subject", "examples/subject.json", "--records", records, "--at", "2026-03-01T10:00:00Z").Stdout).RootElement;
            var items = plan.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("record").GetString()!);
            Assert.Equal("retain", items["np"].GetProperty("action").GetString());
            Assert.False(items["np"].TryGetProperty("stops", out var stops) && stops.GetArrayLength() > 0);
            Assert.DoesNotContain("rights.marketing-opt-out", items["np"].GetProperty("clauses").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal("restrict", items["pe"].GetProperty("action").GetString());
        }
        finally
        {
            File.Delete(records);
        }
    }

    [Fact]
    public void Access_AfterOptOut_NonPersonalRecordStillListsMarketing()
    {
        var subject = Path.Combine(Path.GetTempPath(), $"subject-{Guid.NewGuid():N}.json");
        File.WriteAllText(subject, """{"id":"u-20","hasEmail":true,"events":[{"type":"marketing-opt-out","at":"2026-02-01T00:00:00Z"}]}""");
        var records = WriteRecords("""{"id":"np","category":"non-personal.usage","collectedAt":"2026-01-10T00:00:00Z"}""");
        try
        {
            var plan = JsonDocument.Parse(CliRunner.InProcess(string.Empty, "rights", "access", "--subject", subject, "--records", records, "--at", "2026-03-01T10:00:00Z").Stdout).RootElement;
            var purposes = plan.GetProperty("items")[0].GetProperty("purposes").EnumerateArray().Select(p => p.GetString()).ToArray();
            Assert.Contains("marketing.own", purposes);
            Assert.Contains("marketing.partners", purposes);
        }
        finally
        {
            File.Delete(subject);
            File.Delete(records);
        }
    }

    private static string WriteRecords(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"records-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void BadRecords_AreReportedByIdAndTheOthersPlanned()
    {
        var records = Path.Combine(Path.GetTempPath(), $"records-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(records,
        [
            """{"id":"good","category":"personal.email","collectedAt":"2026-01-01T00:00:00Z"}""",
            """{"id":"typo","category":"personal.emial","collectedAt":"2026-01-01T00:00:00Z"}""",
            """{"id":"when","category":"personal.email","collectedAt":"last year"}""",
            """{"id": 7}""",
            "not json",
            """{"id":"extra","category":"personal.email","collectedAt":"2026-01-01T00:00:00Z","colour":"blue"}""",
        ]);
        try
        {
            var result = CliRunner.InProcess(string.Empty, "rights", "erase", "--subject", "examples/subject.json", "--records", records, "--at", "2026-03-01T10:00:00Z");
            Assert.Equal(65, result.ExitCode);
            var plan = JsonDocument.Parse(result.Stdout).RootElement;
            Assert.Equal(["good"], plan.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("record").GetString()));
            var problems = plan.GetProperty("problems").EnumerateArray().ToArray();
            Assert.Equal(5, problems.Length);
            Assert.Equal(("typo", "unknown-category", "category"), (problems[0].GetProperty("record").GetString(), problems[0].GetProperty("error").GetProperty("code").GetString(), problems[0].GetProperty("error").GetProperty("field").GetString()));
            Assert.Equal("invalid-instant", problems[1].GetProperty("error").GetProperty("code").GetString());
            Assert.Equal("id", problems[2].GetProperty("error").GetProperty("field").GetString());
            Assert.Equal("malformed-json", problems[3].GetProperty("error").GetProperty("code").GetString());
            Assert.Equal("unknown-field", problems[4].GetProperty("error").GetProperty("code").GetString());
        }
        finally
        {
            File.Delete(records);
        }
    }

    [Theory]
    [InlineData("--at", "yesterday")]
    public void UsageErrors_Exit64(string option, string value)
    {
        var args = Common.ToArray();
        args[Array.IndexOf(args, option) + 1] = value;
        var result = CliRunner.InProcess(string.Empty, ["rights", "access", .. args]);
        Assert.Equal(64, result.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(result.Stderr));
    }

    [Fact]
    public void Text_IsReadable()
    {
        var result = CliRunner.InProcess(string.Empty, ["rights", "erase", .. Common, "--format", "text"]);
        Assert.Contains("rec-2 (personal.log.ip-address): RETAIN until 2027-04-01T10:00:00Z", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("grounds: fraud-prevention", result.Stdout, StringComparison.Ordinal);
    }
}
