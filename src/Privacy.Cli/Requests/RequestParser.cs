using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Privacy.Cli.Json;
using Privacy.Compilation;

namespace Privacy.Cli.Requests;

/// <summary>
/// Turns one JSON line into a <see cref="ParsedRequest"/>, or a <see cref="PrivacyRequestException"/>
/// that names the field at fault. Nothing that fails here is ever decided.
/// </summary>
internal sealed class RequestParser(CompiledPolicy policy)
{
    private static readonly string[] Actions = ["collect", "use", "disclose", "communicate", "retain"];

    /// <summary>Parses one line. On failure, <paramref name="id"/> still carries the line's id when it could be read.</summary>
    public ParsedRequest Parse(string line, out string? id)
    {
        RequestDocument? document;
        id = null;
        try
        {
            document = JsonSerializer.Deserialize(line, CliJsonContext.Default.RequestDocument);
        }
        catch (JsonException e)
        {
            var (wellFormed, isObject, lineId) = Inspect(line);
            id = lineId;
            var field = FieldOf(e.Path);
            if (!wellFormed || !isObject || field is null)
            {
                throw new PrivacyRequestException("malformed-json", null, isObject || !wellFormed
                    ? $"The line is not valid JSON: {FirstSentence(e.Message)}"
                    : "The line is JSON but not an object; each line must be one request object.");
            }

            throw new PrivacyRequestException("invalid-field", field, $"'{field}' has the wrong type: {FirstSentence(e.Message)}");
        }

        if (document is null)
        {
            throw new PrivacyRequestException("malformed-json", null, "The line is 'null'; each line must be a JSON object.");
        }

        id = document.Id;
        return Resolve(document);
    }

    private ParsedRequest Resolve(RequestDocument d)
    {
        RejectUnknown(d.Unknown, string.Empty);
        var actionIndex = Array.IndexOf(Actions, Required(d.Action, "action"));
        if (actionIndex < 0)
        {
            throw new PrivacyRequestException("unknown-action", "action", $"Unknown action '{d.Action}'; use one of {string.Join(", ", Actions)}.");
        }

        var action = (PrivacyAction)actionIndex;
        var at = ParseInstant(d.At, "at");
        var v = policy.Vocabulary;

        // Every id present is checked, even where the action ignores it: an unknown id is always an error.
        var category = Optional(v.Categories, d.Category, "category", required: action != PrivacyAction.Communicate);
        var purpose = Optional(v.Purposes, d.Purpose, "purpose", required: action is PrivacyAction.Collect or PrivacyAction.Use);
        var recipient = Optional(v.Recipients, d.Recipient, "recipient", required: action == PrivacyAction.Disclose);
        var reason = Optional(v.Reasons, d.Reason, "reason", required: action == PrivacyAction.Disclose);
        var message = Optional(v.Messages, d.Message, "message", required: action == PrivacyAction.Communicate);
        var channel = Optional(v.Channels, d.Channel, "channel", required: action == PrivacyAction.Communicate);
        var collectedAt = action == PrivacyAction.Retain || d.CollectedAt is not null ? ParseInstant(d.CollectedAt, "collectedAt") : default;
        var grounds = d.Grounds is null
            ? ImmutableArray<int>.Empty
            : d.Grounds.Select((g, i) => v.Grounds.GetIndex(g, $"grounds[{i}]")).ToImmutableArray();

        RejectUnknown(d.Context?.Unknown, "context.");
        var context = new RequestContext(d.Context?.LocationFeatureInUse ?? false, d.Context?.ConfidentialityAgreement ?? false);
        var subject = policy.Fold(ParseSubject(d.Subject).StateAt(at));
        return new ParsedRequest(d.Id, action, at, category, purpose, recipient, reason, message, channel, collectedAt, grounds, subject, context);
    }

