using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime.Text;
using Privacy.Internal;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.Rendering;

/// <summary>
/// Renders a policy as the notice its users read, from the same model the engine enforces: each
/// clause's text, followed by what the rules citing it actually permit or forbid, retention periods
/// and rights, all worded from the policy's own vocabulary.
/// </summary>
/// <remarks>
/// <para>Sections come in the order readers expect: collection and use, sensitive data,
/// non-personal data, disclosure, your rights, third-party services, security, changes, contact;
/// a clause is placed by the first segment of its id (<c>rights.erasure</c> goes to "Your rights"),
/// and a clause that fits none goes to "Other terms", so every clause appears exactly once. Every
/// clause paragraph carries an anchor named by the clause id (<c>#rights.erasure</c>), so a
/// decision's clauses can link to the sentence that grounds them.</para>
/// <para>The output is deterministic byte for byte: the same policy always renders the same text,
/// with <c>\n</c> line ends. Thread-safe.</para>
/// </remarks>
public static partial class PolicyRenderer
{
    private static readonly (string Title, string[] Prefixes)[] Sections =
    [
        ("Collection and use", ["collection", "use"]),
        ("Sensitive data", ["sensitive"]),
        ("Non-personal data", ["non-personal"]),
        ("Disclosure", ["disclosure"]),
        ("Your rights", ["rights"]),
        ("Third-party services", ["third-party"]),
        ("Security", ["security"]),
        ("Changes to this policy", ["changes"]),
        ("Contact", ["contact"]),
    ];

    /// <summary>Renders a policy as a notice.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="format">Markdown or HTML.</param>
    /// <returns>The notice, ending with a newline.</returns>
    public static string Render(PrivacyPolicy policy, NoticeFormat format)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var notice = Compose(policy);
        return Preconditions.CheckDefined(format, nameof(format)) == NoticeFormat.Html ? Html(notice) : Markdown(notice);
    }

    private sealed record Para(string Anchor, string Title, string Text, List<string> Details);

    private sealed record Section(string Title, string Slug, List<Para> Paragraphs, List<string> Lead);

    private sealed record Notice(string Title, List<string> Intro, List<Section> Sections);

    private static Notice Compose(PrivacyPolicy p)
    {
        var intro = new List<string>
        {
            $"This notice describes how personal data is handled under the policy \u201c{p.Name}\u201d (version {p.Version}). "
                + "Every statement below is generated from the same policy that decides, in the software, what may be done with your data.",
        };
        var dates = new List<string>();
        if (p.LastUpdated is { } updated)
        {
            dates.Add($"Last updated {LocalDatePattern.Iso.Format(updated)}.");
        }

        if (p.EffectiveFrom is { } from)
        {
            dates.Add($"In force from {InstantPattern.ExtendedIso.Format(from)}.");
        }

        if (dates.Count > 0)
        {
            intro.Add(string.Join(" ", dates));
        }

        var placed = new HashSet<ClauseId>();
        var sections = new List<Section>();
        foreach (var (title, prefixes) in Sections)
        {
            var clauses = p.Clauses.Where(c => prefixes.Any(prefix => IdSyntax.IsWithin(c.Id.Value, prefix))).ToList();
            placed.UnionWith(clauses.Select(c => c.Id));
            var lead = new List<string>();
            if (title == "Contact" && p.Contact is { } contact)
            {
                lead.Add($"Contact for privacy questions and requests: {contact}.");
            }

            if (title == "Changes to this policy")
            {
                lead.Add($"This is version {p.Version} of the policy.");
            }

            if (clauses.Count > 0 || lead.Count > 0)
            {
                sections.Add(new Section(title, Slug(title), [.. clauses.Select(c => Paragraph(p, c))], lead));
            }
        }

        var rest = p.Clauses.Where(c => !placed.Contains(c.Id)).ToList();
        if (rest.Count > 0)
        {
            sections.Add(new Section("Other terms", "other-terms", [.. rest.Select(c => Paragraph(p, c))], []));
        }

        return new Notice(p.Name, intro, sections);
    }

    private static string Slug(string title) => "section-" + title.ToLowerInvariant().Replace(' ', '-');

    private static Para Paragraph(PrivacyPolicy p, PolicyClause clause)
    {
        var details = new List<string>();
        // A permission is worded for the actions it really applies to (see RuleSemantics): one that
        // names a selector its action lacks never permits that action, so the notice does not promise it.
        foreach (var rule in p.Rules.Where(r => r.Clause == clause.Id && (r.Effect == RuleEffect.Prohibit || r.Actions.Any(a => RuleSemantics.AppliesTo(r, a)))))
        {
            details.Add(Describe(p, rule));
        }

        foreach (var rule in p.Rules.Where(r => r.ExemptionClause == clause.Id))
        {
            details.Add($"This is why some processing continues after {Conditions(rule.Conditions, "or")}: {Exceptions(p, rule)}.");
        }

        foreach (var r in p.RetentionRules.Where(r => r.Clause == clause.Id))
        {
            details.Add(r.Period == RetentionPeriod.Zero
                ? $"We do not keep {Category(p, r.Category)}: any copy is deleted at once{(r.AllowsGrounds ? string.Empty : ", and no retention ground extends this")}."
                : $"We keep {Category(p, r.Category)} for {Words(r.Period)} {Anchor(r.Anchor)}{(r.AllowsGrounds ? string.Empty : "; no retention ground extends this")}.");
        }

        foreach (var g in p.Grounds.Where(g => g.Clause == clause.Id))
        {
            details.Add($"{Sentence(Describe(g.Description, g.Id.Value))} ({g.Id}): data may be kept at most {Words(g.MaximumExtension)} longer.");
        }

        if (p.ErasureClause == clause.Id)
        {
            var classes = string.Join(" and ", p.ErasureClasses.Select(ClassWords));
            details.Add($"After you ask for erasure, your {classes} data is deleted within {Words(p.ErasurePeriod)}, unless a recognised retention ground applies.");
        }

        if (p.LegalHoldClause == clause.Id && !p.DefaultDenials.Values.Contains(clause.Id))
        {
            details.Add("While a legal hold concerns you, your records are kept until the hold is released.");
        }

        var defaults = p.DefaultDenials.Where(d => d.Value == clause.Id).Select(d => Verb(d.Key)).ToList();
        if (defaults.Count > 0)
        {
            details.Add($"Whatever this notice does not allow is refused: this applies when we would {Join(defaults, "or")} data or messages not listed here.");
        }

        return new Para(clause.Id.Value, clause.Summary, clause.Text, details);
    }
}
