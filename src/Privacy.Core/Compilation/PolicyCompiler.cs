using System;
using System.Collections.Generic;
using System.Linq;
using Privacy.Internal;
using Privacy.Policies;

namespace Privacy.Compilation;

/// <summary>
/// Turns the rules of one action into an <see cref="ActionTable"/>. Runs once per policy; nothing of it
/// remains on the hot path.
/// </summary>
/// <remarks>
/// What compiling costs is the rule-membership bits of every id (ids × rules / 64 words), the table of
/// equivalence classes (category classes × purpose classes, and so on: one cell each) and the outcome of each
/// distinct set of matching rules. Each is bounded before it is allocated or spent: past
/// <see cref="MaxMembershipWords"/>, <see cref="MaxTableCells"/> or <see cref="MaxWork"/> the policy is refused
/// with a <c>too-large-policy</c> problem naming the action and the numbers, for policies built in code and
/// documents alike.
/// </remarks>
internal sealed class PolicyCompiler
{
    /// <summary>The most 64-bit words of rule-membership bits one action may need (128 MiB).</summary>
    public const long MaxMembershipWords = 16L * 1024 * 1024;

    /// <summary>The most cells (x classes × y classes) one action's table may have (4 MiB of cells): room for 1,000 rules that each name their own categories and purposes.</summary>
    public const long MaxTableCells = 1L << 20;

    /// <summary>The most steps (bits set, words compared, candidate rules weighed) compiling one action may take.</summary>
    public const long MaxWork = 400_000_000;

    private long _work;

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
        var membership = ((long)xCount + (2L * yCount)) * words;
        if (membership > MaxMembershipWords)
        {
            throw TooLarge(action, $"its {rules.Length} rules over {xCount} {XName(action)} and {yCount} {YName(action)} need {membership} words of rule-membership bits; at most {MaxMembershipWords} are allowed");
        }

        _work = 0;
        var xBits = new ulong[xCount * words];
        var yTarget = new ulong[yCount * words];
        var yExempt = new ulong[yCount * words];
        for (var j = 0; j < rules.Length; j++)
        {
            foreach (var x in xCovered(rules[j]))
            {
                Spend(action, 1);
                Set(xBits, x, words, j);
            }

            foreach (var (y, exempt) in CoveredY(action, rules[j], v))
            {
                Spend(action, 1);
                Set(exempt ? yExempt : yTarget, y, words, j);
            }
        }

        var (xClass, xRows) = Classify(xCount, words, words, (x, row) => xBits.AsSpan(x * words, words).CopyTo(row));
        var (yClass, yRows) = Classify(yCount, words, 2 * words, (y, row) =>
        {
            yTarget.AsSpan(y * words, words).CopyTo(row);
            yExempt.AsSpan(y * words, words).CopyTo(row.AsSpan(words));
        });

        var tableCells = (long)xRows.Count * yRows.Count;
        if (tableCells > MaxTableCells)
        {
            throw TooLarge(action, $"its rules split the {XName(action)} into {xRows.Count} classes and the {YName(action)} into {yRows.Count}, a table of {tableCells} cells; at most {MaxTableCells} are allowed");
        }

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
                Spend(action, words);
                for (var w = 0; w < words; w++)
                {
                    matches[w] = xRow[w] & yRow[w];
                    matches[words + w] = matches[w] & yRow[words + w];
                }

                if (!groupOfMatches.TryGetValue(matches, out var g))
                {
                    Spend(action, rules.Length);
                    candidates.Clear();
                    for (var j = 0; j < rules.Length; j++)
                    {
                        if (IsSet(matches, 0, j))
                        {
                            candidates.Add((rules[j], IsSet(matches, words, j)));
                        }
                    }

                    Spend(action, (long)candidates.Count * group.Length);
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
        var all = Enumerable.Range(0, table.Count);
        if (!ids.Any())
        {
            return all;
        }

        // Each id is matched by walking up its ancestors once, so a long list costs no more than a short one.
        var listed = new bool[table.Count];
        foreach (var id in ids)
        {
            if (table.TryGetIndex(id, out var i))
            {
                listed[i] = true;
            }
        }

        return all.Where(j =>
        {
            for (var i = j; i >= 0; i = table.ParentOf(i))
            {
                if (listed[i])
                {
                    return true;
                }
            }

            return false;
        });
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

    private static string XName(PrivacyAction action) => action == PrivacyAction.Communicate ? "message kinds" : "categories";

    private static string YName(PrivacyAction action) => action switch
    {
        PrivacyAction.Communicate => "channels",
        PrivacyAction.Disclose => "recipient-and-reason pairs",
        _ => "purposes",
    };

    private static PolicyValidationException TooLarge(PrivacyAction action, string detail)
        => new([new PolicyProblem(PolicyPaths.Rules, "too-large-policy", $"The policy is too large to compile for '{action.ToString().ToLowerInvariant()}': {detail}. Merge rules that name the same ids, or split the policy.")]);

    private void Spend(PrivacyAction action, long steps)
    {
        _work += steps;
        if (_work > MaxWork)
        {
            throw TooLarge(action, $"compiling it takes more than {MaxWork} steps (ids matched, cells compared and candidate rules weighed)");
        }
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