    private DataSubject ParseSubject(SubjectDocument? s)
    {
        if (s is null)
        {
            return DataSubject.Anonymous;
        }

        RejectUnknown(s.Unknown, "subject.");
        if (s.Id is { Length: 0 })
        {
            throw new PrivacyRequestException("invalid-field", "subject.id", "'subject.id' must not be empty; leave it out for an anonymous subject.");
        }

        var events = new List<PrivacyEvent>();
        for (var i = 0; i < (s.Events?.Count ?? 0); i++)
        {
            var path = $"subject.events[{i}]";
            var e = s.Events![i] ?? throw new PrivacyRequestException("missing-field", path, $"'{path}' is null; each event is an object with 'type' and 'at'.");
            RejectUnknown(e.Unknown, path + ".");
            var type = Required(e.Type, path + ".type");
            if (!PrivacyEventKinds.TryParse(type, out var kind))
            {
                throw new PrivacyRequestException("unknown-event-type", path + ".type", $"Unknown event type '{type}'; use one of {string.Join(", ", PrivacyEventKinds.All)}.");
            }

            var eventAt = ParseInstant(e.At, path + ".at");
            PurposeId? purpose = e.Purpose is null ? null : new PurposeId(policy.Vocabulary.Purposes[policy.Vocabulary.Purposes.GetIndex(e.Purpose, path + ".purpose")]);
            RecipientId? recipient = e.Recipient is null ? null : new RecipientId(policy.Vocabulary.Recipients[policy.Vocabulary.Recipients.GetIndex(e.Recipient, path + ".recipient")]);
            if (kind is PrivacyEventKind.ConsentGranted or PrivacyEventKind.ConsentWithdrawn && purpose is null && recipient is null)
            {
                throw new PrivacyRequestException("missing-field", path + ".recipient", $"A {type} event names a 'purpose', a 'recipient' or both.");
            }

            if (kind is PrivacyEventKind.PolicyAccepted or PrivacyEventKind.PolicyNotified && string.IsNullOrWhiteSpace(e.Version))
            {
                throw new PrivacyRequestException("missing-field", path + ".version", $"A {type} event names the policy 'version'.");
            }

            events.Add(new PrivacyEvent(kind, eventAt, purpose, recipient, e.Version));
        }

        return new DataSubject(s.Id, s.HasEmail ?? false, events);
    }

    private static int Optional(IdTable table, string? id, string field, bool required)
    {
        if (id is null && !required)
        {
            return -1;
        }

        return table.GetIndex(id, field);
    }

    private static string Required(string? value, string field)
        => string.IsNullOrEmpty(value)
            ? throw new PrivacyRequestException("missing-field", field, $"The request needs '{field}'.")
            : value;

    internal static Instant ParseInstant(string? text, string field)
    {
        var value = Required(text, field);
        var result = OffsetDateTimePattern.ExtendedIso.Parse(value);
        return result.Success
            ? result.Value.ToInstant()
            : throw new PrivacyRequestException("invalid-instant", field, $"'{field}' is not an ISO-8601 instant with an offset, such as 2026-03-01T09:30:00Z or 2026-03-01T10:30:00+01:00: '{value}'.");
    }

    private static void RejectUnknown(Dictionary<string, JsonElement>? unknown, string prefix)
    {
        if (unknown is { Count: > 0 })
        {
            var name = unknown.Keys.Order(StringComparer.Ordinal).First();
            throw new PrivacyRequestException("unknown-field", prefix + name, $"Unknown field '{prefix}{name}'; see the request fields in the CLI contract.");
        }
    }

    /// <summary>"$.subject.events[0].at" becomes "subject.events[0].at"; the root becomes null.</summary>
    private static string? FieldOf(string? path)
        => path is null || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..(cut + 1)];
    }

    /// <summary>Whether a line that failed to deserialize is JSON at all, an object, and its top-level "id" string.</summary>
    private static (bool WellFormed, bool IsObject, string? Id) Inspect(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var isObject = root.ValueKind == JsonValueKind.Object;
            var id = isObject && root.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return (true, isObject, id);
        }
        catch (JsonException)
        {
            return (false, false, null);
        }
    }
}
