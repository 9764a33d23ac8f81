using NodaTime;
using Privacy.Compilation;

namespace Privacy.Serialization;

/// <summary>
/// The rules for a subject as a request (or another input of the <c>privacy</c> command) gives it: a
/// non-blank id when there is one, and events that carry what their type needs. Each failure is a
/// <see cref="PrivacyRequestException"/> naming the field, such as <c>subject.events[2].at</c>.
/// </summary>
internal static class SubjectValues
{
    /// <summary>Refuses an id that is empty or blank: an anonymous subject leaves it out.</summary>
    public static void CheckId(string? id, string prefix)
    {
        if (id is not null && string.IsNullOrWhiteSpace(id))
        {
            throw new PrivacyRequestException("invalid-field", prefix + ".id", $"'{prefix}.id' must not be empty or blank; leave it out for an anonymous subject.");
        }
    }

    /// <summary>One event of a subject's history, checked field by field in the order the contract lists them.</summary>
    /// <param name="type">The event type's wire name.</param>
    /// <param name="at">When it happened.</param>
    /// <param name="purpose">The purpose it names, or null.</param>
    /// <param name="recipient">The recipient it names, or null.</param>
    /// <param name="version">The policy version it names, or null.</param>
    /// <param name="vocabulary">The policy's ids, which the purpose and recipient must be among; null to check their syntax only.</param>
    /// <param name="path">The event's path, such as <c>subject.events[0]</c>.</param>
    /// <returns>The event.</returns>
    public static PrivacyEvent Event(string? type, in RawInstant at, string? purpose, string? recipient, string? version, CompiledVocabulary? vocabulary, string path)
    {
        // Field paths are built only for an error: a request stream is full of events.
        var name = string.IsNullOrEmpty(type) ? RequestValues.Required(type, path + ".type") : type;
        if (!PrivacyEventKinds.TryParse(name, out var kind))
        {
            throw new PrivacyRequestException("unknown-event-type", path + ".type", $"Unknown event type '{name}'; use one of {string.Join(", ", PrivacyEventKinds.All)}.");
        }

        var eventAt = at.Parsed ? at.Value : at.Resolve(path + ".at");
        PurposeId? purposeId = purpose is null ? null : new PurposeId(Id(purpose, path, ".purpose", vocabulary?.Purposes, "purpose"));
        RecipientId? recipientId = recipient is null ? null : new RecipientId(Id(recipient, path, ".recipient", vocabulary?.Recipients, "recipient"));
        if (kind is PrivacyEventKind.ConsentGranted or PrivacyEventKind.ConsentWithdrawn && purposeId is null && recipientId is null)
        {
            throw new PrivacyRequestException("missing-field", path + ".recipient", $"A {name} event names a 'purpose', a 'recipient' or both.");
        }

        if (kind is PrivacyEventKind.PolicyAccepted or PrivacyEventKind.PolicyNotified && string.IsNullOrWhiteSpace(version))
        {
            throw new PrivacyRequestException("missing-field", path + ".version", $"A {name} event names the policy 'version'.");
        }

        return new PrivacyEvent(kind, eventAt, purposeId, recipientId, version);
    }

    private static string Id(string id, string path, string suffix, IdTable? table, string kind)
    {
        if (table is not null)
        {
            if (table.TryGetIndex(id, out var index))
            {
                return table[index];
            }
        }
        else if (id.Length > 0 && Internal.IdSyntax.IsValid(id))
        {
            return id;
        }

        return RequestValues.Id(id, path + suffix, table, kind);
    }
}

/// <summary>
/// An instant field as read: already parsed when it had the usual form (whole seconds in UTC), otherwise
/// its text, parsed (and refused, naming the field) only when the checks reach it.
/// </summary>
internal struct RawInstant
{
    /// <summary>Gets or sets a value indicating whether the field held a string (rather than null, or nothing).</summary>
    public bool Present { get; set; }

    /// <summary>Gets or sets a value indicating whether <see cref="Value"/> holds the parsed instant.</summary>
    public bool Parsed { get; set; }

    /// <summary>Gets or sets the instant, when parsed.</summary>
    public Instant Value { get; set; }

    /// <summary>Gets or sets the text, when not parsed yet; null when the field was null or absent.</summary>
    public string? Text { get; set; }

    /// <summary>An instant from text, as the command's other inputs give it.</summary>
    public static RawInstant FromText(string? text) => new() { Present = text is not null, Text = text };

    /// <summary>The instant, or the field's error (<c>missing-field</c>, <c>invalid-instant</c>).</summary>
    public readonly Instant Resolve(string field) => Parsed ? Value : RequestValues.Instant(Text, field);
}
