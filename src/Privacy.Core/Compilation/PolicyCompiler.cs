using System;
using System.Collections.Generic;
using System.Linq;
using Privacy.Policies;

namespace Privacy.Compilation;

/// <summary>
/// Turns the rules of one action into an <see cref="ActionTable"/>. Runs once per policy; its cost
/// is linear in the vocabulary times the number of rules, and nothing of it remains on the hot path.
/// </summary>
internal sealed class PolicyCompiler
{
    private readonly Dictionary<string, int> _decisionIndex = new(StringComparer.Ordinal);
    private readonly List<PrivacyDecision> _decisions = [];

    public ActionTable Build(PrivacyAction action, PrivacyPolicy policy, CompiledVocabulary v)
    {
        var rules = policy.Rules
            .Select((rule, declared) => (rule, declared))
            .Where(x => RuleSemantics.AppliesTo(x.rule, action))
            .OrderByDescending(x => x.rule.Specificity).ThenBy(x => x.declared)
            .Select(x => x.rule)
            .ToArray();
        var defaultClause = policy.DefaultDenials[action];

        var xCount = action == PrivacyAction.Communicate ? v.Messages.Count : v.Categories.Count;
        Func<PolicyRule, IEnumerable<int>> xCovered = action == PrivacyAction.Communicate
            ? r => Listed(r.Messages.Select(m => m.Value), v.Messages)
            : r => CoveredCategories(r, v);

        var yCount = action switch
        {
            PrivacyAction.Communicate => v.Channels.Count,
            PrivacyAction.Disclose => v.Recipients.Count * v.Reasons.Count,
            _ => v.Purposes.Count,
        };

        var words = Math.Max(1, (rules.Length + 63) / 64);
        var xBits = new ulong[xCount * words];
        var yTarget = new ulong[yCount * words];
        var yExempt = new ulong[yCount * words];
        for (var j = 0; j < rules.Length; j++)
        {
            foreach (var x in xCovered(rules[j]))
            {
                Set(xBits, x, words, j);
            }

            foreach (var (y, exempt) in CoveredY(action, rules[j], v))
            {
                Set(exempt ? yExempt : yTarget, y, words, j);
            }
        }

        var (xClass, xRows) = Classify(xCount, words, words, (x, row) => xBits.AsSpan(x * words, words).CopyTo(row));
        var (yClass, yRows) = Classify(yCount, words, 2 * words, (y, row) =>
        {
            yTarget.AsSpan(y * words, words).CopyTo(row);
            yExempt.AsSpan(y * words, words).CopyTo(row.AsSpan(words));
        });

        // Cells whose x and y classes select the same rules (with the same exemptions) share an outcome
        // group, so each distinct set of matching rules is resolved once, however many cells it covers.
        var groupOfMatches = new Dictionary<ulong[], int>(BitRowComparer.Instance);
        var groupIndex = new Dictionary<int[], int>(BitRowComparer.Instance);
        var outcomes = new List<PrivacyDecision>();
        var cells = new int[xRows.Count * yRows.Count];
        var group = new int[1 << ActionTable.ConditionBits];
        var matches = new ulong[2 * words];
        var candidates = new List<(PolicyRule Rule, bool Exempt)>();
        for (var xc = 0; xc < xRows.Count; xc++)
        {
            var xRow = xRows[xc];
            for (var yc = 0; yc < yRows.Count; yc++)
            {
                var yRow = yRows[yc];
                for (var w = 0; w < words; w++)
                {
                    matches[w] = xRow[w] & yRow[w];
                    matches[words + w] = matches[w] & yRow[words + w];
                }

                if (!groupOfMatches.TryGetValue(matches, out var g))
                {
                    candidates.Clear();
                    for (var j = 0; j < rules.Length; j++)
                    {
                        if (IsSet(matches, 0, j))
                        {
                            candidates.Add((rules[j], IsSet(matches, words, j)));
                        }
                    }

                    for (var bits = 0; bits < group.Length; bits++)
                    {
                        group[bits] = Intern(Outcome(candidates, (RuleConditions)bits, defaultClause));
                    }

                    if (!groupIndex.TryGetValue(group, out g))
                    {
                        g = groupIndex.Count;
                        groupIndex.Add((int[])group.Clone(), g);
                        foreach (var d in group)
                        {
                            outcomes.Add(_decisions[d]);
                        }
                    }

                    groupOfMatches.Add((ulong[])matches.Clone(), g);
                }

                cells[(xc * yRows.Count) + yc] = g;
            }
        }

        var usesConsent = rules.Any(r => (r.Conditions & RuleConditions.Consent) != 0);
        return new ActionTable(xClass, yClass, yRows.Count, cells, [.. outcomes], usesConsent);
    }

