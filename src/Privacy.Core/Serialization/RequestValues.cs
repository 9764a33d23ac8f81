using System;
using System.Collections.Generic;
using NodaTime;
using Privacy.Compilation;
using Privacy.Internal;

namespace Privacy.Serialization;

/// <summary>
/// The rules for the values of a request, as the command-line contract states them: each failure is a
/// <see cref="PrivacyRequestException"/> with a stable code and the field at fault. Shared by the request
/// reader, the converters and the <c>privacy</c> command's other inputs.
/// </summary>
internal static class RequestValues
{
    /// <summary>The longest instant text read: a date, a time with nanoseconds and an offset fit with room to spare.</summary>
    public const int MaxInstantLength = InstantText.MaxLength;

    /// <summary>A required text: <c>missing-field</c> when null or empty.</summary>
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
    /// A vocabulary id of one kind: <c>missing-field</c> when null or empty, <c>unknown-KIND</c> when
    /// <paramref name="table"/> does not hold it (or, without a table, when it is not an id at all).
    /// </summary>
    /// <param name="id">The id text.</param>
    /// <param name="field">The field, for the error.</param>
    /// <param name="table">The policy's ids of this kind; null to check the syntax only.</param>
    /// <param name="kind">The kind, as the policy's tables name it (<c>category</c>, <c>ground</c>...).</param>
    /// <returns>The id text; the policy's own copy of it when <paramref name="table"/> is given.</returns>
    public static string Id(string? id, string field, IdTable? table, string kind)
    {
        if (table is not null)
        {
            return table[table.GetIndex(id, field)];
        }

        if (string.IsNullOrEmpty(id))
        {
            throw new PrivacyRequestException("missing-field", field, $"The request needs '{field}' (a {kind} id).");
        }

        return IdSyntax.IsValid(id)
            ? id
            : throw new PrivacyRequestException($"unknown-{kind}", field, $"Unknown {kind} '{id}': an id is lowercase letters, digits and hyphens in dot-separated segments, at most {IdSyntax.MaxLength} characters.");
    }

    /// <summary>Refuses the first of <paramref name="names"/> in ordinal order, if there are any: <c>unknown-field</c>.</summary>
    /// <param name="names">Field names the reader did not know, or null.</param>
    /// <param name="prefix">The path of the object they were in, with a trailing dot; empty for the top level.</param>
    public static void RejectUnknown(IEnumerable<string>? names, string prefix)
    {
        string? first = null;
        foreach (var name in names ?? [])
        {
            if (first is null || string.CompareOrdinal(name, first) < 0)
            {
                first = name;
            }
        }

        if (first is not null)
        {
            throw new PrivacyRequestException("unknown-field", prefix + first, $"Unknown field '{prefix}{first}'; see the request fields in the CLI contract.");
        }
    }

    /// <summary>
    /// The instant of a field. The usual form, whole seconds in UTC (<c>2026-03-01T09:30:00Z</c>), is read
    /// directly, because request streams are full of them; anything else goes through the ISO-8601 pattern,
    /// which also words the errors.
    /// </summary>
    /// <exception cref="PrivacyRequestException"><c>missing-field</c> or <c>invalid-instant</c>, naming <paramref name="field"/>.</exception>
    public static Instant Instant(string? text, string field)
    {
        if (text is not null && TryUtcSeconds(text.AsSpan(), out var fast))
        {
            return fast;
        }

        var value = Required(text, field);
        return InstantText.Read(value, out var instant) switch
        {
            InstantTextResult.Instant => instant,
            InstantTextResult.TooLong => throw new PrivacyRequestException("invalid-instant", field, $"'{field}' is not an ISO-8601 instant: it is {value.Length} characters long; an instant needs at most {MaxInstantLength}."),

            // An offset beyond ±18 hours, or a local time whose offset moves it past the year 9999 (or before
            // the year -9998), has no instant; that belongs to this field.
            InstantTextResult.OutOfRange => throw new PrivacyRequestException("invalid-instant", field, $"'{field}' is outside the instants that can be represented (offsets are at most ±18:00, instants end with the year 9999): '{value}'."),
            _ => throw new PrivacyRequestException("invalid-instant", field, $"'{field}' is not an ISO-8601 instant with an offset, such as 2026-03-01T09:30:00Z or 2026-03-01T10:30:00+01:00: '{value}'."),
        };
    }

    /// <summary>Reads whole seconds in UTC (<c>2026-03-01T09:30:00Z</c>) from UTF-8 without allocating; false for any other text.</summary>
    public static bool TryUtcSeconds(ReadOnlySpan<byte> t, out Instant instant)
    {
        instant = default;
        return t.Length == 20 && t[4] == '-' && t[7] == '-' && t[10] == 'T' && t[13] == ':' && t[16] == ':' && t[19] == 'Z'
            && Digits(t[..4], out var year) && Digits(t.Slice(5, 2), out var month) && Digits(t.Slice(8, 2), out var day)
            && Digits(t.Slice(11, 2), out var hour) && Digits(t.Slice(14, 2), out var minute) && Digits(t.Slice(17, 2), out var second)
            && FromParts(year, month, day, hour, minute, second, out instant);
    }

    /// <summary>As <see cref="TryUtcSeconds(ReadOnlySpan{byte}, out NodaTime.Instant)"/>, for text already decoded.</summary>
    public static bool TryUtcSeconds(ReadOnlySpan<char> t, out Instant instant)
    {
        instant = default;
        return t.Length == 20 && t[4] == '-' && t[7] == '-' && t[10] == 'T' && t[13] == ':' && t[16] == ':' && t[19] == 'Z'
            && Digits(t[..4], out var year) && Digits(t.Slice(5, 2), out var month) && Digits(t.Slice(8, 2), out var day)
            && Digits(t.Slice(11, 2), out var hour) && Digits(t.Slice(14, 2), out var minute) && Digits(t.Slice(17, 2), out var second)
            && FromParts(year, month, day, hour, minute, second, out instant);
    }

    private static bool FromParts(int year, int month, int day, int hour, int minute, int second, out Instant instant)
    {
        if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month)
            && hour < 24 && minute < 60 && second < 60)
        {
            instant = NodaTime.Instant.FromUtc(year, month, day, hour, minute, second);
            return true;
        }

        instant = default;
        return false;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            var digit = b - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
