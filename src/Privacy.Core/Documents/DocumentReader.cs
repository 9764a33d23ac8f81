using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime.Text;
using Privacy.Internal;
using Privacy.Policies;

namespace Privacy.Documents;

/// <summary>
/// Reads a structurally checked document into a <see cref="PolicyBuilder"/>, collecting every
/// problem with its JSON Pointer, then runs <see cref="PolicyChecks"/> and renumbers the indices of
/// its paths into the document's own (entries the reader had to skip shift the builder's indices).
/// Both spell paths with <see cref="PolicyPaths"/>.
/// </summary>
internal sealed partial class DocumentReader
{
    private readonly List<PolicyProblem> _problems;
    private readonly Dictionary<string, List<int>> _maps = new(StringComparer.Ordinal);
    private readonly bool _lenientClauses;
    private readonly HashSet<string> _unknownClass = new(StringComparer.Ordinal);

    private DocumentReader(List<PolicyProblem> problems, bool lenientClauses)
    {
        _problems = problems;
        _lenientClauses = lenientClauses;
    }

    /// <summary>The rules that cite no clause, when read leniently for analysis: (document index, rule id).</summary>
    public List<(int Index, string Id)> RulesWithoutClause { get; } = [];

    public static PolicyBuilder Read(DocumentModel model, List<PolicyProblem> problems, bool lenientClauses, out List<(int Index, string Id)> rulesWithoutClause)
    {
        var reader = new DocumentReader(problems, lenientClauses);
        var builder = reader.ReadAll(model);
        rulesWithoutClause = reader.RulesWithoutClause;
        return builder;
    }

    private static bool Is(string? a, string b) => string.Equals(a, b, StringComparison.Ordinal);

    private void Problem(string pointer, string code, string message) => _problems.Add(new PolicyProblem(pointer, code, message));

    private void Map(string listPointer, int documentIndex)
    {
        if (!_maps.TryGetValue(listPointer, out var map))
        {
            _maps[listPointer] = map = [];
        }

        map.Add(documentIndex);
    }

    private PolicyBuilder ReadAll(DocumentModel m)
    {
        if (m.FormatVersion is { } version && version != PolicyDocument.FormatVersion)
        {
            Problem(PolicyPaths.FormatVersion, "unsupported-format-version", $"This library reads formatVersion {PolicyDocument.FormatVersion}; the document says {version}.");
        }

        var builder = new PolicyBuilder(NonEmpty(m.Id, PolicyPaths.Id) ?? "invalid", NonEmpty(m.Version, PolicyPaths.Version) ?? "invalid");
        if (!string.IsNullOrWhiteSpace(m.Name))
        {
            builder.WithName(m.Name);
        }

        if (m.TimeZone is not null)
        {
            if (string.IsNullOrWhiteSpace(m.TimeZone))
            {
                Problem(PolicyPaths.TimeZone, "empty-value", "The time zone is empty or blank; use a tz database id such as 'Europe/Oslo' or 'UTC', or leave it out for UTC.");
            }
            else
            {
                builder.WithTimeZone(m.TimeZone);
            }
        }

        NodaTime.LocalDate? lastUpdated = null;
        if (m.LastUpdated is not null)
        {
            var parsed = LocalDatePattern.Iso.Parse(m.LastUpdated);
            if (parsed.Success)
            {
                lastUpdated = parsed.Value;
            }
            else
            {
                Problem(PolicyPaths.LastUpdated, "bad-date", $"'{m.LastUpdated}' is not a date; write it as YYYY-MM-DD, such as 2018-10-11.");
            }
        }

        NodaTime.Instant? effectiveFrom = null;
        if (m.EffectiveFrom is not null)
        {
            if (InstantText.TryParse(m.EffectiveFrom, out var from))
            {
                effectiveFrom = from;
            }
            else
            {
                Problem(PolicyPaths.EffectiveFrom, "bad-instant", $"'{m.EffectiveFrom}' is not an instant; write it as ISO-8601 with an offset or Z, such as 2018-10-11T00:00:00Z.");
            }
        }

        builder.WithMetadata(lastUpdated, effectiveFrom, m.Contact);

        ReadVocabulary(m.Vocabulary, builder);
        ReadClauses(m.Clauses, builder);
        ReadRules(m.Rules, builder);
        ReadDefaults(m.Defaults, builder);
        ReadRetention(m.Retention, builder);
        for (var i = 0; i < (m.Notes?.Count ?? 0); i++)
        {
            if (!string.IsNullOrWhiteSpace(m.Notes![i]))
            {
                builder.AddNote(m.Notes[i]!);
            }
        }

        var before = _problems.Count;
        foreach (var problem in PolicyChecks.Validate(builder, structuralLimits: true))
        {
            if (problem.Code == "class-mismatch" && ClassUnknown(builder, problem.Path))
            {
                continue;
            }

            var pointer = Translate(problem.Path);
            if (!_problems.Take(before).Any(p => Within(pointer, p.Path)))
            {
                _problems.Add(new PolicyProblem(pointer, problem.Code, problem.Message));
            }
        }

        return builder;
    }

    private bool ClassUnknown(PolicyBuilder builder, string path)
    {
        if (!PolicyPaths.TryIndex(path, PolicyPaths.Categories, out var index) || index >= builder.Categories.Count)
        {
            return false;
        }

        var id = builder.Categories[index].Id.Value;
        return _unknownClass.Contains(id) || (IdSyntax.ParentOf(id) is { } parent && _unknownClass.Contains(parent));
    }

    private static bool Within(string pointer, string prefix)
        => prefix.Length > 0 && (Is(pointer, prefix) || (pointer.StartsWith(prefix, StringComparison.Ordinal) && pointer[prefix.Length] == '/'));

    /// <summary>Turns a builder path (indices into the builder's lists) into a pointer into the document.</summary>
    private string Translate(string path)
    {
        if (path.Length == 0)
        {
            return path;
        }

        var segments = path.Split('/');
        var prefix = string.Empty;
        for (var i = 1; i < segments.Length; i++)
        {
            if (_maps.TryGetValue(prefix, out var map) && int.TryParse(segments[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < map.Count)
            {
                segments[i] = map[index].ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            prefix += "/" + segments[i];
        }

        return prefix;
    }

    private string? NonEmpty(string? value, string pointer)
    {
        if (value is not null && value.Trim().Length == 0)
        {
            Problem(pointer, "empty-value", "This value is empty; give it some text.");
            return null;
        }

        return value;
    }

    private bool TryId(string? value, string pointer, string kind)
    {
        if (value is null)
        {
            return false;
        }

        if (!IdSyntax.IsValid(value))
        {
            Problem(pointer, "invalid-id", $"'{value}' is not a valid {kind} id: use lowercase letters, digits and hyphens in dot-separated segments (such as 'personal.email'), at most {IdSyntax.MaxLength} characters.");
            return false;
        }

        return true;
    }

    private bool TryName<T>(string? value, string pointer, string kind, IReadOnlyList<(string Name, T Value)> names, out T result)
    {
        result = default!;
        if (value is null)
        {
            return false;
        }

        foreach (var (name, v) in names)
        {
            if (Is(name, value))
            {
                result = v;
                return true;
            }
        }

        var suggestion = PolicyChecks.Suggest(value, names.Select(n => n.Name));
        Problem(pointer, $"unknown-{kind}", $"Unknown {kind} '{value}'{(suggestion.Length > 0 ? suggestion : ".")} Allowed: {string.Join(", ", names.Select(n => n.Name))}.");
        return false;
    }
}
