using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Privacy.Serialization;

/// <summary>Reads and writes an id as its text (<c>"rights.erasure"</c>); a bad id is a <see cref="JsonException"/>.</summary>
internal abstract class IdJsonConverter<T> : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => JsonFieldReader.Id(JsonFieldReader.String(ref reader, "id"), "id", Parse);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Text(value));

    protected abstract T Parse(string text);

    protected abstract string Text(T value);
}

internal sealed class ClauseIdJsonConverter : IdJsonConverter<ClauseId>
{
    protected override ClauseId Parse(string text) => ClauseId.Parse(text);

    protected override string Text(ClauseId value) => value.IsDefault ? throw new JsonException("The default ClauseId is not an id and has no JSON form.") : value.Value;
}

internal sealed class ObligationIdJsonConverter : IdJsonConverter<ObligationId>
{
    protected override ObligationId Parse(string text) => ObligationId.Parse(text);

    protected override string Text(ObligationId value) => value.IsDefault ? throw new JsonException("The default ObligationId is not an id and has no JSON form.") : value.Value;
}

internal sealed class RetentionGroundIdJsonConverter : IdJsonConverter<RetentionGroundId>
{
    protected override RetentionGroundId Parse(string text) => RetentionGroundId.Parse(text);

    protected override string Text(RetentionGroundId value) => value.IsDefault ? throw new JsonException("The default RetentionGroundId is not an id and has no JSON form.") : value.Value;
}

internal sealed class DataCategoryIdJsonConverter : IdJsonConverter<DataCategoryId>
{
    protected override DataCategoryId Parse(string text) => DataCategoryId.Parse(text);

    protected override string Text(DataCategoryId value) => value.IsDefault ? throw new JsonException("The default DataCategoryId is not an id and has no JSON form.") : value.Value;
}

internal sealed class PurposeIdJsonConverter : IdJsonConverter<PurposeId>
{
    protected override PurposeId Parse(string text) => PurposeId.Parse(text);

    protected override string Text(PurposeId value) => value.IsDefault ? throw new JsonException("The default PurposeId is not an id and has no JSON form.") : value.Value;
}

internal sealed class RecipientIdJsonConverter : IdJsonConverter<RecipientId>
{
    protected override RecipientId Parse(string text) => RecipientId.Parse(text);

    protected override string Text(RecipientId value) => value.IsDefault ? throw new JsonException("The default RecipientId is not an id and has no JSON form.") : value.Value;
}

internal sealed class DisclosureReasonIdJsonConverter : IdJsonConverter<DisclosureReasonId>
{
    protected override DisclosureReasonId Parse(string text) => DisclosureReasonId.Parse(text);

    protected override string Text(DisclosureReasonId value) => value.IsDefault ? throw new JsonException("The default DisclosureReasonId is not an id and has no JSON form.") : value.Value;
}

internal sealed class MessageKindIdJsonConverter : IdJsonConverter<MessageKindId>
{
    protected override MessageKindId Parse(string text) => MessageKindId.Parse(text);

    protected override string Text(MessageKindId value) => value.IsDefault ? throw new JsonException("The default MessageKindId is not an id and has no JSON form.") : value.Value;
}

internal sealed class ChannelIdJsonConverter : IdJsonConverter<ChannelId>
{
    protected override ChannelId Parse(string text) => ChannelId.Parse(text);

    protected override string Text(ChannelId value) => value.IsDefault ? throw new JsonException("The default ChannelId is not an id and has no JSON form.") : value.Value;
}
