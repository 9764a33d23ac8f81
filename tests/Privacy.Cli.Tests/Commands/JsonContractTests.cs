using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Privacy.Serialization;

namespace Privacy.Tests.Commands;

/// <summary>The command's JSON is the library's: <see cref="PrivacyJson"/> writes the same bytes for the same result.</summary>
public sealed class JsonContractTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("privacy-contract-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Decide_ExampleRequests_EveryLineIsTheLibrarysSerialization()
    {
        var result = CliRunner.InProcess(string.Empty, "decide", "--input", "examples/requests.jsonl");
        Assert.Equal(0, result.ExitCode);
        Assert.NotEmpty(result.Lines);
        foreach (var line in result.Lines)
        {
            using var document = JsonDocument.Parse(line);
            var id = document.RootElement.GetProperty("id").GetString();
            var body = new StringBuilder("{");
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name != "id")
                {
                    body.Append(body.Length > 1 ? "," : string.Empty).Append(property.ToString() is var _ ? $"\"{property.Name}\":{property.Value.GetRawText()}" : string.Empty);
                }
            }

            var decision = JsonSerializer.Deserialize(body.Append('}').ToString(), PrivacyJson.Options.GetTypeInfo(typeof(PrivacyDecision)));
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                PrivacyJson.WriteDecision(writer, id, (PrivacyDecision)decision!);
            }

            Assert.Equal(line, Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }

    [Theory]
    [InlineData("erase")]
    [InlineData("access")]
    [InlineData("rectify")]
    [InlineData("opt-out")]
    public void Rights_ExampleFiles_OutputIsTheLibrarysSerialization(string right)
    {
        var result = CliRunner.InProcess(string.Empty, "rights", right, "--subject", "examples/subject.json", "--records", "examples/records.jsonl", "--at", "2026-03-01T10:00:00Z");
        Assert.True(result.ExitCode is 0 or 65, result.Stderr);
        var plan = (RightsPlan)JsonSerializer.Deserialize(result.Stdout, PrivacyJson.Options.GetTypeInfo(typeof(RightsPlan)))!;
        var subject = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("subject").GetString();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            PrivacyJson.WriteRightsPlan(writer, plan, subject);
        }

        Assert.Equal(result.Stdout, Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }

    [Theory]
    [InlineData("decide", "--input")]
    [InlineData("explain", "--input")]
    public void RequestCommands_MissingInputFile_Exit66(string command, string option)
    {
        var result = CliRunner.InProcess(string.Empty, command, option, Path.Combine(_directory, "missing.jsonl"));

        Assert.Equal(66, result.ExitCode);
        Assert.Contains("missing.jsonl", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rights_MissingRecordsOrSubjectFile_Exit66()
    {
        var missing = Path.Combine(_directory, "missing.jsonl");

        Assert.Equal(66, CliRunner.InProcess(string.Empty, "rights", "erase", "--subject", "examples/subject.json", "--records", missing, "--at", "2026-03-01T10:00:00Z").ExitCode);
        Assert.Equal(66, CliRunner.InProcess(string.Empty, "rights", "erase", "--subject", missing, "--records", "examples/records.jsonl", "--at", "2026-03-01T10:00:00Z").ExitCode);
    }

    [Fact]
    public void PolicyExport_UnwritableOutput_Exit73()
    {
        var result = CliRunner.InProcess(string.Empty, "policy", "export", "--output", Path.Combine(_directory, "no-such-directory", "policy.json"));

        Assert.Equal(73, result.ExitCode);
        Assert.Contains("cannot write", result.Stderr, StringComparison.Ordinal);
    }
}
