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
public sealed partial class PolicyAnalyzer : IPolicyAnalyzer
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
                PolicyPaths.At(PolicyPaths.Rules, r.Index),
                $"Rule '{r.Id}' cites no clause, so its decisions could not tell anyone why; add \"clause\" naming the clause it enforces.",
                r.Id))
            .Concat(new Analysis(result.Policy, DocumentIndex).Run());
        return Order(findings);
    }

    private static ImmutableArray<PolicyFinding> Order(IEnumerable<PolicyFinding> findings)
        => [.. findings.OrderBy(f => f.Severity).ThenBy(f => f.Path, JsonPointer.Order)];

    /// <summary>One run of the analysis over one policy.</summary>
    private sealed partial class Analysis
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

        private string RulePath(int i) => PolicyPaths.At(PolicyPaths.Rules, _ruleIndex(i));

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

        private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
    }

    /// <summary>Thrown inside one analysis when its work budget is spent; never leaves the analyzer.</summary>
    private sealed class WorkBudgetExceededException : Exception
    {
    }
}
