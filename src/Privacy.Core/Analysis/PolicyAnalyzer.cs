using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Privacy.Documents;
using Privacy.Internal;
using Privacy.Policies;

namespace Privacy.Analysis;

/// <summary>
/// The library's static analysis of policies. It looks at every combination of declared ids a
/// request could name (category and purpose for collect and use, category, recipient and reason for
/// disclose, message and channel for communicate), so its findings are exact for the policy's own
/// vocabulary, not guesses.
/// </summary>
/// <remarks>
/// Findings (code, severity): <c>missing-clause</c> (error, documents only), <c>contradictory-rules</c>
/// (error), <c>sensitive-permitted</c> (error), <c>shadowed-rule</c> (warning), <c>ignored-selector</c> (warning), <c>no-retention</c>
/// (warning), <c>unused-purpose</c> (warning), <c>default-deny-gap</c> (info), <c>analysis-too-large</c> (error: the
/// analysis needed more than 20 million steps and stopped). Stateless and thread-safe.
/// </remarks>
public sealed class PolicyAnalyzer : IPolicyAnalyzer
{
    /// <summary>
    /// The most steps one analysis may take (a step is one request combination examined, or one rule
    /// compared with it); a policy that needs more gets an <c>analysis-too-large</c> error finding.
    /// </summary>
    internal const long MaxAnalysisWork = 20_000_000;

    /// <summary>Gets the shared analyzer.</summary>
    /// <value>A stateless instance.</value>
    public static PolicyAnalyzer Default { get; } = new();

    /// <inheritdoc/>
    public ImmutableArray<PolicyFinding> Analyze(PrivacyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Order(new Analysis(policy, i => i).Run());
    }

    /// <summary>
    /// Analyses a policy document. Unlike loading, a rule that cites no clause does not stop the
    /// analysis: it becomes a <c>missing-clause</c> error finding and the rest is analysed without it.
    /// </summary>
    /// <param name="utf8Json">The document, UTF-8 encoded; read to its end and left open.</param>
    /// <returns>The findings, errors first, then in document order.</returns>
    /// <exception cref="PolicyValidationException">The document cannot be loaded for another reason; every problem is listed.</exception>
    public ImmutableArray<PolicyFinding> AnalyzeDocument(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        // Read under the document size limit: a larger input is refused as soon as it passes it.
        var result = PolicyDocument.Read(PolicyDocument.ReadAll(utf8Json), lenientClauses: true);
        if (result.Policy is null)
        {
            throw new PolicyValidationException(result.Problems);
        }

        var skipped = result.RulesWithoutClause.Select(r => r.Index).ToList();
        int DocumentIndex(int ruleIndex)
        {
            var index = ruleIndex;
            foreach (var s in skipped)
            {
                if (s <= index)
                {
                    index++;
                }
            }

            return index;
        }

        var findings = result.RulesWithoutClause
            .Select(r => new PolicyFinding(
                "missing-clause",
                FindingSeverity.Error,
                $"/rules/{r.Index}",
                $"Rule '{r.Id}' cites no clause, so its decisions could not tell anyone why; add \"clause\" naming the clause it enforces.",
                r.Id))
            .Concat(new Analysis(result.Policy, DocumentIndex).Run());
        return Order(findings);
    }

    private static ImmutableArray<PolicyFinding> Order(IEnumerable<PolicyFinding> findings)
        => [.. findings.OrderBy(f => f.Severity).ThenBy(f => f.Path, JsonPointer.Order)];

    /// <summary>One run of the analysis over one policy.</summary>
    private sealed class Analysis
    {
        private static readonly PrivacyAction[] DataActions = [PrivacyAction.Collect, PrivacyAction.Use, PrivacyAction.Disclose];

        private readonly PrivacyPolicy _p;
        private readonly Func<int, int> _ruleIndex;
        private readonly List<PolicyFinding> _findings = [];

        public Analysis(PrivacyPolicy policy, Func<int, int> ruleIndex)
        {
            _p = policy;
            _ruleIndex = ruleIndex;
        }

        /// <summary>Request combinations and rule comparisons examined so far, against <see cref="MaxAnalysisWork"/>.</summary>
        private long _work;

        public List<PolicyFinding> Run()
        {
            try
            {
                var contradicted = Contradictions();
                Shadowed(contradicted);
                SensitivePermitted();
                IgnoredSelectors();
                NoRetention();
                UnusedPurposes();
                Gaps();
            }
            catch (WorkBudgetExceededException)
            {
                _findings.Add(new PolicyFinding(
                    "analysis-too-large",
                    FindingSeverity.Error,
                    string.Empty,
                    $"The analysis stopped after {MaxAnalysisWork} steps (request combinations times rules) without finishing, so this policy cannot be vouched for; split it or make it smaller."));
            }

            return _findings;
        }

