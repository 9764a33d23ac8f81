using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using NodaTime;
using Privacy.Compilation;
using Privacy.Policies;

namespace Privacy.Verification;

/// <summary>
/// Checks a compiled policy's invariants exhaustively on its finite domain: every category ×
/// purpose (collect, use), category × recipient × reason (disclose) and message × channel
/// (communicate), each under every combination of conditions, and every category's retention in
/// several situations with every ground.
/// </summary>
/// <remarks>
/// <para>The invariants (<see cref="Invariants"/>): <c>explainable</c> (every decision cites a
/// clause the policy defines; a denial carries no obligation), <c>fail-closed</c> (a permit comes
/// from a permission whose selectors cover the combination and whose conditions hold, and cites
/// its clause), <c>prohibitions-win</c> (a prohibition that applies, and whose exceptions do not
/// pass the combination, denies), <c>deterministic</c> (the hot path on dense ids and the typed API
/// give the same decision), <c>consent-monotone</c> (adding consent never turns a permit into a
/// denial), <c>opt-out-monotone</c> and <c>erasure-monotone</c> (a marketing opt-out or an erasure
/// request never turns a denial into a permit), <c>retention-anchor</c> (no deadline before the
/// data was collected) and <c>grounds-never-shorten</c> (claiming a ground never brings a deadline
/// forward nor turns retain into delete).</para>
/// <para>Rule decisions are asked at one instant, for a subject whose history makes exactly the
/// chosen conditions hold (consent is given to every purpose and recipient, or to none).</para>
/// <para>The verifier reads rules exactly as the policy compiler and the policy analyzer do (which
/// selectors an action carries, how ids lie within one another, when exceptions exempt), so a
/// counterexample is a disagreement between the compiled tables and the policy, never between two
/// readings of it.</para>
/// </remarks>
public static class PolicyVerifier
{
    private static readonly ConditionalWeakTable<CompiledPolicy, RuleMatcher> Matchers = [];

    /// <summary>Gets the codes of the invariants checked, in the order they are checked.</summary>
    /// <value>The invariant codes.</value>
    public static ImmutableArray<string> Invariants { get; } =
        ["explainable", "fail-closed", "prohibitions-win", "deterministic", "consent-monotone", "opt-out-monotone", "erasure-monotone", "retention-anchor", "grounds-never-shorten"];

