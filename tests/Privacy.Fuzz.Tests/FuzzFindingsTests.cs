using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Privacy.Fuzz.Engine;
using Privacy.Fuzz.Targets;

namespace Privacy.Fuzz.Tests;

/// <summary>
/// Every input the fuzzer has found (<c>fuzz/findings/TARGET/*.input</c>), replayed: each must now keep every promise
/// of its target (a named error, never an exception, a hang or a wrong answer). Then the same classes of input,
/// written out by hand, with the answer the CLI contract asks for.
/// </summary>
public sealed class FuzzFindingsTests
{
    public static TheoryData<string, string> Findings()
    {
        var data = new TheoryData<string, string>();
        foreach (var (target, file) in FuzzFolders.FindingInputs())
        {
            data.Add(target, file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Findings))]
    public void Replay_SavedFinding_KeepsEveryPromise(string target, string file)
    {
        using var fuzzTarget = TargetCatalog.Create(target);
        var input = File.ReadAllBytes(Path.Combine(FuzzFolders.Findings(target), file));

        var finding = FuzzEngine.RunOne(fuzzTarget, input, TimeSpan.FromSeconds(10));

        Assert.True(finding is null, finding is null ? null : FuzzSmokeTests.Describe(finding));
    }

    private const string Use = "\"action\":\"use\",\"at\":\"2026-03-01T09:00:00Z\",\"category\":\"personal.email\",\"purpose\":\"service.support\"";
    private const string Good = "{\"id\":\"good\"," + Use + "}";

    [Theory]
    [InlineData("{\"id\":\"\\ud800\"," + Use + "}", "id")]
    [InlineData("{\"id\":\"bad\"," + Use + ",\"subject\":{\"id\":\"\\udfff\"}}", "subject.id")]
    [InlineData("{\"id\":\"bad\",\"action\":\"use\",\"at\":\"2026-03-01T09:00:00+19:00\",\"category\":\"personal.email\",\"purpose\":\"service.support\"}", "at")]
    [InlineData("{\"id\":\"bad\",\"action\":\"use\",\"at\":\"9999-12-31T23:59:59-18:00\",\"category\":\"personal.email\",\"purpose\":\"service.support\"}", "at")]
    [InlineData("{\"id\":\"bad\"," + Use + ",\"subject\":{\"events\":[{\"type\":\"marketing-opt-out\",\"at\":\"-9998-01-01T00:00:00+18:00\"}]}}", "subject.events[0].at")]
    [InlineData("{\"id\":\"bad\"," + Use + ",\"subject\":{\"events\":[{\"type\":\"marketing-opt-out\",\"at\":\"2026-01-01T00:00:00+19:00\"}]}}", "subject.events[0].at")]
    [InlineData("{\"id\":\"bad\"," + Use + ",\"subject\":{\"id\":\" \"}}", "subject.id")]
    [InlineData("{\"id\":\"bad\"," + Use + ",\"subject\":{\"id\":\"\\u2028\\u2028\"}}", "subject.id")]
    [InlineData("{\"id\":\"bad\",\"action\":\"use\",\"at\":\"2026-03-01T09:00:00Z\",\"category\":\"sensitive.health\",\"purpose\":\"service.support\",\"category\":\"personal.email\"}", "category")]
    [InlineData("{\"id\":\"bad\",\"action\":\"use\",\"at\":\"2026-03-01T09:00:00Z\",\"category\":\"sensitive.health\",\"purpose\":\"service.support\",\"categor\\u0079\":\"personal.email\"}", "category")]
    public void Decide_BadLineBeforeGoodOne_NamesFieldAndDecidesTheRest(string bad, string field)
    {
        var cli = new CliHarness();

        var result = cli.Invoke(Encoding.UTF8.GetBytes(bad + "\n" + Good + "\n"), "decide", "--input", "-");

        Assert.Equal(65, result.ExitCode);
        var lines = Oracles.OutputLines(result);
        Assert.Equal(2, lines.Count);
        using (var first = JsonDocument.Parse(lines[0]))
        {
            Assert.False(first.RootElement.TryGetProperty("effect", out _), lines[0]);
            Assert.Equal(field, first.RootElement.GetProperty("error").GetProperty("field").GetString());
        }

        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("good", second.RootElement.GetProperty("id").GetString());
        Assert.Equal("permit", second.RootElement.GetProperty("effect").GetString());
    }

