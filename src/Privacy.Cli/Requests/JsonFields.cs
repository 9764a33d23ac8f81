using System.Collections.Generic;
using System.Text.Json;
using Privacy.Cli.Json;
using Privacy.Compilation;
using Privacy.Serialization;

namespace Privacy.Cli.Requests;

/// <summary>
/// Checks shared by the command's JSON inputs other than requests (subjects, records, incidents); each failure
/// names the field at fault. The rules are the library's (<see cref="RequestValues"/>, <see cref="SubjectValues"/>),
/// the ones it reads requests with.
/// </summary>
internal static class JsonFields
{
    /// <summary>The subject of a rights command, an incident or a subjects file; ids in events must be known to the policy.</summary>
    public static DataSubject Subject(SubjectDocument? s, CompiledVocabulary vocabulary, string prefix)
    {
        if (s is null)
        {
            return DataSubject.Anonymous;
        }

        RejectUnknown(s.Unknown, prefix + ".");
        SubjectValues.CheckId(s.Id, prefix);
        var events = new List<PrivacyEvent>();
        for (var i = 0; i < (s.Events?.Count ?? 0); i++)
        {
            var path = $"{prefix}.events[{i}]";
            var e = s.Events![i] ?? throw new PrivacyRequestException("missing-field", path, $"'{path}' is null; each event is an object with 'type' and 'at'.");
            RejectUnknown(e.Unknown, path + ".");
            events.Add(SubjectValues.Event(e.Type, RawInstant.FromText(e.At), e.Purpose, e.Recipient, e.Version, vocabulary, path));
        }

        return new DataSubject(s.Id, s.HasEmail ?? false, events);
    }

    /// <summary>A required id, which names something: not blank (white space only, line separators included).</summary>
    public static string RequiredId(string? value, string field) => RequestValues.RequiredId(value, field);

    /// <summary>The instant of a field: ISO-8601 with an offset or <c>Z</c>; <c>missing-field</c> or <c>invalid-instant</c> naming it.</summary>
    public static NodaTime.Instant Instant(string? text, string field) => RequestValues.Instant(text, field);

    public static void RejectUnknown(Dictionary<string, JsonElement>? unknown, string prefix) => RequestValues.RejectUnknown(unknown?.Keys, prefix);
}