    /// <summary>Verifies a compiled policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="maxViolations">How many counterexamples to keep; every one is still counted.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxViolations"/> is negative.</exception>
    public static VerificationReport Verify(CompiledPolicy policy, int maxViolations = 100)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegative(maxViolations);
        var run = new Run(policy, maxViolations);
        run.VerifyRules();
        run.VerifyRetention();
        return new VerificationReport(policy.Policy.Id, policy.Policy.Version, run.Cells, run.Count, [.. run.Kept]);
    }

    /// <summary>
    /// Finds the prohibition that must deny a combination: the first rule of the policy that prohibits
    /// the combination's action, whose selectors cover its ids, whose conditions all hold among the
    /// combination's <see cref="DecisionCell.Conditions"/> and whose exceptions do not exempt it.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="cell">The combination; retention is decided by retention rules, so no prohibition applies to it.</param>
    /// <returns>The prohibition, or null when none applies or the combination names a data category the policy does not define.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static PolicyRule? FindProhibition(CompiledPolicy policy, DecisionCell cell)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Action == PrivacyAction.Retain)
        {
            return null;
        }

        var category = -1;
        if (cell.Action != PrivacyAction.Communicate && !policy.Vocabulary.Categories.TryGetIndex(cell.Category, out category))
        {
            return null;
        }

        var matcher = Matchers.GetValue(policy, static p => new RuleMatcher(p));
        var request = matcher.Request(category, -1, -1, -1, -1, -1) with
        {
            Purpose = cell.Purpose,
            Recipient = cell.Recipient,
            Reason = cell.Reason,
            Message = cell.Message,
            Channel = cell.Channel,
        };
        return matcher.Prohibition(cell.Action, request, cell.Conditions);
    }

    private sealed class Run(CompiledPolicy policy, int max)
    {
        private readonly CompiledVocabulary _v = policy.Vocabulary;
        private readonly Domain _domain = new(policy);
        private readonly RuleMatcher _matcher = new(policy);
        private readonly HashSet<ClauseId> _clauses = [.. policy.Policy.Clauses.Select(c => c.Id)];
        private readonly PrivacyDecision[] _decisions = new PrivacyDecision[32];
        private readonly List<(PolicyRule Rule, bool Exempt)> _matched = [];

        public long Cells { get; private set; }

        public long Count { get; private set; }

        public List<PolicyViolation> Kept { get; } = [];

        public void VerifyRules()
        {
            foreach (var action in new[] { PrivacyAction.Collect, PrivacyAction.Use })
            {
                for (var c = 0; c < _v.Categories.Count; c++)
                {
                    for (var p = 0; p < _v.Purposes.Count; p++)
                    {
                        Cell(action, c, p, -1, -1, -1, -1);
                    }
                }
            }

            for (var c = 0; c < _v.Categories.Count; c++)
            {
                for (var r = 0; r < _v.Recipients.Count; r++)
                {
                    for (var s = 0; s < _v.Reasons.Count; s++)
                    {
                        Cell(PrivacyAction.Disclose, c, -1, r, s, -1, -1);
                    }
                }
            }

            for (var m = 0; m < _v.Messages.Count; m++)
            {
                for (var h = 0; h < _v.Channels.Count; h++)
                {
                    Cell(PrivacyAction.Communicate, -1, -1, -1, -1, m, h);
                }
            }
        }

        public void VerifyRetention()
        {
            var groundSets = new List<(string Name, int[] Dense)> { ("none", []) };
            groundSets.AddRange(Enumerable.Range(0, _v.Grounds.Count).Select(g => (_v.Grounds[g], new[] { g })));
            if (_v.Grounds.Count > 1)
            {
                groundSets.Add(("all: " + string.Join(", ", _v.Grounds.ToList()), Enumerable.Range(0, _v.Grounds.Count).ToArray()));
            }

            for (var c = 0; c < _v.Categories.Count; c++)
            {
                var category = new DataCategoryId(_v.Categories[c]);
                foreach (var collected in _domain.CollectedAt)
                {
                    var at = collected + Duration.FromDays(60);
                    foreach (var (situation, make, _) in Domain.Situations())
                    {
                        var subject = make(collected);
                        var state = subject.StateAt(at);
                        var facts = policy.Fold(state);
                        PrivacyDecision? plain = null;
                        foreach (var (name, dense) in groundSets)
                        {
                            Cells++;
                            var cell = new DecisionCell(PrivacyAction.Retain, Category: _v.Categories[c], Situation: $"collected {collected}, {situation}", Grounds: name);
                            var hot = policy.DecideRetain(c, collected, at, facts, dense);
                            var typed = policy.Decide(new RetainRequest(category, collected, at, [.. dense.Select(g => new RetentionGroundId(_v.Grounds[g]))]), state);
                            if (hot != typed)
                            {
                                Report("deterministic", cell, hot, $"the typed API decided {typed}");
                            }

                            Explainable(cell, hot);
                            if (hot.Deadline is { } deadline && deadline < collected)
                            {
                                Report("retention-anchor", cell, hot, $"the deadline {deadline} falls before the data was collected ({collected})");
                            }

                            if (plain is { } without)
                            {
                                if (Later(without.Deadline, hot.Deadline))
                                {
                                    Report("grounds-never-shorten", cell, hot, $"without grounds the deadline is {Show(without.Deadline)}, later than {Show(hot.Deadline)}");
                                }
                                else if (without.Effect == Effect.Retain && hot.Effect != Effect.Retain)
                                {
                                    Report("grounds-never-shorten", cell, hot, $"without grounds the record is kept ({without})");
                                }
                            }
                            else
                            {
                                plain = hot;
                            }
                        }
                    }
                }
            }
        }

        private static bool Later(Instant? a, Instant? b) => (a ?? Instant.MaxValue) > (b ?? Instant.MaxValue);

        private static string Show(Instant? deadline) => deadline?.ToString() ?? "none (kept)";

        private void Cell(PrivacyAction action, int c, int p, int r, int s, int m, int h)
        {
            _matched.Clear();
            var request = _matcher.Request(c, p, r, s, m, h);
            foreach (var rule in _matcher.Considered(action))
            {
                if (RuleMatcher.Matches(rule, action, request, out var exempt))
                {
                    _matched.Add((rule, exempt));
                }
            }

            foreach (var conditions in Domain.ConditionsFor(action))
            {
                Cells++;
                var context = Domain.ContextFor(conditions);
                ref readonly var facts = ref _domain.FactsFor(conditions);
                var decision = action switch
                {
                    PrivacyAction.Collect => policy.DecideCollect(c, p, facts, context),
                    PrivacyAction.Use => policy.DecideUse(c, p, facts, context),
                    PrivacyAction.Disclose => policy.DecideDisclose(c, r, s, facts, context),
                    _ => policy.DecideCommunicate(m, h, facts, context),
                };
                _decisions[(int)conditions] = decision;
                var state = _domain.StateFor(conditions);
                var typed = action switch
                {
                    PrivacyAction.Collect => policy.Decide(new CollectRequest(new(_v.Categories[c]), new(_v.Purposes[p]), Domain.At, context), state),
                    PrivacyAction.Use => policy.Decide(new UseRequest(new(_v.Categories[c]), new(_v.Purposes[p]), Domain.At, context), state),
                    PrivacyAction.Disclose => policy.Decide(new DiscloseRequest(new(_v.Categories[c]), new(_v.Recipients[r]), new(_v.Reasons[s]), Domain.At, context), state),
                    _ => policy.Decide(new CommunicateRequest(new(_v.Messages[m]), new(_v.Channels[h]), Domain.At, context), state),
                };

                if (decision != typed || !Explainable(null, decision) || decision.Effect == Effect.Permit || Applies(RuleEffect.Prohibit, conditions) is not null)
                {
                    var cell = MakeCell(action, c, p, r, s, m, h, conditions);
                    if (decision != typed)
                    {
                        Report("deterministic", cell, decision, $"the typed API decided {typed}");
                    }

                    Explainable(cell, decision);
                    CheckFailClosed(cell, decision, conditions);
                    if (Applies(RuleEffect.Prohibit, conditions) is { } prohibition && decision.Effect != Effect.Deny)
                    {
                        Report("prohibitions-win", cell, decision, $"prohibition '{prohibition.Id}' applies and its exceptions do not pass this combination");
                    }
                }
            }

            foreach (var conditions in Domain.ConditionsFor(action))
            {
                var decision = _decisions[(int)conditions];
                if (action != PrivacyAction.Communicate && (conditions & RuleConditions.Consent) == 0 && decision.Effect == Effect.Permit
                    && _decisions[(int)(conditions | RuleConditions.Consent)].Effect != Effect.Permit)
                {
                    Report("consent-monotone", MakeCell(action, c, p, r, s, m, h, conditions | RuleConditions.Consent), _decisions[(int)(conditions | RuleConditions.Consent)], $"without consent it is permitted ({decision})");
                }

                Monotone(RuleConditions.MarketingOptedOut, "opt-out-monotone", "a marketing opt-out");
                Monotone(RuleConditions.ErasureRequested, "erasure-monotone", "an erasure request");

                void Monotone(RuleConditions added, string invariant, string what)
                {
                    if ((conditions & added) == 0 && decision.Effect == Effect.Deny && _decisions[(int)(conditions | added)].Effect == Effect.Permit)
                    {
                        Report(invariant, MakeCell(action, c, p, r, s, m, h, conditions | added), _decisions[(int)(conditions | added)], $"{what} turned a denial into a permit ({decision})");
                    }
                }
            }
        }

        /// <summary>The first matched rule of an effect whose conditions hold (and, for a prohibition, whose exceptions do not pass the request).</summary>
        private PolicyRule? Applies(RuleEffect effect, RuleConditions conditions)
        {
            foreach (var (rule, exempt) in _matched)
            {
                if (rule.Effect == effect && !(effect == RuleEffect.Prohibit && exempt) && RuleMatcher.Holds(rule, conditions))
                {
                    return rule;
                }
            }

            return null;
        }

        private void CheckFailClosed(DecisionCell cell, PrivacyDecision decision, RuleConditions conditions)
        {
            if (decision.Effect != Effect.Permit)
            {
                return;
            }

            var holding = _matched.Where(m => m.Rule.Effect == RuleEffect.Permit && RuleMatcher.Holds(m.Rule, conditions)).Select(m => m.Rule).ToList();
            if (!holding.Any(rule => decision.Clauses.Contains(rule.Clause)))
            {
                Report("fail-closed", cell, decision, holding.Count == 0
                    ? "no permission covers this combination with its conditions holding"
                    : $"it cites none of the permissions that apply ({string.Join(", ", holding.Select(h => h.Id))})");
                return;
            }

            var allowed = holding.SelectMany(h => h.Obligations).ToHashSet();
            if (decision.Obligations.FirstOrDefault(o => !allowed.Contains(o)) is { IsDefault: false } stray)
            {
                Report("fail-closed", cell, decision, $"obligation '{stray}' comes from no permission that applies");
            }
        }

        private bool Explainable(DecisionCell? cell, PrivacyDecision decision)
        {
            string? problem = null;
            if (decision.Clauses.IsDefaultOrEmpty)
            {
                problem = "it cites no clause";
            }
            else if (decision.Clauses.FirstOrDefault(c => !_clauses.Contains(c)) is { IsDefault: false } unknown)
            {
                problem = $"it cites clause '{unknown}', which the policy does not define";
            }
            else if (decision.Effect == Effect.Deny && !decision.Obligations.IsDefaultOrEmpty)
            {
                problem = "a denial carries obligations";
            }

            if (problem is not null && cell is not null)
            {
                Report("explainable", cell, decision, problem);
            }

            return problem is null;
        }

        private DecisionCell MakeCell(PrivacyAction action, int c, int p, int r, int s, int m, int h, RuleConditions conditions)
            => new(
                action,
                c >= 0 ? _v.Categories[c] : null,
                p >= 0 ? _v.Purposes[p] : null,
                r >= 0 ? _v.Recipients[r] : null,
                s >= 0 ? _v.Reasons[s] : null,
                m >= 0 ? _v.Messages[m] : null,
                h >= 0 ? _v.Channels[h] : null,
                conditions);

        private void Report(string invariant, DecisionCell cell, PrivacyDecision decision, string message)
        {
            Count++;
            if (Kept.Count < max)
            {
                Kept.Add(new PolicyViolation(invariant, cell, decision, message));
            }
        }
    }
}
