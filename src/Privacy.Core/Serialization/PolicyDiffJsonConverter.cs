using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Privacy.Versioning;

namespace Privacy.Serialization;

/// <summary>
/// Reads and writes a <see cref="PolicyDiff"/> in the shape of <c>privacy diff --format json</c>:
/// <c>{"old":{"id","version"},"new":{"id","version"},"significant":bool,"changes":[{"significant","reason","kind","path","old","new"}]}</c>.
/// </summary>
/// <remarks>
/// A change's <c>old</c> and <c>new</c> are always present, null for an added or removed item. Reading refuses a
/// top-level <c>significant</c> that disagrees with the changes, so a document cannot pass a significant change
/// off as editorial.
/// </remarks>
internal sealed class PolicyDiffJsonConverter : JsonConverter<PolicyDiff>
{
    public override PolicyDiff Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonFieldReader.RequireStartObject(ref reader, "policy diff");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        (string? Id, string Version) older = (null, string.Empty), newer = (null, string.Empty);
        var significant = false;
        var changes = ImmutableArray<PolicyChange>.Empty;
        while (JsonFieldReader.NextProperty(ref reader, seen, string.Empty, out var name))
        {
            switch (name)
            {
                case "old":
                    older = ReadVersion(ref reader, "old.");
                    break;
                case "new":
                    newer = ReadVersion(ref reader, "new.");
                    break;
                case "significant":
                    significant = JsonFieldReader.Boolean(ref reader, name);
                    break;
                case "changes":
                    changes = JsonFieldReader.Objects(ref reader, name, options, ReadChange);
                    break;
                default:
                    throw JsonFieldReader.Unknown(string.Empty, name);
            }
        }

        foreach (var required in (ReadOnlySpan<string>)["old", "new", "significant", "changes"])
        {
            JsonFieldReader.Require(seen, string.Empty, required);
        }

        var diff = new PolicyDiff(older.Id, older.Version, newer.Id, newer.Version, changes);
        return diff.IsSignificant == significant
            ? diff
            : throw new JsonException($"'significant' is {(significant ? "true" : "false")}, but {(diff.IsSignificant ? "a change is" : "no change is")} significant.");
    }

    public override void Write(Utf8JsonWriter writer, PolicyDiff value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WriteVersion(writer, "old", value.OlderPolicyId, value.OlderVersion);
        WriteVersion(writer, "new", value.NewerPolicyId, value.NewerVersion);
        writer.WriteBoolean("significant", value.IsSignificant);
        writer.WriteStartArray("changes");
        foreach (var change in value.Changes)
        {
            writer.WriteStartObject();
            writer.WriteBoolean("significant", change.IsSignificant);
            writer.WriteString("reason", change.Reason);
            writer.WriteString("kind", change.Kind);
            writer.WriteString("path", change.Path);
            WriteNullable(writer, "old", change.Old);
            WriteNullable(writer, "new", change.New);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void RequireObject(ref Utf8JsonReader reader, string prefix, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"'{prefix.TrimEnd('.')}' is {what}; found {reader.TokenType}.");
        }
    }

    private static void WriteVersion(Utf8JsonWriter writer, string name, string? id, string version)
    {
        writer.WriteStartObject(name);
        WriteNullable(writer, "id", id);
        writer.WriteString("version", version);
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static (string? Id, string Version) ReadVersion(ref Utf8JsonReader reader, string prefix)
    {
        RequireObject(ref reader, prefix, "an object with id and version");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? id = null;
        var version = string.Empty;
        while (JsonFieldReader.NextProperty(ref reader, seen, prefix, out var name))
        {
            switch (name)
            {
                case "id":
                    id = JsonFieldReader.NullableString(ref reader, prefix + name);
                    break;
                case "version":
                    version = JsonFieldReader.String(ref reader, prefix + name);
                    break;
                default:
                    throw JsonFieldReader.Unknown(prefix, name);
            }
        }

        JsonFieldReader.Require(seen, prefix, "id");
        JsonFieldReader.Require(seen, prefix, "version");
        return (id, version);
    }

    private static PolicyChange ReadChange(ref Utf8JsonReader reader, string prefix, JsonSerializerOptions options)
    {
        RequireObject(ref reader, prefix, "a change object");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string kind = string.Empty, path = string.Empty, reason = string.Empty;
        string? old = null, @new = null;
        var significant = false;
        while (JsonFieldReader.NextProperty(ref reader, seen, prefix, out var name))
        {
            var field = prefix + name;
            switch (name)
            {
                case "significant":
                    significant = JsonFieldReader.Boolean(ref reader, field);
                    break;
                case "reason":
                    reason = JsonFieldReader.String(ref reader, field);
                    break;
                case "kind":
                    kind = JsonFieldReader.String(ref reader, field);
                    break;
                case "path":
                    path = JsonFieldReader.String(ref reader, field);
                    break;
                case "old":
                    old = JsonFieldReader.NullableString(ref reader, field);
                    break;
                case "new":
                    @new = JsonFieldReader.NullableString(ref reader, field);
                    break;
                default:
                    throw JsonFieldReader.Unknown(prefix, name);
            }
        }

        foreach (var required in (ReadOnlySpan<string>)["significant", "reason", "kind", "path", "old", "new"])
        {
            JsonFieldReader.Require(seen, prefix, required);
        }

        foreach (var (name, value) in (ReadOnlySpan<(string, string)>)[("kind", kind), ("path", path), ("reason", reason)])
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new JsonException($"'{prefix}{name}' is blank; a change has a {name}.");
            }
        }

        return new PolicyChange(kind, path, old, @new, significant, reason);
    }
}