        /// <summary>Counts <paramref name="steps"/> units of work, and stops the analysis when the budget is spent.</summary>
        private void Spend(long steps)
        {
            _work += steps;
            if (_work > MaxAnalysisWork)
            {
                throw new WorkBudgetExceededException();
            }
        }

        private string RulePath(int i) => $"/rules/{_ruleIndex(i)}";

        private void Add(string code, FindingSeverity severity, string path, string message, PolicyRule? rule = null, ClauseId? clause = null)
            => _findings.Add(new PolicyFinding(code, severity, path, message, rule?.Id, clause ?? rule?.Clause));

        /// <summary>A request's ids for one action, each possibly absent when the action has no such field.</summary>
        private readonly record struct Cell(DataCategory? Category, string? Purpose, string? Recipient, string? Reason, string? Message, string? Channel);

        private IEnumerable<Cell> Cells(PrivacyAction action, IEnumerable<DataCategory>? only = null)
        {
            foreach (var cell in AllCells(action, only))
            {
                Spend(1);
                yield return cell;
            }
        }

        private IEnumerable<Cell> AllCells(PrivacyAction action, IEnumerable<DataCategory>? only)
        {
            var categories = only ?? _p.Categories;
            switch (action)
            {
                case PrivacyAction.Collect or PrivacyAction.Use:
                    foreach (var c in categories)
                    {
                        foreach (var p in _p.Purposes)
                        {
                            yield return new Cell(c, p.Id.Value, null, null, null, null);
                        }
                    }

                    break;
                case PrivacyAction.Disclose:
                    foreach (var c in categories)
                    {
                        foreach (var r in _p.Recipients)
                        {
                            foreach (var s in _p.Reasons)
                            {
                                yield return new Cell(c, null, r.Id.Value, s.Id.Value, null, null);
                            }
                        }
                    }

                    break;
                case PrivacyAction.Communicate:
                    foreach (var m in _p.Messages)
                    {
                        foreach (var h in _p.Channels)
                        {
                            yield return new Cell(null, null, null, null, m.Id.Value, h.Id.Value);
                        }
                    }

                    break;
                default:
                    foreach (var c in categories)
                    {
                        yield return new Cell(c, null, null, null, null, null);
                    }

                    break;
            }
        }

        private static RuleRequest Request(in Cell cell) => new(cell.Category, cell.Purpose, cell.Recipient, cell.Reason, cell.Message, cell.Channel);

        /// <summary>Whether a rule's selectors match a cell, leaving conditions and exceptions aside, as <see cref="RuleSemantics"/> reads them.</summary>
        private static bool Matches(PolicyRule r, PrivacyAction action, in Cell cell) => RuleSemantics.Matches(r, action, Request(cell));

        private static bool Excepts(PolicyRule prohibition, PrivacyAction action, in Cell cell) => RuleSemantics.Exempts(prohibition, action, Request(cell));

        /// <summary>A prohibition that applies to the cell whenever <paramref name="permit"/> does, if any.</summary>
        private PolicyRule? Overriding(PolicyRule permit, PrivacyAction action, Cell cell)
        {
            Spend(_p.Rules.Length);
            return OverridingRule(permit, action, cell);
        }

        private PolicyRule? OverridingRule(PolicyRule permit, PrivacyAction action, Cell cell)
        {
            foreach (var q in _p.Rules)
            {
                if (q.Effect == RuleEffect.Prohibit
                    && (q.Conditions & ~permit.Conditions) == 0
                    && Matches(q, action, cell)
                    && !Excepts(q, action, cell))
                {
                    return q;
                }
            }

            return null;
        }

        private HashSet<int> Contradictions()
        {
            var result = new HashSet<int>();
            static bool Same<T>(ImmutableArray<T> a, ImmutableArray<T> b) => a.ToHashSet().SetEquals(b);
            for (var i = 0; i < _p.Rules.Length; i++)
            {
                var permit = _p.Rules[i];
                if (permit.Effect != RuleEffect.Permit)
                {
                    continue;
                }

                foreach (var q in _p.Rules.Where(q => q.Effect == RuleEffect.Prohibit))
                {
                    if (q.Conditions == permit.Conditions && q.ExceptPurposes.IsEmpty && q.ExceptReasons.IsEmpty
                        && Same(q.Actions, permit.Actions) && Same(q.Categories, permit.Categories) && Same(q.DataClasses, permit.DataClasses)
                        && Same(q.Purposes, permit.Purposes) && Same(q.Recipients, permit.Recipients) && Same(q.Reasons, permit.Reasons)
                        && Same(q.Messages, permit.Messages) && Same(q.Channels, permit.Channels))
                    {
                        result.Add(i);
                        Add(
                            "contradictory-rules",
                            FindingSeverity.Error,
                            RulePath(i),
                            $"Rule '{permit.Id}' permits exactly what rule '{q.Id}' prohibits, under the same conditions; the prohibition always wins, so '{permit.Id}' (clause '{permit.Clause}') promises something the policy never allows. Remove one or narrow it.",
                            permit);
                        break;
                    }
                }
            }

            return result;
        }

