using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PrivacyHost.Tests;

/// <summary>The sample host end to end: contract-shaped JSON, health, metrics, and a policy file that changes under it.</summary>
public sealed class PrivacyHostTests : IDisposable
{
    private const string RetainEmail = """{"category":"personal.email","collectedAt":"2025-06-01T00:00:00Z","at":"2026-03-15T00:00:00Z"}""";

    private readonly string _directory = Directory.CreateTempSubdirectory("privacy-host-").FullName;
    private readonly string _policyPath;
    private readonly string _policyText;
    private readonly WebApplicationFactory<Program> _factory;

    public PrivacyHostTests()
    {
        _policyText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policy.json"));
        _policyPath = Path.Combine(_directory, "policy.json");
        File.WriteAllText(_policyPath, _policyText);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Privacy:Policy", _policyPath));
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task DecideUse_SubjectInBody_ReturnsTheDecisionInTheContractShape()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsync("/decide/use", Json("""{"category":"personal.email","purpose":"marketing","at":"2026-03-01T09:00:00Z","subject":{"id":"u-17","hasEmail":true,"events":[{"type":"marketing-opt-out","at":"2026-02-01T10:00:00Z"}]}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("""{"effect":"deny","clauses":[""", body, StringComparison.Ordinal);
        Assert.EndsWith(""","obligations":[]}""", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecideRetain_ReturnsTheDeadlineAsIsoWithZ()
        => Assert.Equal(
            """{"effect":"retain","clauses":["collection.necessary"],"until":"2028-06-01T00:00:00Z","obligations":[]}""",
            await PostAsync("/decide/retain", RetainEmail));

    [Fact]
    public async Task DecideUse_UnknownField_IsABadRequestNeverADecision()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsync("/decide/use", Json("""{"category":"personal.email","purpose":"marketing","at":"2026-03-01T09:00:00Z","subject":{"id":"u","consent":"all"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Decide_RequestLineWithASubject_ReturnsTheCommandsDecision()
        => Assert.Equal(
            """{"effect":"deny","clauses":["rights.marketing-opt-out"],"obligations":[]}""",
            await PostAsync("/decide", """{"id":"r1","action":"communicate","at":"2026-03-01T09:00:00Z","message":"marketing","channel":"email","subject":{"id":"u-17","hasEmail":true,"events":[{"type":"marketing-opt-out","at":"2026-02-01T10:00:00Z"}]}}"""));

    [Theory]
    [InlineData("""{"action":"communicate","at":"2026-03-01T09:00:00Z","message":"marketing","channel":"email","channe\u006c":"sms"}""")]
    [InlineData("""{"action":"communicate","at":"9999-12-31T23:59:59-18:00","message":"marketing","channel":"email"}""")]
    [InlineData("""{"action":"communicate","at":"2026-03-01T09:00:00Z","message":"marketing","channel":"email","subject":{"id":"u","optedIn":true}}""")]
    public async Task Decide_BodyTheCommandWouldRefuse_IsABadRequestNeverADecision(string body)
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsync("/decide", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Rights_Erasure_ReturnsThePlanWithItsDates()
    {
        var json = await PostAsync("/rights/erasure", """{"subject":{"id":"u-19"},"receivedAt":"2026-03-01T10:00:00Z","records":[{"id":"rec-1","category":"personal.email","collectedAt":"2025-06-01T00:00:00Z"}]}""");

        using var plan = JsonDocument.Parse(json);
        Assert.Equal("erasure", plan.RootElement.GetProperty("right").GetString());
        Assert.Equal("2026-04-01T10:00:00Z", plan.RootElement.GetProperty("respondBy").GetString());
        var item = Assert.Single(plan.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("rec-1", item.GetProperty("record").GetString());
        Assert.Equal("personal.email", item.GetProperty("category").GetString());
    }

    [Fact]
    public async Task Health_PolicyLoaded_IsHealthy()
    {
        using var client = _factory.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
    }

    [Fact]
    public async Task Metrics_AfterADecision_CountTheDecisionByActionAndEffect()
    {
        await PostAsync("/decide/retain", RetainEmail);
        using var client = _factory.CreateClient();

        using var metrics = JsonDocument.Parse(await client.GetStringAsync("/metrics"));

        Assert.Contains(metrics.RootElement.EnumerateObject(), p => p.Name.StartsWith("privacy.decisions{", StringComparison.Ordinal) && p.Name.Contains("retain", StringComparison.Ordinal) && p.Value.GetDouble() >= 1);
    }

    [Fact]
    public async Task PolicyFile_InPlaceEdit_ChangesDecisionsAndABrokenEditKeepsTheLastGoodPolicyDegraded()
    {
        Assert.Contains("2028-06-01T00:00:00Z", await PostAsync("/decide/retain", RetainEmail), StringComparison.Ordinal);

        await File.WriteAllTextAsync(_policyPath, Shortened());
        await EventuallyAsync(async () => (await PostAsync("/decide/retain", RetainEmail)).Contains("2027-06-01T00:00:00Z", StringComparison.Ordinal));
        using var client = _factory.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));

        await File.WriteAllTextAsync(_policyPath, "{ \"formatVersion\": 1, broken");
        await EventuallyAsync(async () => await client.GetStringAsync("/health") == "Degraded");
        Assert.Contains("2027-06-01T00:00:00Z", await PostAsync("/decide/retain", RetainEmail), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyFile_SymlinkSwap_ChangesDecisionsAndStaysHealthy()
    {
        // The layout of a Kubernetes ConfigMap volume: policy.json -> ..data/policy.json, ..data -> a versioned directory.
        var first = Directory.CreateDirectory(Path.Combine(_directory, "v1")).FullName;
        await File.WriteAllTextAsync(Path.Combine(first, "policy.json"), _policyText);
        var data = Path.Combine(_directory, "..data");
        File.CreateSymbolicLink(data, first);
        File.Delete(_policyPath);
        File.CreateSymbolicLink(_policyPath, Path.Combine(data, "policy.json"));
        Assert.Contains("2028-06-01T00:00:00Z", await PostAsync("/decide/retain", RetainEmail), StringComparison.Ordinal);

        var second = Directory.CreateDirectory(Path.Combine(_directory, "v2")).FullName;
        await File.WriteAllTextAsync(Path.Combine(second, "policy.json"), Shortened());
        var swap = Path.Combine(_directory, "..data_tmp");
        File.CreateSymbolicLink(swap, second);
        // rename(2) of the new link over the old one, atomically, as the kubelet does (File.Move follows the link to a directory).
        using (var move = Process.Start("mv", ["-T", swap, data]))
        {
            await move.WaitForExitAsync();
            Assert.Equal(0, move.ExitCode);
        }

        await EventuallyAsync(async () => (await PostAsync("/decide/retain", RetainEmail)).Contains("2027-06-01T00:00:00Z", StringComparison.Ordinal));
        using var client = _factory.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The host did not pick up the policy change within 10 seconds.");
    }

    /// <summary>The same policy with the retention of contact data shortened from 36 to 24 months.</summary>
    private string Shortened()
    {
        var shortened = _policyText.Replace("\"period\": \"P36M\"", "\"period\": \"P24M\"", StringComparison.Ordinal);
        Assert.NotEqual(_policyText, shortened);
        return shortened;
    }

    private async Task<string> PostAsync(string path, string json)
    {
        using var client = _factory.CreateClient();
        var response = await client.PostAsync(path, Json(json));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }
}
