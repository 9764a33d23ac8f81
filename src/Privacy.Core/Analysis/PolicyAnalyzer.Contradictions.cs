using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Privacy.Policies;

namespace Privacy.Analysis;

/// <content>The contradiction and shadowed-rule checks.</content>
public sealed partial class PolicyAnalyzer
{
    /// <content>The contradiction and shadowed-rule checks.</content>
    private sealed partial class Analysis
    {
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
    }
}
