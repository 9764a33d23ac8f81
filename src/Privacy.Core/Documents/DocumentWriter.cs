using System.Collections.Generic;
using System.Linq;
using NodaTime.Text;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.Documents;

/// <summary>Turns a policy into its document model, in a stable order, leaving out empty and default values.</summary>
internal static class DocumentWriter
{
    public static DocumentModel ToModel(PrivacyPolicy p) => new()
    {
        FormatVersion = PolicyDocument.FormatVersion,
        Id = p.Id,
        Name = p.Name,
        Version = p.Version,
        LastUpdated = p.LastUpdated is { } date ? LocalDatePattern.Iso.Format(date) : null,
        EffectiveFrom = p.EffectiveFrom is { } from ? InstantPattern.ExtendedIso.Format(from) : null,
        Contact = p.Contact,
        TimeZone = p.TimeZoneId,
        Vocabulary = new VocabularyModel
        {
            Categories = [.. p.Categories.Select(c => (CategoryModel?)new CategoryModel { Id = c.Id.Value, Class = PolicyNames.Name(PolicyNames.Classes, c.Class), Description = c.Description })],
            Purposes = Terms(p.Purposes.Select(t => (t.Id.Value, t.Description))),
            Recipients = Terms(p.Recipients.Select(t => (t.Id.Value, t.Description))),
            Reasons = Terms(p.Reasons.Select(t => (t.Id.Value, t.Description))),
            Messages = Terms(p.Messages.Select(t => (t.Id.Value, t.Description))),
            Channels = Terms(p.Channels.Select(t => (t.Id.Value, t.Description))),
            Obligations = Terms(p.Obligations.Select(t => (t.Id.Value, t.Description))),
        },
        Clauses = [.. p.Clauses.Select(c => (ClauseModel?)new ClauseModel { Id = c.Id.Value, Summary = c.Summary, Text = c.Text == c.Summary ? null : c.Text })],
        Rules = [.. p.Rules.Select(Rule)],
        Defaults = new DefaultsModel
        {
            Collect = Default(p, PrivacyAction.Collect),
            Use = Default(p, PrivacyAction.Use),
            Disclose = Default(p, PrivacyAction.Disclose),
            Communicate = Default(p, PrivacyAction.Communicate),
            Retain = Default(p, PrivacyAction.Retain),
        },
        Retention = new RetentionModel
        {
            Rules = [.. p.RetentionRules.Select(r => (RetentionRuleModel?)new RetentionRuleModel
            {
                Category = r.Category.Value,
                Period = PeriodText.Format(r.Period),
                Anchor = PolicyNames.Name(PolicyNames.Anchors, r.Anchor),
                AllowsGrounds = r.AllowsGrounds,
                Clause = r.Clause.Value,
            })],
            Grounds = [.. p.Grounds.Select(g => (GroundModel?)new GroundModel
            {
                Id = g.Id.Value,
                MaximumExtension = PeriodText.Format(g.MaximumExtension),
                Clause = g.Clause.Value,
                Description = g.Description.Length == 0 ? null : g.Description,
            })],
            Erasure = new ErasureModel
            {
                Period = PeriodText.Format(p.ErasurePeriod),
                Clause = p.ErasureClause.Value,
                Classes = [.. p.ErasureClasses.Select(c => (string?)PolicyNames.Name(PolicyNames.Classes, c))],
            },
            LegalHold = new LegalHoldModel { Clause = p.LegalHoldClause.Value },
        },
        Notes = p.Notes.IsEmpty ? null : [.. p.Notes],
    };

    private static string? Default(PrivacyPolicy p, PrivacyAction action) => p.DefaultDenials.TryGetValue(action, out var clause) ? clause.Value : null;

    private static List<TermModel?> Terms(IEnumerable<(string Id, string Description)> terms)
        => [.. terms.Select(t => (TermModel?)new TermModel { Id = t.Id, Description = t.Description })];

    private static RuleModel? Rule(PolicyRule r) => new()
    {
        Id = r.Id,
        Effect = PolicyNames.Name(PolicyNames.Effects, r.Effect),
        Actions = [.. r.Actions.Select(a => (string?)PolicyNames.Name(PolicyNames.Actions, a))],
        Categories = List(r.Categories.Select(c => c.Value)),
        Classes = List(r.DataClasses.Select(c => PolicyNames.Name(PolicyNames.Classes, c))),
        Purposes = List(r.Purposes.Select(x => x.Value)),
        Recipients = List(r.Recipients.Select(x => x.Value)),
        Reasons = List(r.Reasons.Select(x => x.Value)),
        Messages = List(r.Messages.Select(x => x.Value)),
        Channels = List(r.Channels.Select(x => x.Value)),
        Conditions = List(PolicyNames.Conditions.Where(c => (r.Conditions & c.Value) != 0).Select(c => c.Name)),
        ExceptPurposes = List(r.ExceptPurposes.Select(x => x.Value)),
        ExceptReasons = List(r.ExceptReasons.Select(x => x.Value)),
        ExemptionClause = r.ExemptionClause?.Value,
        Clause = r.Clause.Value,
        Obligations = List(r.Obligations.Select(x => x.Value)),
    };

    private static List<string?>? List(IEnumerable<string> items)
    {
        var list = items.Select(i => (string?)i).ToList();
        return list.Count == 0 ? null : list;
    }
}
