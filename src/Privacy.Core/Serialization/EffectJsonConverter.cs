using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Privacy.Serialization;

/// <summary>Reads and writes an <see cref="Effect"/> as its lowercase name: <c>permit</c>, <c>deny</c>, <c>retain</c>, <c>delete</c>.</summary>
internal sealed class EffectJsonConverter : JsonConverter<Effect>
{
    internal static readonly JsonEncodedText[] Names =
    [
        JsonEncodedText.Encode("deny"), JsonEncodedText.Encode("permit"), JsonEncodedText.Encode("retain"), JsonEncodedText.Encode("delete"),
    ];

    public override Effect Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Parse(JsonFieldReader.String(ref reader, "effect"), "effect");

    public override void Write(Utf8JsonWriter writer, Effect value, JsonSerializerOptions options)
        => writer.WriteStringValue(Name(value));

    internal static JsonEncodedText Name(Effect effect)
        => (uint)effect < (uint)Names.Length ? Names[(int)effect] : throw new JsonException($"{(int)effect} is not an effect.");

    internal static Effect Parse(string text, string field) => text switch
    {
        "deny" => Effect.Deny,
        "permit" => Effect.Permit,
        "retain" => Effect.Retain,
        "delete" => Effect.Delete,
        _ => throw new JsonException($"'{field}' is permit, deny, retain or delete; found '{text}'."),
    };
}
