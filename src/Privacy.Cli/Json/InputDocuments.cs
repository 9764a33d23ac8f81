using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Privacy.Cli.Json;

/// <summary>A subject as the command's other inputs give it (<c>rights --subject</c>, subjects files, incidents), with their privacy history.</summary>
internal sealed class SubjectDocument
{
    public string? Id { get; set; }

    public bool? HasEmail { get; set; }

    public List<EventDocument?>? Events { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>One event of a subject's history.</summary>
internal sealed class EventDocument
{
    public string? Type { get; set; }

    public string? At { get; set; }

    public string? Purpose { get; set; }

    public string? Recipient { get; set; }

    public string? Version { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>One stored record of <c>privacy rights --records</c>, a JSON line each.</summary>
internal sealed class RecordDocument
{
    public string? Id { get; set; }

    public string? Category { get; set; }

    public string? CollectedAt { get; set; }

    public List<string?>? Purposes { get; set; }

    public List<string?>? DisclosedTo { get; set; }

    public List<string?>? Grounds { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    NumberHandling = JsonNumberHandling.Strict,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(SubjectDocument))]
[JsonSerializable(typeof(RecordDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
