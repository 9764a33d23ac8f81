using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Privacy.Internal;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.Documents;

/// <content>Reading the rules, the defaults and retention.</content>
internal sealed partial class DocumentReader
{
    private void ReadRules(List<RuleModel?>? rules, PolicyBuilder builder)
    {
        for (var i = 0; i < (rules?.Count ?? 0); i++)
        {
            var r = rules![i];
            var at = PolicyPaths.At(PolicyPaths.Rules, i);
            if (r is null)
            {
                continue;
            }

            var before = _problems.Count;
            var id = NonEmpty(r.Id, PolicyPaths.Field(at, "id"));
            TryName(r.Effect, PolicyPaths.Field(at, "effect"), "effect", PolicyNames.Effects, out RuleEffect effect);
            var actions = Names(r.Actions, PolicyPaths.Field(at, "actions"), "action", PolicyNames.Actions);
            if (r.Actions is { Count: 0 })
            {
                Problem(PolicyPaths.Field(at, "actions"), "missing-action", $"Rule '{id}' names no action; list at least one of {string.Join(", ", PolicyNames.Actions.Select(a => a.Name))}.");
            }

            var categories = Ids(r.Categories, at, "categories", "category", s => new DataCategoryId(s));
            var classes = Names(r.Classes, PolicyPaths.Field(at, "classes"), "class", PolicyNames.Classes);
            var purposes = Ids(r.Purposes, at, "purposes", "purpose", s => new PurposeId(s));
            var recipients = Ids(r.Recipients, at, "recipients", "recipient", s => new RecipientId(s));
            var reasons = Ids(r.Reasons, at, "reasons", "reason", s => new DisclosureReasonId(s));
            var messages = Ids(r.Messages, at, "messages", "message", s => new MessageKindId(s));
            var channels = Ids(r.Channels, at, "channels", "channel", s => new ChannelId(s));
            var conditions = Names(r.Conditions, PolicyPaths.Field(at, "conditions"), "condition", PolicyNames.Conditions).Aggregate(RuleConditions.None, (a, c) => a | c);
            var exceptPurposes = Ids(r.ExceptPurposes, at, "exceptPurposes", "purpose", s => new PurposeId(s));
            var exceptReasons = Ids(r.ExceptReasons, at, "exceptReasons", "reason", s => new DisclosureReasonId(s));
            var obligations = Ids(r.Obligations, at, "obligations", "obligation", s => new ObligationId(s));
            ClauseId? exemption = TryId(r.ExemptionClause, PolicyPaths.Field(at, "exemptionClause"), "clause") ? new ClauseId(r.ExemptionClause!) : null;
            ClauseId? clause = TryId(r.Clause, PolicyPaths.Field(at, "clause"), "clause") ? new ClauseId(r.Clause!) : null;
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
            Map(PolicyPaths.Rules, i);
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
            if (TryId(values![j], PolicyPaths.At(PolicyPaths.Field(rule, list), j), kind))
            {
                result.Add(make(values[j]!));
                Map(PolicyPaths.Field(rule, list), j);
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
            if (TryId(clause, PolicyPaths.Field(PolicyPaths.Defaults, name), "clause"))
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
            var at = PolicyPaths.At(PolicyPaths.RetentionRules, i);
            if (rule is null)
            {
                continue;
            }

            var ok = TryId(rule.Category, PolicyPaths.Field(at, "category"), "category");
            ok &= TryPeriod(rule.Period, PolicyPaths.Field(at, "period"), out var period);
            var anchor = RetentionAnchor.Collection;
            ok &= rule.Anchor is null || TryName(rule.Anchor, PolicyPaths.Field(at, "anchor"), "anchor", PolicyNames.Anchors, out anchor);
            ok &= TryId(rule.Clause, PolicyPaths.Field(at, "clause"), "clause");
            if (ok)
            {
                builder.RetentionRules.Add(new RetentionRule(new DataCategoryId(rule.Category!), period, new ClauseId(rule.Clause!), rule.AllowsGrounds ?? true, anchor));
                Map(PolicyPaths.RetentionRules, i);
            }
        }

        for (var i = 0; i < (r.Grounds?.Count ?? 0); i++)
        {
            var ground = r.Grounds![i];
            var at = PolicyPaths.At(PolicyPaths.Grounds, i);
            if (ground is null)
            {
                continue;
            }

            var ok = TryId(ground.Id, PolicyPaths.Field(at, "id"), "retention ground");
            ok &= TryPeriod(ground.MaximumExtension, PolicyPaths.Field(at, "maximumExtension"), out var extension);
            ok &= TryId(ground.Clause, PolicyPaths.Field(at, "clause"), "clause");
            if (ok)
            {
                builder.Grounds.Add(new RetentionGround(new RetentionGroundId(ground.Id!), extension, new ClauseId(ground.Clause!), ground.Description ?? string.Empty));
                Map(PolicyPaths.Grounds, i);
            }
        }

        if (r.Erasure is { } erasure)
        {
            var period = builder.ErasurePeriod;
            var ok = erasure.Period is null || TryPeriod(erasure.Period, PolicyPaths.Field(PolicyPaths.Erasure, "period"), out period);
            ok &= TryId(erasure.Clause, PolicyPaths.Field(PolicyPaths.Erasure, "clause"), "clause");
            var classes = Names(erasure.Classes, PolicyPaths.Field(PolicyPaths.Erasure, "classes"), "class", PolicyNames.Classes);
            if (ok)
            {
                builder.Erasure(period, erasure.Clause!, [.. classes]);
            }
        }

        if (r.LegalHold is { } hold && TryId(hold.Clause, PolicyPaths.Field(PolicyPaths.LegalHold, "clause"), "clause"))
        {
            builder.LegalHold(hold.Clause!);
        }
    }
}
