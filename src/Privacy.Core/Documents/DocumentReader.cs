using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime.Text;
using Privacy.Internal;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.Documents;

/// <summary>
/// Reads a structurally checked document into a <see cref="PolicyBuilder"/>, collecting every
/// problem with its JSON Pointer, then runs <see cref="PolicyChecks"/> and maps its paths back to
/// the document (entries the reader had to skip shift the builder's indices).
/// </summary>
internal sealed class DocumentReader
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
            Problem("/formatVersion", "unsupported-format-version", $"This library reads formatVersion {PolicyDocument.FormatVersion}; the document says {version}.");
        }

        var builder = new PolicyBuilder(NonEmpty(m.Id, "/id") ?? "invalid", NonEmpty(m.Version, "/version") ?? "invalid");
        if (!string.IsNullOrWhiteSpace(m.Name))
        {
            builder.WithName(m.Name);
        }

        if (m.TimeZone is not null)
        {
            if (m.TimeZone.Length == 0)
            {
                Problem("/timeZone", "empty-value", "The time zone is empty; use a tz database id such as 'Europe/Oslo' or 'UTC', or leave it out for UTC.");
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
                Problem("/lastUpdated", "bad-date", $"'{m.LastUpdated}' is not a date; write it as YYYY-MM-DD, such as 2018-10-11.");
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
                Problem("/effectiveFrom", "bad-instant", $"'{m.EffectiveFrom}' is not an instant; write it as ISO-8601 with an offset or Z, such as 2018-10-11T00:00:00Z.");
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
        var index = int.Parse(path.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
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

    private void ReadVocabulary(VocabularyModel? v, PolicyBuilder builder)
    {
        if (v is null)
        {
            return;
        }

        var categories = v.Categories ?? [];
        for (var i = 0; i < categories.Count; i++)
        {
            var c = categories[i];
            var at = $"/vocabulary/categories/{i}";
            if (c is null)
            {
                continue;
            }

            var idOk = TryId(c.Id, at + "/id", "category");
            var classOk = TryName(c.Class, at + "/class", "class", PolicyNames.Classes, out DataClass dataClass);
            if (idOk)
            {
                // A category whose class is wrong is still declared, so that references to it do not cascade into more problems.
                if (!classOk)
                {
                    _unknownClass.Add(c.Id!);
                }

                builder.Categories.Add(new DataCategory(new DataCategoryId(c.Id!), dataClass, c.Description ?? string.Empty));
                Map("/vocabulary/categories", i);
            }
        }

        Terms(v.Purposes, "purposes", "purpose", id => new PurposeId(id), builder.Purposes);
        Terms(v.Recipients, "recipients", "recipient", id => new RecipientId(id), builder.Recipients);
        Terms(v.Reasons, "reasons", "reason", id => new DisclosureReasonId(id), builder.Reasons);
        Terms(v.Messages, "messages", "message", id => new MessageKindId(id), builder.Messages);
        Terms(v.Channels, "channels", "channel", id => new ChannelId(id), builder.Channels);
        Terms(v.Obligations, "obligations", "obligation", id => new ObligationId(id), builder.Obligations);
    }

    private void Terms<TId>(List<TermModel?>? terms, string list, string kind, Func<string, TId> make, List<VocabularyTerm<TId>> into)
        where TId : struct, IEquatable<TId>
    {
        for (var i = 0; i < (terms?.Count ?? 0); i++)
        {
            var t = terms![i];
            if (t is not null && TryId(t.Id, $"/vocabulary/{list}/{i}/id", kind))
            {
                into.Add(new VocabularyTerm<TId>(make(t.Id!), t.Description ?? string.Empty));
                Map($"/vocabulary/{list}", i);
            }
        }
    }

    private void ReadClauses(List<ClauseModel?>? clauses, PolicyBuilder builder)
    {
        for (var i = 0; i < (clauses?.Count ?? 0); i++)
        {
            var c = clauses![i];
            var at = $"/clauses/{i}";
            if (c is null)
            {
                continue;
            }

            var idOk = TryId(c.Id, at + "/id", "clause");
            var summary = NonEmpty(c.Summary, at + "/summary");
            if (idOk && summary is not null)
            {
                builder.Clauses.Add(new PolicyClause(new ClauseId(c.Id!), summary, c.Text));
                Map("/clauses", i);
            }
        }
    }

    private void ReadRules(List<RuleModel?>? rules, PolicyBuilder builder)
    {
        for (var i = 0; i < (rules?.Count ?? 0); i++)
        {
            var r = rules![i];
            var at = $"/rules/{i}";
            if (r is null)
            {
                continue;
            }

            var before = _problems.Count;
            var id = NonEmpty(r.Id, at + "/id");
            TryName(r.Effect, at + "/effect", "effect", PolicyNames.Effects, out RuleEffect effect);
            var actions = Names(r.Actions, at + "/actions", "action", PolicyNames.Actions);
            if (r.Actions is { Count: 0 })
            {
                Problem(at + "/actions", "missing-action", $"Rule '{id}' names no action; list at least one of {string.Join(", ", PolicyNames.Actions.Select(a => a.Name))}.");
            }

            var categories = Ids(r.Categories, at, "categories", "category", s => new DataCategoryId(s));
            var classes = Names(r.Classes, at + "/classes", "class", PolicyNames.Classes);
            var purposes = Ids(r.Purposes, at, "purposes", "purpose", s => new PurposeId(s));
            var recipients = Ids(r.Recipients, at, "recipients", "recipient", s => new RecipientId(s));
            var reasons = Ids(r.Reasons, at, "reasons", "reason", s => new DisclosureReasonId(s));
            var messages = Ids(r.Messages, at, "messages", "message", s => new MessageKindId(s));
            var channels = Ids(r.Channels, at, "channels", "channel", s => new ChannelId(s));
            var conditions = Names(r.Conditions, at + "/conditions", "condition", PolicyNames.Conditions).Aggregate(RuleConditions.None, (a, c) => a | c);
            var exceptPurposes = Ids(r.ExceptPurposes, at, "exceptPurposes", "purpose", s => new PurposeId(s));
            var exceptReasons = Ids(r.ExceptReasons, at, "exceptReasons", "reason", s => new DisclosureReasonId(s));
            var obligations = Ids(r.Obligations, at, "obligations", "obligation", s => new ObligationId(s));
            ClauseId? exemption = TryId(r.ExemptionClause, at + "/exemptionClause", "clause") ? new ClauseId(r.ExemptionClause!) : null;
            ClauseId? clause = TryId(r.Clause, at + "/clause", "clause") ? new ClauseId(r.Clause!) : null;
            if (r.Clause is null && id is not null)
            {
                if (_lenientClauses)
                {
                    RulesWithoutClause.Add((i, id));
                    continue;
                }

                Problem(at, "missing-clause", $"Rule '{id}' cites no clause; every decision cites one, so add \"clause\": \"<clause id>\" naming one of the document's clauses.");
            }

            if (_problems.Count > before || id is null || clause is null || actions.IsEmpty)
            {
                // Problems are already recorded; the rule cannot be built, and later rules keep their own pointers.
                continue;
            }

            builder.Rules.Add(new PolicyRule(
                id, effect, actions, categories, classes, purposes, recipients, reasons, messages, channels,
                conditions, exceptPurposes, exceptReasons, exemption, clause.Value, obligations));
            Map("/rules", i);
        }
    }

    private ImmutableArray<T> Names<T>(List<string?>? values, string pointer, string kind, IReadOnlyList<(string Name, T Value)> names)
    {
        var result = ImmutableArray.CreateBuilder<T>();
        for (var j = 0; j < (values?.Count ?? 0); j++)
        {
            if (TryName(values![j], $"{pointer}/{j}", kind, names, out T value))
            {
                result.Add(value);
            }
        }

        return result.ToImmutable();
    }

    private ImmutableArray<T> Ids<T>(List<string?>? values, string rule, string list, string kind, Func<string, T> make)
    {
        var result = ImmutableArray.CreateBuilder<T>();
        for (var j = 0; j < (values?.Count ?? 0); j++)
        {
            if (TryId(values![j], $"{rule}/{list}/{j}", kind))
            {
                result.Add(make(values[j]!));
                Map($"{rule}/{list}", j);
            }
        }

        return result.ToImmutable();
    }

    private void ReadDefaults(DefaultsModel? d, PolicyBuilder builder)
    {
        if (d is null)
        {
            return;
        }

        void One(PrivacyAction action, string? clause, string name)
        {
            if (TryId(clause, $"/defaults/{name}", "clause"))
            {
                builder.DefaultDenials[action] = new ClauseId(clause!);
            }
        }

        One(PrivacyAction.Collect, d.Collect, "collect");
        One(PrivacyAction.Use, d.Use, "use");
        One(PrivacyAction.Disclose, d.Disclose, "disclose");
        One(PrivacyAction.Communicate, d.Communicate, "communicate");
        One(PrivacyAction.Retain, d.Retain, "retain");
    }

    private bool TryPeriod(string? text, string pointer, out RetentionPeriod period)
    {
        period = default;
        if (text is null)
        {
            return false;
        }

        if (!PeriodText.TryParse(text, out period, out var error))
        {
            Problem(pointer, "bad-period", error);
            return false;
        }

        return true;
    }

    private void ReadRetention(RetentionModel? r, PolicyBuilder builder)
    {
        if (r is null)
        {
            return;
        }

        for (var i = 0; i < (r.Rules?.Count ?? 0); i++)
        {
            var rule = r.Rules![i];
            var at = $"/retention/rules/{i}";
            if (rule is null)
            {
                continue;
            }

            var ok = TryId(rule.Category, at + "/category", "category");
            ok &= TryPeriod(rule.Period, at + "/period", out var period);
            var anchor = RetentionAnchor.Collection;
            ok &= rule.Anchor is null || TryName(rule.Anchor, at + "/anchor", "anchor", PolicyNames.Anchors, out anchor);
            ok &= TryId(rule.Clause, at + "/clause", "clause");
            if (ok)
            {
                builder.RetentionRules.Add(new RetentionRule(new DataCategoryId(rule.Category!), period, new ClauseId(rule.Clause!), rule.AllowsGrounds ?? true, anchor));
                Map("/retention/rules", i);
            }
        }

        for (var i = 0; i < (r.Grounds?.Count ?? 0); i++)
        {
            var ground = r.Grounds![i];
            var at = $"/retention/grounds/{i}";
            if (ground is null)
            {
                continue;
            }

            var ok = TryId(ground.Id, at + "/id", "retention ground");
            ok &= TryPeriod(ground.MaximumExtension, at + "/maximumExtension", out var extension);
            ok &= TryId(ground.Clause, at + "/clause", "clause");
            if (ok)
            {
                builder.Grounds.Add(new RetentionGround(new RetentionGroundId(ground.Id!), extension, new ClauseId(ground.Clause!), ground.Description ?? string.Empty));
                Map("/retention/grounds", i);
            }
        }

        if (r.Erasure is { } erasure)
        {
            var period = builder.ErasurePeriod;
            var ok = erasure.Period is null || TryPeriod(erasure.Period, "/retention/erasure/period", out period);
            ok &= TryId(erasure.Clause, "/retention/erasure/clause", "clause");
            var classes = Names(erasure.Classes, "/retention/erasure/classes", "class", PolicyNames.Classes);
            if (ok)
            {
                builder.Erasure(period, erasure.Clause!, [.. classes]);
            }
        }

        if (r.LegalHold is { } hold && TryId(hold.Clause, "/retention/legalHold/clause", "clause"))
        {
            builder.LegalHold(hold.Clause!);
        }
    }
}
