using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Privacy.Tests.Commands;

/// <summary>Inputs built to crash, hang or mislead the command: each gives a named error, and the rest of a batch is still answered.</summary>
public sealed class UntrustedInputTests : IDisposable
{
    private const string Good = """{"id":"ok","action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support"}""";

    private readonly string _dir = Directory.CreateTempSubdirectory("privacy-untrusted-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement;

    private static (string? Code, string? Field) Error(JsonElement line)
        => line.TryGetProperty("error", out var e) ? (e.GetProperty("code").GetString(), e.GetProperty("field").GetString()) : (null, null);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private string Fifo()
    {
        var path = Path.Combine(_dir, "fifo");
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>Runs the command in process, failing the test if it does not finish within ten seconds.</summary>
    private static async Task<CliRunner.Result> Bounded(string stdin, params string[] args)
        => await Task.Run(() => CliRunner.InProcess(stdin, args)).WaitAsync(TimeSpan.FromSeconds(10));

    [Theory]
    [InlineData("decide")]
    [InlineData("explain")]
    public void Request_LoneSurrogatesOverflowsAndDuplicates_NamedErrorsAndTheRestDecided(string command)
    {
        var input = string.Join('\n',
            """{"id":"\ud800","action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support"}""",
            """{"id":"s","action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","subject":{"events":[{"type":"service-used","at":"\udc00"}]}}""",
            """{"id":"k","\ud800":1}""",
            """{"id":"y","action":"use","at":"9999-12-31T23:00:00-05:00","category":"personal.email","purpose":"service.support"}""",
            """{"id":"o","action":"use","at":"2026-03-01T09:00:00+19:00","category":"personal.email","purpose":"service.support"}""",
            """{"id":"d","action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","categor\u0079":"personal","purpose":"service.support"}""",
            """{"id":"e","action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","subject":{"events":[{"type":"service-used","type":"account-closed","at":"2026-01-01T00:00:00Z"}]}}""",
            Good);
        var result = CliRunner.InProcess(input, command);

        Assert.Equal(65, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        if (command == "explain")
        {
            Assert.Equal(7, result.Lines.Count(l => l.Contains("cannot decide", StringComparison.Ordinal)));
            Assert.Contains("ok: PERMIT", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("(invalid-instant in 'at')", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("(duplicate-field in 'category')", result.Stdout, StringComparison.Ordinal);
            return;
        }

        var lines = result.Lines.Select(Json).ToArray();
        Assert.Equal(8, lines.Length);
        Assert.Equal(("invalid-string", "id"), Error(lines[0]));
        Assert.Equal(("invalid-string", "subject.events[0].at"), Error(lines[1]));
        Assert.Equal("invalid-string", Error(lines[2]).Code);
        Assert.Equal(("invalid-instant", "at"), Error(lines[3]));
        Assert.Equal(("invalid-instant", "at"), Error(lines[4]));
        Assert.Equal(("duplicate-field", "category"), Error(lines[5]));
        Assert.Equal(("duplicate-field", "subject.events[0].type"), Error(lines[6]));
        Assert.Equal("permit", lines[7].GetProperty("effect").GetString());
        Assert.Equal(["s", "k", "y", "o", "d", "e", "ok"], lines.Skip(1).Select(l => l.GetProperty("id").GetString()));
    }

    [Fact]
    public void Decide_RetentionPastTheEndOfTime_KeepsUntilTheLastInstant()
    {
        var input = """{"id":"r","action":"retain","at":"9999-12-31T00:00:00Z","category":"personal.email","collectedAt":"9999-12-30T00:00:00Z","subject":{"events":[{"type":"erasure-requested","at":"9999-12-30T00:00:00Z"}]}}""";
        var result = CliRunner.InProcess(input, "decide");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("9999-12-31T23:59:59.999999999Z", Json(result.Lines.Single()).GetProperty("until").GetString());
    }

    [Fact]
    public void Decide_LineOverOneMebibyte_LineTooLongAndTheNextDecided()
    {
        var huge = "{\"id\":\"big\",\"action\":\"use\",\"at\":\"2026-03-01T09:00:00Z\",\"category\":\"personal.email\",\"purpose\":\"" + new string('x', (1024 * 1024) + 10) + "\"}";
        var result = CliRunner.InProcess(huge + "\n" + Good, "decide");

        Assert.Equal(65, result.ExitCode);
        var lines = result.Lines.Select(Json).ToArray();
        Assert.Equal(("line-too-long", null), Error(lines[0]));
        Assert.Equal("permit", lines[1].GetProperty("effect").GetString());
    }

    [Fact]
    public void Decide_Utf16LineOverTheLimit_LineTooLongAndTheNextDecided()
    {
        var huge = "{\"id\":\"big\",\"purpose\":\"" + new string('x', (1024 * 1024) + 10) + "\"}";
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(huge + "\r\n" + Good + "\n")).ToArray();
        using var input = new MemoryStream(bytes);
        using var output = new MemoryStream();
        using var text = new StreamWriter(output) { AutoFlush = true };
        using var error = new StringWriter();

        var code = Privacy.Cli.CliApp.Run(["decide"], new Privacy.Cli.CliIO(input, output, text, error));

        Assert.Equal(65, code);
        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Json).ToArray();
        Assert.Equal(("line-too-long", null), Error(lines[0]));
        Assert.Equal("permit", lines[1].GetProperty("effect").GetString());
    }

    [Fact]
    public void Explain_IdWithNewlineAndTerminalEscapes_CannotForgeALine()
    {
        var input = """{"id":"x: DENY\n\u001b[2Kok: PERMIT","action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","subject":{"events":[{"type":"erasure-requested","at":"2026-01-01T00:00:00Z"}]}}""";
        var result = CliRunner.InProcess(input, "explain");

        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.DoesNotContain(result.Lines, l => l.StartsWith("ok: PERMIT", StringComparison.Ordinal));
        Assert.Contains(@"x: DENY\n\u001B[2Kok: PERMIT", result.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void RightsText_RecordIdWithControlCharacters_IsEscaped()
    {
        var subject = File("subject.json", """{"id":"s\r\nPERMIT"}""");
        var records = File("records.jsonl", """{"id":"r\n\u001b[1mPERMIT","category":"personal.email","collectedAt":"2026-01-01T00:00:00Z"}""");
        var result = CliRunner.InProcess(string.Empty, "rights", "access", "--subject", subject, "--records", records, "--at", "2026-03-01T00:00:00Z", "--format", "text");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.Contains(@"from s\r\nPERMIT", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(@"r\n\u001B[1mPERMIT (personal.email)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rights_BadRecords_ReportedByIdAndThePlanForTheOthersComesOut()
    {
        var subject = File("subject.json", """{"id":"s","events":[{"type":"erasure-requested","at":"9999-12-30T00:00:00Z"}]}""");
        var records = File("records.jsonl", string.Join('\n',
            """{"id":"late","category":"personal.email","collectedAt":"9999-12-30T00:00:00Z"}""",
            """{"id":"offset","category":"personal.email","collectedAt":"2026-01-01T00:00:00+19:00"}""",
            """{"id":"dup","category":"personal.email","categor\u0079":"personal","collectedAt":"2026-01-01T00:00:00Z"}""",
            """{"id":"half","category":"personal.email","collectedAt":"\ud800"}"""));
        foreach (var right in new[] { "access", "erase", "rectify", "opt-out" })
        {
            var result = CliRunner.InProcess(string.Empty, "rights", right, "--subject", subject, "--records", records, "--at", "9999-12-31T00:00:00Z");

            Assert.Equal(65, result.ExitCode);
            var plan = Json(result.Stdout);
            Assert.Equal("late", plan.GetProperty("items").EnumerateArray().Single().GetProperty("record").GetString());
            var problems = plan.GetProperty("problems").EnumerateArray()
                .Select(p => (p.GetProperty("record").GetString(), p.GetProperty("error").GetProperty("code").GetString(), p.GetProperty("error").GetProperty("field").GetString()))
                .ToArray();
            Assert.Equal([("offset", "invalid-instant", "collectedAt"), ("dup", "duplicate-field", "category"), ("half", "invalid-string", "collectedAt")], problems);
        }
    }

    [Fact]
    public void Rights_DuplicateKeyInSubject_NamedErrorExit65()
    {
        var subject = File("subject.json", """{"id":"s","i\u0064":"t"}""");
        var records = File("records.jsonl", string.Empty);
        var result = CliRunner.InProcess(string.Empty, "rights", "access", "--subject", subject, "--records", records);

        Assert.Equal(65, result.ExitCode);
        Assert.Contains("duplicate-field in 'subject.id'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rights_ContactOnACommandWithoutIt_NeverEchoed()
    {
        var result = CliRunner.InProcess(string.Empty, "rights", "access", "--subject", "s.json", "--records", "r.jsonl", "--contact", "someone@example.com", "--contact=other@example.com");

        Assert.Equal(64, result.ExitCode);
        Assert.DoesNotContain("example.com", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Breach_DuplicateKeyAndEndOfTime_NamedErrorThenAClampedPlan()
    {
        var duplicate = CliRunner.InProcess("""{"awareAt":"2026-03-01T00:00:00Z","categories":["personal.email"],"subjects":5,"subject\u0073":0}""", "breach", "--input", "-");
        var late = CliRunner.InProcess("""{"awareAt":"9999-12-31T23:00:00Z","categories":["personal.email"],"subjects":5}""", "breach", "--input", "-");
        var offset = CliRunner.InProcess("""{"awareAt":"2026-03-01T00:00:00-19:00","categories":["personal.email"],"subjects":5}""", "breach", "--input", "-");

        Assert.Equal(65, duplicate.ExitCode);
        Assert.Equal(("duplicate-field", "subjects"), Error(Json(duplicate.Stdout)));
        Assert.Equal(0, late.ExitCode);
        Assert.Contains(Json(late.Stdout).GetProperty("steps").EnumerateArray(), s => s.GetProperty("by").GetString() == "9999-12-31T23:59:59.999999999Z");
        Assert.Equal(65, offset.ExitCode);
        Assert.Equal(("invalid-instant", "awareAt"), Error(Json(offset.Stdout)));
    }

    [Theory]
    [InlineData("notices")]
    [InlineData("acceptance")]
    public void SubjectLines_DuplicateKeyOrLoneSurrogate_NamedErrorExit65(string command)
    {
        string[] policies = command == "notices" ? ["builtin:ismartviewpro-2018", "builtin:ismartviewpro-2018"] : ["builtin:ismartviewpro-2018"];
        var duplicate = CliRunner.InProcess("""{"id":"a","hasEmail":true,"hasEmai\u006c":false}""", [command, .. policies, "--at", "2026-03-01T00:00:00Z"]);
        var surrogate = CliRunner.InProcess("{\"id\":\"a\"}\n{\"id\":\"\\ud800\"}", [command, .. policies, "--at", "9999-12-31T23:00:00Z"]);

        Assert.Equal(65, duplicate.ExitCode);
        Assert.Contains("line 1.hasEmail", duplicate.Stderr, StringComparison.Ordinal);
        Assert.Equal(65, surrogate.ExitCode);
        Assert.Contains("line 2.id", surrogate.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("render")]
    [InlineData("diff")]
    [InlineData("policy")]
    public void PolicyDocument_LoneSurrogateOrOverflowingInstant_ListedAsProblemsExit64(string command)
    {
        var exported = CliRunner.InProcess(string.Empty, "policy", "export").Stdout;
        var surrogate = File("surrogate.json", exported.Replace("\"name\": \"", "\"name\": \"\\ud800", StringComparison.Ordinal));
        var overflow = File("overflow.json", exported.Replace("2018-10-11T00:00:00Z", "9999-12-31T23:00:00-05:00", StringComparison.Ordinal));
        var offset = File("offset.json", exported.Replace("2018-10-11T00:00:00Z", "2020-01-01T00:00:00+19:00", StringComparison.Ordinal));

        foreach (var (path, pointer) in new[] { (surrogate, "/name"), (overflow, "/effectiveFrom"), (offset, "/effectiveFrom") })
        {
            string[] args = command switch
            {
                "diff" => ["diff", "builtin:ismartviewpro-2018", path],
                "policy" => ["policy", "export", path],
                _ => [command, path],
            };
            var result = CliRunner.InProcess(string.Empty, args);

            Assert.Equal(64, result.ExitCode);
            Assert.Contains($"  {pointer}: ", result.Stderr, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("decide", "--input")]
    [InlineData("explain", "--input")]
    [InlineData("decide", "--policy")]
    [InlineData("check", null)]
    [InlineData("breach", "--input")]
    [InlineData("notices", "--input")]
    [InlineData("acceptance", "--input")]
    [InlineData("rights", "--records")]
    [InlineData("rights", "--subject")]
    public async Task SpecialFiles_FifoDeviceOrDirectory_RefusedAtOnceExit66ForInputs64ForPolicies(string command, string? option)
    {
        var subject = File("subject.json", "{}");
        var records = File("records.jsonl", string.Empty);
        foreach (var special in new[] { Fifo(), "/dev/zero", _dir })
        {
            string[] args = command switch
            {
                "check" => ["check", special],
                "notices" => ["notices", "builtin:ismartviewpro-2018", "builtin:ismartviewpro-2018", "--at", "2026-03-01T00:00:00Z", option!, special],
                "acceptance" => ["acceptance", "builtin:ismartviewpro-2018", "--at", "2026-03-01T00:00:00Z", option!, special],
                "rights" => ["rights", "access", "--subject", option == "--subject" ? special : subject, "--records", option == "--records" ? special : records],
                _ => [command, option!, special],
            };
            var result = await Bounded(string.Empty, args);

            // A policy that cannot be read is a usage error; an input refused when opened (a FIFO, a
            // directory) is EX_NOINPUT; a device that opens like a file is refused at its first read,
            // which is 64 for a streamed input and 66 for the subject file, read whole when opened.
            var refusedAtRead = special == "/dev/zero" && option != "--subject";
            Assert.Equal(command == "check" || option == "--policy" || refusedAtRead ? 64 : 66, result.ExitCode);
            Assert.Contains(special, result.Stderr, StringComparison.Ordinal);
            System.IO.File.Delete(Path.Combine(_dir, "fifo"));
        }
    }
}