    [Theory]
    [InlineData("{\"id\":\"r\",\"action\":\"retain\",\"at\":\"9999-12-31T23:59:59Z\",\"category\":\"personal.email\",\"collectedAt\":\"9999-12-01T00:00:00Z\"}")]
    [InlineData("{\"id\":\"r\",\"action\":\"retain\",\"at\":\"9999-12-31T00:00:00Z\",\"category\":\"personal.email\",\"collectedAt\":\"2026-01-01T00:00:00Z\",\"subject\":{\"id\":\"u\",\"events\":[{\"type\":\"account-closed\",\"at\":\"9999-12-30T00:00:00Z\"}]}}")]
    public void Decide_RetentionNearEndOfTime_AnswersEveryLine(string line)
    {
        var cli = new CliHarness();

        var result = cli.Invoke(Encoding.UTF8.GetBytes(line + "\n" + Good + "\n"), "decide", "--input", "-");

        Assert.Contains(result.ExitCode, new[] { 0, 65 });
        Assert.Equal(2, Oracles.OutputLines(result).Count);
    }

    [Fact]
    public void Explain_ControlCharactersInId_AreEscaped()
    {
        var cli = new CliHarness();
        var line = "{\"id\":\"\\u001b[2K\\rPERMIT  use personal.email\\nPERMIT\",\"action\":\"use\",\"at\":\"2026-03-01T09:00:00Z\",\"category\":\"sensitive.health\",\"purpose\":\"service.support\"}\n";

        var result = cli.Invoke(Encoding.UTF8.GetBytes(line), "explain", "--input", "-");

        Assert.DoesNotContain(result.OutputText, c => c is '\u001b' or '\r');
        Assert.DoesNotContain(result.OutputText.Split('\n'), l => l.StartsWith("PERMIT", StringComparison.Ordinal));
    }

    [Fact]
    public void Rights_RecordWithOverflowingInstant_IsReportedByIdAndTheOthersPlanned()
    {
        using var files = new TempFiles();
        var subject = files.Write("subject.json", "{\"id\":\"u-17\",\"hasEmail\":true}");
        var cli = new CliHarness();
        var records = "{\"id\":\"bad\",\"category\":\"personal.email\",\"collectedAt\":\"9999-12-31T23:59:59-18:00\"}\n{\"id\":\"good\",\"category\":\"personal.email\",\"collectedAt\":\"2025-06-01T09:30:00Z\"}\n";

        var result = cli.Invoke(Encoding.UTF8.GetBytes(records), "rights", "erase", "--subject", subject, "--records", "-", "--at", "2026-04-01T00:00:00Z");

        Assert.Equal(65, result.ExitCode);
        using var plan = JsonDocument.Parse(result.Output);
        Assert.Contains(plan.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("record").GetString() == "bad");
        Assert.Contains(plan.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("record").GetString() == "good");
    }

    [Theory]
    [InlineData("\"awareAt\":\"2026-03-27T09:30:00+19:00\",\"categories\":[\"personal.email\"],\"subjects\":3", "awareAt")]
    [InlineData("\"awareAt\":\"2026-03-27T09:30:00Z\",\"categories\":[\"personal.email\"],\"subjects\":3,\"id\":\"\\ud800\"", "id")]
    public void Breach_BadIncident_NamesFieldWithExit65(string fields, string field)
    {
        var cli = new CliHarness();

        var result = cli.Invoke(Encoding.UTF8.GetBytes("{" + fields + "}"), "breach", "--input", "-");

        Assert.Equal(65, result.ExitCode);
        using var error = JsonDocument.Parse(result.Output);
        Assert.Equal(field, error.RootElement.GetProperty("error").GetProperty("field").GetString());
    }

