using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
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
public static class PolicyRenderer
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

    private static string Describe(PrivacyPolicy p, PolicyRule rule)
    {
        var actions = rule.Effect == RuleEffect.Permit ? rule.Actions.Where(a => RuleSemantics.AppliesTo(rule, a)).ToList() : [.. rule.Actions];
        var verbs = Join(actions.Select(Verb), rule.Effect == RuleEffect.Permit ? "and" : "or");
        var scope = new StringBuilder();
        var data = rule.Categories.Select(c => Category(p, c)).Concat(rule.DataClasses.Select(c => ClassWords(c) + " data")).ToList();
        if (rule.Actions.Any(a => a != PrivacyAction.Communicate))
        {
            scope.Append(' ').Append(data.Count == 0 ? "any data" : Join(data, "and"));
        }

        if (!rule.Messages.IsEmpty || rule.Actions.Contains(PrivacyAction.Communicate))
        {
            scope.Append(rule.Messages.IsEmpty ? " any message" : " " + Join(rule.Messages.Select(m => Term(p.Messages, m.Value)), "or"));
        }

        if (!rule.Channels.IsEmpty)
        {
            scope.Append(" by ").Append(Join(rule.Channels.Select(c => Term(p.Channels, c.Value)), "or"));
        }

        if (!rule.Purposes.IsEmpty)
        {
            scope.Append(" for ").Append(Join(rule.Purposes.Select(x => Term(p.Purposes, x.Value)), "or"));
        }

        if (!rule.Recipients.IsEmpty)
        {
            scope.Append(" to ").Append(Join(rule.Recipients.Select(x => Term(p.Recipients, x.Value)), "or"));
        }

        if (!rule.Reasons.IsEmpty)
        {
            scope.Append(" (reason: ").Append(Join(rule.Reasons.Select(x => Term(p.Reasons, x.Value)), "or")).Append(')');
        }

        var when = rule.Conditions == RuleConditions.None ? string.Empty : (rule.Effect == RuleEffect.Permit ? " only when " : " once ") + Conditions(rule.Conditions, "and");
        var sentence = rule.Effect == RuleEffect.Permit
            ? $"We may {verbs}{scope}{when}"
            : $"We do not {verbs}{scope}{when}";
        if (rule.Effect == RuleEffect.Prohibit && (!rule.ExceptPurposes.IsEmpty || !rule.ExceptReasons.IsEmpty))
        {
            sentence += $", except {Exceptions(p, rule)}";
        }

        if (!rule.Obligations.IsEmpty)
        {
            sentence += $"; when we do, we {Join(rule.Obligations.Select(o => Lower(Term(p.Obligations, o.Value))), "and")}";
        }

        return sentence + ".";
    }

    private static string Exceptions(PrivacyPolicy p, PolicyRule rule)
    {
        var parts = new List<string>();
        if (!rule.ExceptPurposes.IsEmpty)
        {
            parts.Add("for " + Join(rule.ExceptPurposes.Select(x => Term(p.Purposes, x.Value)), "or"));
        }

        if (!rule.ExceptReasons.IsEmpty)
        {
            parts.Add("disclosure where the reason is: " + Join(rule.ExceptReasons.Select(x => Term(p.Reasons, x.Value)), "or"));
        }

        return Join(parts, "or");
    }

    private static string Conditions(RuleConditions conditions, string conjunction)
    {
        var parts = new List<string>();
        if (conditions.HasFlag(RuleConditions.ErasureRequested))
        {
            parts.Add("you asked for erasure");
        }

        if (conditions.HasFlag(RuleConditions.MarketingOptedOut))
        {
            parts.Add("you opted out of marketing");
        }

        if (conditions.HasFlag(RuleConditions.Consent))
        {
            parts.Add("you consented");
        }

        if (conditions.HasFlag(RuleConditions.LocationFeatureInUse))
        {
            parts.Add("you are using a location-based function");
        }

        if (conditions.HasFlag(RuleConditions.ConfidentialityAgreement))
        {
            parts.Add("the recipient is bound by a confidentiality agreement");
        }

        return Join(parts, conjunction);
    }

    private static string Verb(PrivacyAction action) => action switch
    {
        PrivacyAction.Collect => "collect",
        PrivacyAction.Use => "use",
        PrivacyAction.Disclose => "disclose",
        PrivacyAction.Communicate => "send",
        _ => "keep",
    };

    private static string ClassWords(DataClass c) => c switch
    {
        DataClass.Personal => "personal",
        DataClass.Sensitive => "sensitive",
        DataClass.NonPersonal => "non-personal",
        _ => "device-local",
    };

    private static string Anchor(RetentionAnchor anchor) => anchor switch
    {
        RetentionAnchor.LastActivity => "after your last use of the service",
        RetentionAnchor.AccountClosure => "after your account is closed",
        RetentionAnchor.ErasureRequest => "after you ask for erasure",
        _ => "after collection",
    };

    private static string Category(PrivacyPolicy p, DataCategoryId id)
    {
        var category = p.Categories.FirstOrDefault(c => c.Id == id);
        return Lower(Describe(category?.Description, id.Value));
    }

    private static string Term<TId>(IEnumerable<VocabularyTerm<TId>> terms, string id)
        where TId : struct, IEquatable<TId>
        => Lower(Describe(terms.FirstOrDefault(t => string.Equals(t.Id.ToString(), id, StringComparison.Ordinal))?.Description, id));

    private static string Describe(string? description, string id) => string.IsNullOrWhiteSpace(description) ? id : description.TrimEnd('.');

    private static string Lower(string text)
        => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Join(IEnumerable<string> items, string conjunction)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => string.Empty,
            1 => list[0],
            2 => $"{list[0]} {conjunction} {list[1]}",
            _ when list.Any(i => i.Contains(',', StringComparison.Ordinal)) => $"{string.Join("; ", list.Take(list.Count - 1))}; {conjunction} {list[^1]}",
            _ => $"{string.Join(", ", list.Take(list.Count - 1))} {conjunction} {list[^1]}",
        };
    }

    /// <summary>A retention period in words: "36 months", "30 days", "72 hours", "no time at all".</summary>
    internal static string Words(RetentionPeriod period)
    {
        var parts = new List<string>();
        void Part(long n, string unit)
        {
            if (n != 0)
            {
                parts.Add(n.ToString(CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? string.Empty : "s"));
            }
        }

        if (period.Calendar is { } c)
        {
            Part(c.Years, "year");
            Part(c.Months, "month");
            Part(c.Weeks, "week");
            Part(c.Days, "day");
            Part(c.Hours, "hour");
            Part(c.Minutes, "minute");
            Part(c.Seconds, "second");
        }
        else
        {
            var ticks = period.Exact.BclCompatibleTicks;
            Part(ticks / TimeSpan.TicksPerHour, "hour");
            Part(ticks % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute, "minute");
            Part(ticks % TimeSpan.TicksPerMinute / TimeSpan.TicksPerSecond, "second");
        }

        return parts.Count == 0 ? "no time at all (it is deleted at once)" : Join(parts, "and").Replace("; ", ", ", StringComparison.Ordinal);
    }

    private static string Markdown(Notice n)
    {
        var o = new StringBuilder();
        o.Append("# ").Append(Md(n.Title)).Append("\n\n");
        foreach (var line in n.Intro)
        {
            o.Append(Md(line)).Append("\n\n");
        }

        foreach (var section in n.Sections)
        {
            o.Append("## ").Append(Md(section.Title)).Append("\n\n");
            foreach (var line in section.Lead)
            {
                o.Append(Md(line)).Append("\n\n");
            }

            foreach (var para in section.Paragraphs)
            {
                o.Append("<a id=\"").Append(para.Anchor).Append("\"></a>\n");
                o.Append(Md(para.Text)).Append(" [").Append(para.Anchor).Append("](#").Append(para.Anchor).Append(")\n");
                if (para.Details.Count > 0)
                {
                    o.Append('\n');
                    foreach (var detail in para.Details)
                    {
                        o.Append("- ").Append(Md(detail)).Append('\n');
                    }
                }

                o.Append('\n');
            }
        }

        return o.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// Text with control characters (terminal escapes and the like), bidirectional controls and lone
    /// surrogates replaced by U+FFFD, so that a notice shows what it says, wherever it is displayed.
    /// </summary>
    private static string Visible(string text)
    {
        var o = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var pair = char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair)
            {
                o.Append(ch).Append(text[++i]);
                continue;
            }

            var hidden = (ch < ' ' && ch is not '\n' and not '\t') || ch is (>= '\u007F' and <= '\u009F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029'
                || char.IsSurrogate(ch);
            o.Append(hidden ? '\uFFFD' : ch);
        }

        return o.ToString();
    }

    private static string Md(string text)
    {
        var o = new StringBuilder(text.Length);
        foreach (var ch in Visible(text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace('\n', ' ')))
        {
            if (ch is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                o.Append('\\');
            }

            o.Append(ch);
        }

        return o.ToString();
    }

    private static string Html(Notice n)
    {
        static string E(string text) => WebUtility.HtmlEncode(Visible(text));
        var o = new StringBuilder();
        o.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(n.Title)).Append("</title>\n</head>\n<body>\n");
        o.Append("<h1>").Append(E(n.Title)).Append("</h1>\n");
        foreach (var line in n.Intro)
        {
            o.Append("<p>").Append(E(line)).Append("</p>\n");
        }

        foreach (var section in n.Sections)
        {
            o.Append("<section id=\"").Append(section.Slug).Append("\">\n<h2>").Append(E(section.Title)).Append("</h2>\n");
            foreach (var line in section.Lead)
            {
                o.Append("<p>").Append(E(line)).Append("</p>\n");
            }

            foreach (var para in section.Paragraphs)
            {
                o.Append("<p><a id=\"").Append(E(para.Anchor)).Append("\"></a>").Append(E(para.Text))
                    .Append(" <a class=\"clause\" href=\"#").Append(E(para.Anchor)).Append("\">").Append(E(para.Anchor)).Append("</a></p>\n");
                if (para.Details.Count > 0)
                {
                    o.Append("<ul>\n");
                    foreach (var detail in para.Details)
                    {
                        o.Append("<li>").Append(E(detail)).Append("</li>\n");
                    }

                    o.Append("</ul>\n");
                }
            }

            o.Append("</section>\n");
        }

        o.Append("</body>\n</html>\n");
        return o.ToString();
    }
}