        private void Shadowed(HashSet<int> contradicted)
        {
            for (var i = 0; i < _p.Rules.Length; i++)
            {
                var permit = _p.Rules[i];
                if (permit.Effect != RuleEffect.Permit || contradicted.Contains(i))
                {
                    continue;
                }

                var matched = false;
                var shadowing = new SortedSet<string>(StringComparer.Ordinal);
                var open = false;
                foreach (var action in permit.Actions)
                {
                    foreach (var cell in Cells(action))
                    {
                        if (!Matches(permit, action, cell))
                        {
                            continue;
                        }

                        matched = true;
                        if (Overriding(permit, action, cell) is { } q)
                        {
                            shadowing.Add(q.Id);
                        }
                        else
                        {
                            open = true;
                            break;
                        }
                    }

                    if (open)
                    {
                        break;
                    }
                }

                if (open)
                {
                    continue;
                }

                var message = matched
                    ? $"Rule '{permit.Id}' can never apply: {Names(shadowing)} prohibit{(shadowing.Count == 1 ? "s" : string.Empty)} everything it permits, under every condition it needs, and prohibitions decide first. Narrow the prohibition or remove the rule."
                    : $"Rule '{permit.Id}' can never apply: no category, purpose, recipient, reason, message or channel declared in the vocabulary matches all of its selectors for the actions it names.";
                Add("shadowed-rule", FindingSeverity.Warning, RulePath(i), message, permit);
            }
        }

        private void SensitivePermitted()
        {
            var sensitive = _p.Categories.Where(c => c.Class == DataClass.Sensitive).ToList();
            for (var i = 0; i < _p.Rules.Length; i++)
            {
                var permit = _p.Rules[i];
                if (permit.Effect != RuleEffect.Permit)
                {
                    continue;
                }

                var reached = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var action in permit.Actions.Where(a => a != PrivacyAction.Communicate))
                {
                    foreach (var cell in Cells(action, sensitive))
                    {
                        if (Matches(permit, action, cell) && Overriding(permit, action, cell) is null)
                        {
                            reached.Add(cell.Category!.Id.Value);
                        }
                    }
                }

                if (reached.Count > 0)
                {
                    Add(
                        "sensitive-permitted",
                        FindingSeverity.Error,
                        RulePath(i),
                        $"Rule '{permit.Id}' permits processing of sensitive data ({Names(reached.Take(5))}{(reached.Count > 5 ? ", …" : string.Empty)}) that no prohibition stops; narrow it to other categories, or prohibit sensitive data explicitly if the policy says so.",
                        permit);
                }
            }
        }

        /// <summary>
        /// A rule that names a selector an action it governs does not carry: per <see cref="RuleSemantics"/>,
        /// a permission does not apply to that action (an error: it promises what is never permitted), a
        /// prohibition applies to it with the selector left out (a warning: it denies more than it reads).
        /// A rule naming <c>retain</c>, which rules do not decide, is reported the same way.
        /// </summary>
        private void IgnoredSelectors()
        {
            for (var i = 0; i < _p.Rules.Length; i++)
            {
                var r = _p.Rules[i];
                var permit = r.Effect == RuleEffect.Permit;
                var parts = new List<string>();

                // Exceptions are per field: a prohibition over several actions may except purposes for
                // collect and use and reasons for disclose. Only an exception no action reads is inert.
                var read = r.Actions.Aggregate(RuleFields.None, (fields, a) => fields | RuleSemantics.Reads(a));
                var inertExceptions = RuleSemantics.Names(r) & (RuleFields.ExceptPurposes | RuleFields.ExceptReasons) & ~read;
                if (inertExceptions != RuleFields.None)
                {
                    parts.Add($"none of its actions carries what {RuleSemantics.Describe(inertExceptions, r)} name, so those exceptions exempt nothing");
                }

                foreach (var action in r.Actions)
                {
                    var name = PolicyNames.Name(PolicyNames.Actions, action);
                    if (!RuleSemantics.DecidedByRules(action))
                    {
                        parts.Add($"'{name}' is decided by the retention rules, never by a rule, so the rule does nothing for it");
                        continue;
                    }

                    var unread = RuleSemantics.Unread(r, action) & RuleFields.Selectors;
                    if (unread == RuleFields.None)
                    {
                        continue;
                    }

                    var fields = RuleSemantics.Describe(unread, r);
                    parts.Add(permit
                            ? $"a '{name}' request carries no {fields}, so the permission cannot be checked against it and never permits a '{name}'"
                            : $"a '{name}' request carries no {fields}, so the prohibition denies every '{name}' it otherwise matches, whatever the {fields}");
                }

                if (parts.Count == 0)
                {
                    continue;
                }

                var severity = permit && r.Actions.Any(a => !RuleSemantics.DecidedByRules(a) || (RuleSemantics.Unread(r, a) & RuleFields.Selectors) != RuleFields.None)
                    ? FindingSeverity.Error
                    : FindingSeverity.Warning;
                Add(
                    "ignored-selector",
                    severity,
                    RulePath(i),
                    $"Rule '{r.Id}' does not read as it applies: {string.Join("; ", parts)}. Split the rule per action, or remove the selector or the action.",
                    r);
            }
        }

