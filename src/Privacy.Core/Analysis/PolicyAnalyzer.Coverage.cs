using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Privacy.Internal;
using Privacy.Policies;

namespace Privacy.Analysis;

/// <content>The coverage checks: retention, unused purposes, gaps.</content>
public sealed partial class PolicyAnalyzer
{
    /// <content>The coverage checks: retention, unused purposes, gaps.</content>
    private sealed partial class Analysis
    {
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
                        PolicyPaths.At(PolicyPaths.Categories, i),
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
                        PolicyPaths.At(PolicyPaths.Purposes, i),
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
                            PolicyPaths.At(PolicyPaths.Categories, i),
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
                        PolicyPaths.At(PolicyPaths.Messages, i),
                        $"No rule decides 'communicate' of message '{message}': it is never sent, and each request is denied by default citing '{communicate}'.",
                        clause: communicate);
                }
            }
        }
    }
}
