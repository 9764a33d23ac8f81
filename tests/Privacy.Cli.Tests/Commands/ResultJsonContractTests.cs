using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Privacy.Breach;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Documents;
using Privacy.Policies;
using Privacy.Serialization;
using Privacy.Versioning;

namespace Privacy.Tests.Commands;

/// <summary>
/// The command's policy diffs, breach incidents and breach plans are the library's: the bytes on standard output
/// are <see cref="JsonSerializer"/> with <see cref="PrivacyJson.Options"/>, written indented, for the value the
/// library computes on its own.
/// </summary>
public sealed class ResultJsonContractTests
{
    private static string Indented<T>(T value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonSerializer.Serialize(writer, value, PrivacyJson.Options.GetTypeInfo(typeof(T)));
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static T Read<T>(string json) => (T)JsonSerializer.Deserialize(json, PrivacyJson.Options.GetTypeInfo(typeof(T)))!;

    [Theory]
    [InlineData("builtin:ismartviewpro-2018", "examples/ismartviewpro-2018-v2.policy.json")]
    [InlineData("examples/ismartviewpro-2018-v2.policy.json", "builtin:ismartviewpro-2018")]
    [InlineData("builtin:ismartviewpro-2018", "examples/ismartviewpro-camera.policy.json")]
    [InlineData("builtin:ismartviewpro-2018", "builtin:ismartviewpro-2018")]
    public void Diff_ExamplePolicies_OutputIsTheLibrarysSerialization(string older, string newer)
    {
        static PrivacyPolicy Load(string reference)
            => reference.StartsWith("builtin:", StringComparison.Ordinal) ? BuiltInPolicies.Get(reference["builtin:".Length..]) : PolicyDocument.Load(reference);

        var result = CliRunner.InProcess(string.Empty, "diff", older, newer);

        var diff = PolicyDiffer.Instance.Diff(Load(older), Load(newer));
        Assert.Equal(diff.IsSignificant ? 1 : 0, result.ExitCode);
        Assert.Equal(Indented(diff), result.Stdout);
        Assert.Equal(result.Stdout, Indented(Read<PolicyDiff>(result.Stdout)));
    }

    [Fact]
    public void Breach_ExampleIncident_OutputIsTheLibrarysSerialization()
    {
        var result = CliRunner.InProcess(string.Empty, "breach", "--input", "examples/incident.json");

        var incident = Read<BreachIncident>(File.ReadAllText("examples/incident.json"));
        var plan = new BreachPlanner().Plan(incident, BuiltInPolicies.IsmartviewPro2018Compiled);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Indented(plan), result.Stdout);
        Assert.Equal(result.Stdout, Indented(Read<BreachPlan>(result.Stdout)));
    }

    [Fact]
    public void Breach_PolicyInAnotherZone_OutputIsTheLibrarysSerializationWithLocalDeadlines()
    {
        var oslo = BuiltInPolicies.CreateIsmartviewPro2018Builder().WithTimeZone("Europe/Oslo").Build();
        var path = Path.Combine(Path.GetTempPath(), $"oslo-{Guid.NewGuid():N}.policy.json");
        File.WriteAllText(path, PolicyDocument.ToJson(oslo));
        try
        {
            const string Incident = """{"awareAt":"2026-03-27T11:00:00Z","categories":["sensitive.health"],"subjects":3,"affected":[{"id":"u-1","hasEmail":true}]}""";
            var result = CliRunner.InProcess(Incident, "breach", "--input", "-", "--policy", path);

            var plan = new BreachPlanner().Plan(Read<BreachIncident>(Incident), CompiledPolicy.Compile(oslo));
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(Indented(plan), result.Stdout);
            Assert.Contains("\"byLocal\": \"2026-03-30T13:00:00+02\"", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Breach_BadIncident_ErrorIsTheLibrarysCodeAndField()
    {
        const string Incident = """{"awareAt":"2026-03-10T09:30:00Z","categories":["personal.email"],"affected":[{"id":"a","hasEmail":"yes"}]}""";

        var result = CliRunner.InProcess(Incident, "breach", "--input", "-");

        var error = Assert.IsType<PrivacyRequestException>(Assert.Throws<JsonException>(() => Read<BreachIncident>(Incident)).InnerException);
        Assert.Equal(65, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(error.Code, json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("affected[0].hasEmail", json.RootElement.GetProperty("error").GetProperty("field").GetString());
    }
}
