using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
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

    /// <summary>Parses one line of UTF-8. On failure, <paramref name="id"/> still carries the line's id when it could be read.</summary>
    public ParsedRequest Parse(ReadOnlySpan<byte> line, out string? id)
    {
        RequestDocument? document;
        id = null;
        try
        {
            document = JsonSerializer.Deserialize(line, CliJsonContext.Default.RequestDocument);
        }
        catch (JsonException e)
        {
            // Say precisely what is wrong: a key given twice, a lone surrogate, JSON that is not well formed.
            var finding = JsonScan.Find(line, string.Empty, out id);
            if (finding is not null)
            {
                throw new PrivacyRequestException(finding.Code, finding.Field, finding.Message);
            }

            var field = FieldOf(e.Path);
            if (!IsObject(line))
            {
                throw new PrivacyRequestException("malformed-json", null, "The line is JSON but not an object; each line must be one request object.");
            }

            if (field is null)
            {
                throw new PrivacyRequestException("malformed-json", null, $"The line is not valid JSON: {FirstSentence(e.Message)}");
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
        JsonFields.RejectUnknown(d.Unknown, string.Empty);
        var actionIndex = Array.IndexOf(Actions, JsonFields.Required(d.Action, "action"));
        if (actionIndex < 0)
        {
            throw new PrivacyRequestException("unknown-action", "action", $"Unknown action '{d.Action}'; use one of {string.Join(", ", Actions)}.");
        }

        var action = (PrivacyAction)actionIndex;
        var at = JsonFields.Instant(d.At, "at");
        var v = policy.Vocabulary;

        // Every id present is checked, even where the action ignores it: an unknown id is always an error.
        var category = Optional(v.Categories, d.Category, "category", required: action != PrivacyAction.Communicate);
        var purpose = Optional(v.Purposes, d.Purpose, "purpose", required: action is PrivacyAction.Collect or PrivacyAction.Use);
        var recipient = Optional(v.Recipients, d.Recipient, "recipient", required: action == PrivacyAction.Disclose);
        var reason = Optional(v.Reasons, d.Reason, "reason", required: action == PrivacyAction.Disclose);
        var message = Optional(v.Messages, d.Message, "message", required: action == PrivacyAction.Communicate);
        var channel = Optional(v.Channels, d.Channel, "channel", required: action == PrivacyAction.Communicate);
        var collectedAt = action == PrivacyAction.Retain || d.CollectedAt is not null ? JsonFields.Instant(d.CollectedAt, "collectedAt") : default;
        var grounds = d.Grounds is null
            ? ImmutableArray<int>.Empty
            : d.Grounds.Select((g, i) => v.Grounds.GetIndex(g, $"grounds[{i}]")).ToImmutableArray();

        JsonFields.RejectUnknown(d.Context?.Unknown, "context.");
        var context = new RequestContext(d.Context?.LocationFeatureInUse ?? false, d.Context?.ConfidentialityAgreement ?? false);
        var person = JsonFields.Subject(d.Subject, policy.Vocabulary, "subject");
        var subject = policy.Fold(person.Events.IsEmpty ? SubjectState.Empty(at, person.HasEmail) : person.StateAt(at));
        return new ParsedRequest(d.Id, action, at, category, purpose, recipient, reason, message, channel, collectedAt, grounds, subject, context);
    }

    private static int Optional(IdTable table, string? id, string field, bool required)
    {
        if (id is null && !required)
        {
            return -1;
        }

        return table.GetIndex(id, field);
    }

    /// <summary>"$.subject.events[0].at" becomes "subject.events[0].at"; the root becomes null.</summary>
    private static string? FieldOf(string? path)
        => path is null || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..(cut + 1)];
    }

    /// <summary>Whether a well-formed line holds an object (rather than an array, a string, a number...).</summary>
    private static bool IsObject(ReadOnlySpan<byte> line)
    {
        var first = line.IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 && line[first] == (byte)'{';
    }
}