    [Fact]
    public void Breach_AwareAtTheLastSecond_DeadlinesClampedToTheEndOfTime()
    {
        // An instant of the year 9999 is a valid instant; the contract clamps deadlines past it to the last instant
        // there is, which is earlier than the true deadline and so never late.
        var cli = new CliHarness();

        var result = cli.Invoke(Encoding.UTF8.GetBytes("{\"awareAt\":\"9999-12-31T23:59:59Z\",\"categories\":[\"personal.email\"],\"subjects\":3}"), "breach", "--input", "-");

        Assert.Equal(0, result.ExitCode);
        using var plan = JsonDocument.Parse(result.Output);
        var steps = plan.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Contains(steps, s => s.GetProperty("id").GetString() == "notify-authority" && s.GetProperty("by").GetString() == "9999-12-31T23:59:59.999999999Z");
        Assert.All(steps, s => Assert.StartsWith("9999-12-31T23:59:59", s.GetProperty("by").GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\\u2028")]
    public void Rights_RecordWithBlankId_IsReportedAndTheOthersPlanned(string blank)
    {
        using var files = new TempFiles();
        var subject = files.Write("subject.json", "{\"id\":\"u-17\",\"hasEmail\":true}");
        var cli = new CliHarness();
        var records = "{\"id\":\"" + blank + "\",\"category\":\"personal.email\",\"collectedAt\":\"2025-06-01T09:30:00Z\"}\n{\"id\":\"good\",\"category\":\"personal.email\",\"collectedAt\":\"2025-06-01T09:30:00Z\"}\n";

        var result = cli.Invoke(Encoding.UTF8.GetBytes(records), "rights", "erase", "--subject", subject, "--records", "-", "--at", "2026-04-01T00:00:00Z");

        Assert.Equal(65, result.ExitCode);
        using var plan = JsonDocument.Parse(result.Output);
        Assert.Contains(plan.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("error").GetProperty("field").GetString() == "id");
        Assert.Contains(plan.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("record").GetString() == "good");
    }

    [Theory]
    [InlineData("{\"id\":\"u\",\"events\":[{\"type\":\"service-used\",\"at\":\"2026-02-01T10:00:00+19:00\"}]}")]
    [InlineData("{\"id\":\"u\",\"events\":[{\"type\":\"service-used\",\"at\":\"9999-12-31T23:59:59-18:00\"}]}")]
    [InlineData("{\"id\":\"\\ud800\"}")]
    [InlineData("{\"id\":\" \"}")]
    [InlineData("{\"id\":\"\\u2028\"}")]
    public void Acceptance_BadSubject_IsRefusedWithExit65(string subject)
    {
        var cli = new CliHarness();

        var result = cli.Invoke(Encoding.UTF8.GetBytes(subject + "\n"), "acceptance", "builtin:ismartviewpro-2018", "--at", "2026-04-01T00:00:00Z", "--input", "-");

        Assert.Equal(65, result.ExitCode);
    }

    [Theory]
    [InlineData("\"effectiveFrom\": \"2026-01-01T00:00:00Z\"", "\"effectiveFrom\": \"9999-12-31T23:59:59-18:00\"", "/effectiveFrom")]
    [InlineData("\"effectiveFrom\": \"2026-01-01T00:00:00Z\"", "\"effectiveFrom\": \"2026-01-01T00:00:00+19:00\"", "/effectiveFrom")]
    [InlineData("\"name\": \"Mini\"", "\"name\": \"\\ud800\"", "/name")]
    [InlineData("\"timeZone\": \"Europe/Oslo\"", "\"timeZone\": \" \"", "/timeZone")]
    [InlineData("\"timeZone\": \"Europe/Oslo\"", "\"timeZone\": \"\\u0085\"", "/timeZone")]
    [InlineData("\"period\": \"P36M\"", "\"period\": \"P99999999999D\"", "/retention/rules/0/period")]
    [InlineData("\"period\": \"P36M\"", "\"period\": \"PT9223372807S\"", "/retention/rules/0/period")]
    public void Parse_BadDocumentValue_IsValidationProblemAtPointer(string original, string replacement, string pointer)
    {
        var json = File.ReadAllText(Path.Combine(FuzzFolders.Corpus("document"), "mini.policy.json"));
        Assert.Contains(original, json, StringComparison.Ordinal);

        var e = Assert.Throws<Privacy.Policies.PolicyValidationException>(() => Privacy.Documents.PolicyDocument.Parse(json.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Contains(e.Problems, p => p.Path == pointer);
    }

    [Fact]
    public void Parse_CalendarPeriodBeyondInt64Nanoseconds_Loads()
    {
        // 214,747 days (588 years) is within the 1000 years a document may state, but its nanoseconds pass Int64.
        var json = File.ReadAllText(Path.Combine(FuzzFolders.Corpus("document"), "mini.policy.json"));

        var policy = Privacy.Documents.PolicyDocument.Parse(json.Replace("\"maximumExtension\": \"P3M\"", "\"maximumExtension\": \"P214747D\"", StringComparison.Ordinal));

        Assert.Equal("P214747D", Assert.Single(policy.Grounds).MaximumExtension.ToString());
    }

    [Fact]
    public void Load_InvalidUtf8InString_IsValidationProblem()
    {
        var json = File.ReadAllBytes(Path.Combine(FuzzFolders.Corpus("document"), "mini.policy.json"));
        var at = Array.IndexOf(json, (byte)'M');
        var bytes = json.ToList();
        bytes.Insert(at, 0xFF);

        var e = Assert.Throws<Privacy.Policies.PolicyValidationException>(() => Privacy.Documents.PolicyDocument.Load(new MemoryStream([.. bytes])));

        Assert.Contains(e.Problems, p => p.Path == "/name" && p.Code == "invalid-string");
    }
}
