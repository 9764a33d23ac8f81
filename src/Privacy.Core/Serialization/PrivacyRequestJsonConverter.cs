using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Privacy.Serialization;

/// <summary>
/// Reads and writes a <see cref="PrivacyRequest"/> as one request of <c>privacy decide</c>:
/// <c>{"id"?:…,"action":"use","at":…,"category":…,"purpose":…,"subject"?:{…},"context"?:{…}}</c>, with the fields its
/// action uses. Reading is the command's own (<see cref="RequestJsonReader"/>) without a policy: a request it cannot
/// read is a <see cref="JsonException"/> whose inner <see cref="PrivacyRequestException"/> has the code and field.
/// </summary>
internal sealed class PrivacyRequestJsonConverter : JsonConverter<PrivacyRequest>
{
    public override PrivacyRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => RequestJson.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, PrivacyRequest value, JsonSerializerOptions options)
        => RequestJson.Write(writer, value, withIdAndSubject: true, options);
}

/// <summary>
/// Reads and writes one of the five request types as a request of <c>privacy decide</c> without <c>id</c> and
/// <c>subject</c>: <c>{"action":"use","at":…,"category":…,"purpose":…,"context"?:{…}}</c>. Reading refuses another
/// action (<c>invalid-field</c> in <c>action</c>) and an <c>id</c> or a <c>subject</c> (<c>unknown-field</c>), which this
/// type cannot carry: a subject left behind could turn a denial into a permit.
/// </summary>
internal abstract class RequestJsonConverter<T> : JsonConverter<T>
    where T : struct
{
    protected abstract PrivacyAction Action { get; }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var request = RequestJson.Read(ref reader);
        var name = typeof(T).Name;
        if (request.Action != Action)
        {
            throw RequestJson.Refuse(new PrivacyRequestException("invalid-field", "action", $"A {name} asks '{RequestJsonReader.ActionName(Action)}'; this one asks '{RequestJsonReader.ActionName(request.Action)}'. Read a {nameof(PrivacyRequest)} for a request of any action."));
        }

        if (request.Id is not null || request.Subject is not null)
        {
            var field = request.Id is not null ? "id" : "subject";
            throw RequestJson.Refuse(new PrivacyRequestException("unknown-field", field, $"A {name} has no '{field}'; read a {nameof(PrivacyRequest)} for a request with an id or a subject."));
        }

        return Extract(request);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => RequestJson.Write(writer, Wrap(value), withIdAndSubject: false, options);

    protected abstract T Extract(PrivacyRequest request);

    protected abstract PrivacyRequest Wrap(T value);
}

internal sealed class CollectRequestJsonConverter : RequestJsonConverter<CollectRequest>
{
    protected override PrivacyAction Action => PrivacyAction.Collect;

    protected override CollectRequest Extract(PrivacyRequest request) => request.CollectRequest!.Value;

    protected override PrivacyRequest Wrap(CollectRequest value) => new(value);
}

internal sealed class UseRequestJsonConverter : RequestJsonConverter<UseRequest>
{
    protected override PrivacyAction Action => PrivacyAction.Use;

    protected override UseRequest Extract(PrivacyRequest request) => request.UseRequest!.Value;

    protected override PrivacyRequest Wrap(UseRequest value) => new(value);
}

internal sealed class DiscloseRequestJsonConverter : RequestJsonConverter<DiscloseRequest>
{
    protected override PrivacyAction Action => PrivacyAction.Disclose;

    protected override DiscloseRequest Extract(PrivacyRequest request) => request.DiscloseRequest!.Value;

    protected override PrivacyRequest Wrap(DiscloseRequest value) => new(value);
}

internal sealed class CommunicateRequestJsonConverter : RequestJsonConverter<CommunicateRequest>
{
    protected override PrivacyAction Action => PrivacyAction.Communicate;

    protected override CommunicateRequest Extract(PrivacyRequest request) => request.CommunicateRequest!.Value;

    protected override PrivacyRequest Wrap(CommunicateRequest value) => new(value);
}

internal sealed class RetainRequestJsonConverter : RequestJsonConverter<RetainRequest>
{
    protected override PrivacyAction Action => PrivacyAction.Retain;

    protected override RetainRequest Extract(PrivacyRequest request) => request.RetainRequest!.Value;

    protected override PrivacyRequest Wrap(RetainRequest value) => new(value);
}

/// <summary>The request shape shared by the converters.</summary>
internal static class RequestJson
{
    private static readonly InstantJsonConverter Instants = new();
    private static readonly DataSubjectJsonConverter Subjects = new();

    public static PrivacyRequest Read(ref Utf8JsonReader reader)
    {
        try
        {
            return RequestJsonReader.ForThisThread.Read(ref reader, vocabulary: null);
        }
        catch (PrivacyRequestException e)
        {
            throw Refuse(e);
        }
    }

    /// <summary>A request error as System.Text.Json expects a converter to throw it: the message names the field, the inner exception has the code.</summary>
    public static JsonException Refuse(PrivacyRequestException error) => new($"{error.Message} ({error.Code}{(error.Field is null ? string.Empty : $" in '{error.Field}'")})", error);

    public static void Write(Utf8JsonWriter writer, PrivacyRequest request, bool withIdAndSubject, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (withIdAndSubject && request.Id is { } id)
        {
            writer.WriteString("id", id);
        }

        writer.WriteString("action", RequestJsonReader.ActionName(request.Action));
        WriteInstant(writer, "at", request.At, options);
        switch (request.Action)
        {
            case PrivacyAction.Collect:
                var collect = request.CollectRequest!.Value;
                writer.WriteString("category", collect.Category.Value);
                writer.WriteString("purpose", collect.Purpose.Value);
                break;
            case PrivacyAction.Use:
                var use = request.UseRequest!.Value;
                writer.WriteString("category", use.Category.Value);
                writer.WriteString("purpose", use.Purpose.Value);
                break;
            case PrivacyAction.Disclose:
                var disclose = request.DiscloseRequest!.Value;
                writer.WriteString("category", disclose.Category.Value);
                writer.WriteString("recipient", disclose.Recipient.Value);
                writer.WriteString("reason", disclose.Reason.Value);
                break;
            case PrivacyAction.Communicate:
                var communicate = request.CommunicateRequest!.Value;
                writer.WriteString("message", communicate.Message.Value);
                writer.WriteString("channel", communicate.Channel.Value);
                break;
            default:
                var retain = request.RetainRequest!.Value;
                writer.WriteString("category", retain.Category.Value);
                WriteInstant(writer, "collectedAt", retain.CollectedAt, options);
                if (!retain.Grounds.IsDefaultOrEmpty)
                {
                    JsonFieldReader.WriteStrings(writer, "grounds", retain.Grounds, g => g.Value);
                }

                break;
        }

        if (withIdAndSubject && request.Subject is { } subject)
        {
            writer.WritePropertyName("subject");
            Subjects.Write(writer, subject, options);
        }

        if (request.Context != default)
        {
            writer.WriteStartObject("context");
            writer.WriteBoolean("locationFeatureInUse", request.Context.LocationFeatureInUse);
            writer.WriteBoolean("confidentialityAgreement", request.Context.ConfidentialityAgreement);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteInstant(Utf8JsonWriter writer, string name, NodaTime.Instant instant, JsonSerializerOptions options)
    {
        writer.WritePropertyName(name);
        Instants.Write(writer, instant, options);
    }
}