        private void NoRetention()
        {
            for (var i = 0; i < _p.Categories.Length; i++)
            {
                var category = _p.Categories[i];
                var covered = false;
                for (string? id = category.Id.Value; id is not null && !covered; id = IdSyntax.ParentOf(id))
                {
                    covered = _p.RetentionRules.Any(r => string.Equals(r.Category.Value, id, StringComparison.Ordinal));
                }

                if (!covered)
                {
                    Add(
                        "no-retention",
                        FindingSeverity.Warning,
                        $"/vocabulary/categories/{i}",
                        $"Category '{category.Id}' has no retention rule, neither its own nor inherited from a parent; a retain question about it falls to the default clause '{_p.DefaultDenials.GetValueOrDefault(PrivacyAction.Retain)}'. Add a rule under /retention/rules saying how long it is kept.");
                }
            }
        }

        private void UnusedPurposes()
        {
            var named = _p.Rules.SelectMany(r => r.Purposes.Concat(r.ExceptPurposes)).Select(p => p.Value).ToList();
            for (var i = 0; i < _p.Purposes.Length; i++)
            {
                var purpose = _p.Purposes[i].Id.Value;
                if (!named.Any(n => IdSyntax.IsWithin(purpose, n) || IdSyntax.IsWithin(n, purpose)))
                {
                    Add(
                        "unused-purpose",
                        FindingSeverity.Warning,
                        $"/vocabulary/purposes/{i}",
                        $"No rule names purpose '{purpose}', an ancestor or a descendant of it; it is declared but the policy says nothing specific about it. Use it in a rule or remove it.");
                }
            }
        }

        private void Gaps()
        {
            foreach (var action in DataActions)
            {
                var name = PolicyNames.Name(PolicyNames.Actions, action);
                var clause = _p.DefaultDenials.GetValueOrDefault(action);
                for (var i = 0; i < _p.Categories.Length; i++)
                {
                    var category = _p.Categories[i];
                    var decided = Cells(action, [category]).Any(cell => _p.Rules.Any(r =>
                        Matches(r, action, cell) && (r.Effect == RuleEffect.Permit || (r.Conditions == RuleConditions.None && !Excepts(r, action, cell)))));
                    if (!decided)
                    {
                        Add(
                            "default-deny-gap",
                            FindingSeverity.Info,
                            $"/vocabulary/categories/{i}",
                            $"No rule decides '{name}' of '{category.Id}': every such request is denied by default, citing '{clause}'. Fine if intended; otherwise add a rule.",
                            clause: clause);
                    }
                }
            }

            var communicate = _p.DefaultDenials.GetValueOrDefault(PrivacyAction.Communicate);
            for (var i = 0; i < _p.Messages.Length; i++)
            {
                var message = _p.Messages[i].Id.Value;
                var decided = _p.Channels.Any(h => _p.Rules.Any(r => Matches(r, PrivacyAction.Communicate, new Cell(null, null, null, null, message, h.Id.Value))
                    && (r.Effect == RuleEffect.Permit || r.Conditions == RuleConditions.None)));
                if (!decided)
                {
                    Add(
                        "default-deny-gap",
                        FindingSeverity.Info,
                        $"/vocabulary/messages/{i}",
                        $"No rule decides 'communicate' of message '{message}': it is never sent, and each request is denied by default citing '{communicate}'.",
                        clause: communicate);
                }
            }
        }

        private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
    }

    /// <summary>Thrown inside one analysis when its work budget is spent; never leaves the analyzer.</summary>
    private sealed class WorkBudgetExceededException : Exception
    {
    }
}
