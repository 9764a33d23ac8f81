using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NodaTime.Text;
using Privacy.Cli.Json;
using Privacy.Compilation;

namespace Privacy.Cli.Requests;

/// <summary>Checks shared by every JSON input of the CLI; each failure names the field at fault.</summary>
internal static class JsonFields
{
    /// <summary>The subject of a request or a rights command; ids in events must be known to the policy.</summary>
    public static DataSubject Subject(SubjectDocument? s, CompiledVocabulary vocabulary, string prefix)
    {
        if (s is null)
        {
            return DataSubject.Anonymous;
        }

        RejectUnknown(s.Unknown, prefix + ".");
        if (s.Id is not null && string.IsNullOrWhiteSpace(s.Id))
        {
            throw new PrivacyRequestException("invalid-field", prefix + ".id", $"'{prefix}.id' must not be empty or blank; leave it out for an anonymous subject.");
        }

        var events = new List<PrivacyEvent>();
        for (var i = 0; i < (s.Events?.Count ?? 0); i++)
        {
            var path = $"{prefix}.events[{i}]";
            var e = s.Events![i] ?? throw new PrivacyRequestException("missing-field", path, $"'{path}' is null; each event is an object with 'type' and 'at'.");
            RejectUnknown(e.Unknown, path + ".");
            var type = Required(e.Type, path + ".type");
            if (!PrivacyEventKinds.TryParse(type, out var kind))
            {
                throw new PrivacyRequestException("unknown-event-type", path + ".type", $"Unknown event type '{type}'; use one of {string.Join(", ", PrivacyEventKinds.All)}.");
            }

            var eventAt = Instant(e.At, path + ".at");
            PurposeId? purpose = e.Purpose is null ? null : new PurposeId(vocabulary.Purposes[vocabulary.Purposes.GetIndex(e.Purpose, path + ".purpose")]);
            RecipientId? recipient = e.Recipient is null ? null : new RecipientId(vocabulary.Recipients[vocabulary.Recipients.GetIndex(e.Recipient, path + ".recipient")]);
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

    public static string Required(string? value, string field)
        => string.IsNullOrEmpty(value)
            ? throw new PrivacyRequestException("missing-field", field, $"The request needs '{field}'.")
            : value;

    /// <summary>A required id, which names something: not blank (white space only, line separators included).</summary>
    public static string RequiredId(string? value, string field)
        => string.IsNullOrWhiteSpace(Required(value, field))
            ? throw new PrivacyRequestException("invalid-field", field, $"'{field}' must not be blank; an id names something.")
            : value!;

    /// <summary>
    /// The instant of a field. The usual form, whole seconds in UTC (<c>2026-03-01T09:30:00Z</c>), is read
    /// directly, because request streams are full of them; anything else goes through the ISO-8601 pattern,
    /// which also words the errors.
    /// </summary>
    public static NodaTime.Instant Instant(string? text, string field)
    {
        if (text is { Length: 20 } t && t[4] == '-' && t[7] == '-' && t[10] == 'T' && t[13] == ':' && t[16] == ':' && t[19] == 'Z'
            && Digits(t, 0, 4, out var year) && Digits(t, 5, 2, out var month) && Digits(t, 8, 2, out var day)
            && Digits(t, 11, 2, out var hour) && Digits(t, 14, 2, out var minute) && Digits(t, 17, 2, out var second)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= NodaTime.CalendarSystem.Iso.GetDaysInMonth(year, month)
            && hour < 24 && minute < 60 && second < 60)
        {
            return NodaTime.Instant.FromUtc(year, month, day, hour, minute, second);
        }

        var value = Required(text, field);
        if (value.Length > MaxInstantLength)
        {
            throw new PrivacyRequestException("invalid-instant", field, $"'{field}' is not an ISO-8601 instant: it is {value.Length} characters long; an instant needs at most {MaxInstantLength}.");
        }

        // An offset beyond ±18 hours, or a local time whose offset moves it past the year 9999 (or before
        // the year -9998), has no instant: NodaTime says so with these two exceptions, which belong to this field.
        try
        {
            var result = OffsetDateTimePattern.ExtendedIso.Parse(value);
            if (result.Success)
            {
                return result.Value.ToInstant();
            }
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            throw new PrivacyRequestException("invalid-instant", field, $"'{field}' is outside the instants that can be represented (offsets are at most ±18:00, instants end with the year 9999): '{TextOutput.Escape(value)}'.");
        }

        throw new PrivacyRequestException("invalid-instant", field, $"'{field}' is not an ISO-8601 instant with an offset, such as 2026-03-01T09:30:00Z or 2026-03-01T10:30:00+01:00: '{TextOutput.Escape(value)}'.");
    }

    /// <summary>The longest instant text read: a date, a time with nanoseconds and an offset fit with room to spare.</summary>
    public const int MaxInstantLength = 64;

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    public static void RejectUnknown(Dictionary<string, JsonElement>? unknown, string prefix)
    {
        if (unknown is { Count: > 0 })
        {
            var name = unknown.Keys.Order(StringComparer.Ordinal).First();
            throw new PrivacyRequestException("unknown-field", prefix + name, $"Unknown field '{prefix}{name}'; see the request fields in the CLI contract.");
        }
    }
}
