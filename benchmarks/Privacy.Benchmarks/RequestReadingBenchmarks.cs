using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Serialization;

namespace Privacy.Benchmarks;

/// <summary>
/// (i) What <c>privacy decide</c> does with each line in the library: <see cref="PrivacyJson.ReadRequest"/> with the
/// policy (the command's reader: strict JSON, every id checked, the contract's errors), then deciding the request.
/// The baseline is System.Text.Json's source-generated deserializer reading the same line into a plain object of
/// strings, which checks nothing: no duplicate fields, no ids, no instants.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RequestReadingBenchmarks
{
    private static readonly Dictionary<string, string> Lines = new()
    {
        ["use"] = """{"id":"r5","action":"use","at":"2026-03-01T09:00:00Z","category":"personal.location.network","purpose":"service.location","context":{"locationFeatureInUse":true}}""",
        ["communicate+subject"] = """{"id":"r1","action":"communicate","at":"2026-03-01T09:00:00Z","message":"marketing","channel":"email","subject":{"id":"u-17","hasEmail":true,"events":[{"type":"marketing-opt-out","at":"2026-02-01T10:00:00Z"}]}}""",
        ["retain+grounds"] = """{"id":"r8","action":"retain","at":"2026-03-15T00:00:00Z","category":"personal.log.ip-address","collectedAt":"2026-02-01T00:00:00Z","grounds":["fraud-prevention"]}""",
    };

    private readonly CompiledPolicy _policy = BuiltInPolicies.IsmartviewPro2018Compiled;
    private byte[] _line = [];

    [Params("use", "communicate+subject", "retain+grounds")]
    public string Line { get; set; } = "use";

    [GlobalSetup]
    public void Setup() => _line = Encoding.UTF8.GetBytes(Lines[Line]);

    [Benchmark(Baseline = true)]
    public PlainRequest? DeserializePlain() => JsonSerializer.Deserialize(_line, PlainJson.Default.PlainRequest);

    [Benchmark]
    public PrivacyRequest ReadRequest() => PrivacyJson.ReadRequest(_line, _policy);

    [Benchmark]
    public Effect ReadAndDecide() => _policy.Decide(PrivacyJson.ReadRequest(_line, _policy)).Effect;
}

/// <summary>A request line as plain strings, for the baseline.</summary>
public sealed class PlainRequest
{
    public string? Id { get; set; }

    public string? Action { get; set; }

    public string? At { get; set; }

    public string? Category { get; set; }

    public string? Purpose { get; set; }

    public string? Message { get; set; }

    public string? Channel { get; set; }

    public string? CollectedAt { get; set; }

    public List<string>? Grounds { get; set; }

    public PlainSubject? Subject { get; set; }

    public PlainContext? Context { get; set; }
}

public sealed class PlainSubject
{
    public string? Id { get; set; }

    public bool? HasEmail { get; set; }

    public List<PlainEvent>? Events { get; set; }
}

public sealed class PlainEvent
{
    public string? Type { get; set; }

    public string? At { get; set; }
}

public sealed class PlainContext
{
    public bool? LocationFeatureInUse { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PlainRequest))]
internal sealed partial class PlainJson : JsonSerializerContext;