    /// <summary>The decision for the rules that match a request, given which conditions hold.</summary>
    internal static PrivacyDecision Outcome(IReadOnlyList<(PolicyRule Rule, bool Exempt)> candidates, RuleConditions holds, ClauseId defaultClause)
    {
        static bool Holds(PolicyRule rule, RuleConditions holds) => (rule.Conditions & ~holds) == 0;

        var prohibitions = candidates.Where(c => c.Rule.Effect == RuleEffect.Prohibit && Holds(c.Rule, holds) && !c.Exempt).ToList();
        if (prohibitions.Count > 0)
        {
            return new PrivacyDecision(Effect.Deny, [.. prohibitions.Select(c => c.Rule.Clause).Distinct()]);
        }

        var permissions = candidates.Where(c => c.Rule.Effect == RuleEffect.Permit && Holds(c.Rule, holds)).ToList();
        if (permissions.Count > 0)
        {
            var exemptions = candidates
                .Where(c => c.Rule.Effect == RuleEffect.Prohibit && c.Exempt && Holds(c.Rule, holds) && c.Rule.ExemptionClause.HasValue)
                .Select(c => c.Rule.ExemptionClause!.Value);
            return new PrivacyDecision(
                Effect.Permit,
                [.. permissions.Select(c => c.Rule.Clause).Concat(exemptions).Distinct()],
                [.. permissions.SelectMany(c => c.Rule.Obligations).Distinct()]);
        }

        var nearMisses = candidates.Where(c => c.Rule.Effect == RuleEffect.Permit).Select(c => c.Rule.Clause);
        return new PrivacyDecision(Effect.Deny, [.. nearMisses.Append(defaultClause).Distinct()]);
    }

    private static IEnumerable<int> CoveredCategories(PolicyRule rule, CompiledVocabulary v)
    {
        if (rule.Categories.IsEmpty && rule.DataClasses.IsEmpty)
        {
            return Enumerable.Range(0, v.Categories.Count);
        }

        var covered = new HashSet<int>();
        foreach (var category in rule.Categories)
        {
            if (v.Categories.TryGetIndex(category.Value, out var c))
            {
                covered.UnionWith(v.CategorySubtree(c));
            }
        }

        for (var c = 0; c < v.Categories.Count; c++)
        {
            if (rule.DataClasses.Contains(v.ClassOf(c)))
            {
                covered.Add(c);
            }
        }

        return covered;
    }

    private static IEnumerable<(int Y, bool Exempt)> CoveredY(PrivacyAction action, PolicyRule rule, CompiledVocabulary v)
    {
        switch (action)
        {
            case PrivacyAction.Communicate:
                return Listed(rule.Channels.Select(c => c.Value), v.Channels).Select(y => (y, false));
            case PrivacyAction.Disclose:
                var recipients = Listed(rule.Recipients.Select(r => r.Value), v.Recipients).ToArray();
                var reasons = Listed(rule.Reasons.Select(r => r.Value), v.Reasons).ToArray();
                var exemptReasons = rule.ExceptReasons.IsEmpty ? [] : Listed(rule.ExceptReasons.Select(r => r.Value), v.Reasons).ToArray();
                var all = Enumerable.Range(0, v.Recipients.Count);
                return recipients.SelectMany(r => reasons.Select(s => ((r * v.Reasons.Count) + s, false)))
                    .Concat(all.SelectMany(r => exemptReasons.Select(s => ((r * v.Reasons.Count) + s, true))));
            default:
                var target = rule.Purposes.IsEmpty
                    ? Enumerable.Range(0, v.Purposes.Count)
                    : rule.Purposes.SelectMany(p => v.Purposes.TryGetIndex(p.Value, out var i) ? v.PurposeSubtree(i) : []);
                var exempt = rule.ExceptPurposes.SelectMany(p => v.Purposes.TryGetIndex(p.Value, out var i) ? v.PurposeSubtree(i) : []);
                return target.Select(y => (y, false)).Concat(exempt.Select(y => (y, true)));
        }
    }

    /// <summary>The dense ids a selector matches: every id when it lists none, else each listed id and every id below it (see <see cref="RuleSemantics"/>).</summary>
    private static IEnumerable<int> Listed(IEnumerable<string> ids, IdTable table)
    {
        var listed = ids.Select(id => table.TryGetIndex(id, out var i) ? i : -1).Where(i => i >= 0).ToList();
        var all = Enumerable.Range(0, table.Count);
        return !ids.Any() ? all : all.Where(j => listed.Any(i => table.IsWithin(j, i)));
    }

    private static (int[] ClassOf, List<ulong[]> Rows) Classify(int count, int words, int width, Action<int, ulong[]> row)
    {
        var classOf = new int[count];
        var index = new Dictionary<ulong[], int>(BitRowComparer.Instance);
        var rows = new List<ulong[]>();
        var bits = new ulong[width];
        for (var i = 0; i < count; i++)
        {
            row(i, bits);
            if (!index.TryGetValue(bits, out var c))
            {
                c = rows.Count;
                var copy = (ulong[])bits.Clone();
                index.Add(copy, c);
                rows.Add(copy);
            }

            classOf[i] = c;
        }

        if (rows.Count == 0)
        {
            rows.Add(new ulong[2 * words]);
        }

        return (classOf, rows);
    }

    private static void Set(ulong[] bits, int row, int words, int j) => bits[(row * words) + (j >> 6)] |= 1UL << (j & 63);

    private static bool IsSet(ulong[] row, int offset, int j) => (row[offset + (j >> 6)] & (1UL << (j & 63))) != 0;

    private int Intern(PrivacyDecision decision)
    {
        var key = $"{decision.Effect}|{string.Join(',', decision.Clauses)}|{string.Join(',', decision.Obligations)}";
        if (!_decisionIndex.TryGetValue(key, out var index))
        {
            index = _decisions.Count;
            _decisionIndex.Add(key, index);
            _decisions.Add(decision);
        }

        return index;
    }
}
