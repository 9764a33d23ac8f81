using System;
using System.Collections.Generic;
using System.Linq;
using Privacy.Policies;

namespace Privacy.Analysis;

/// <content>The sensitive-data and ignored-selector checks.</content>
public sealed partial class PolicyAnalyzer
{
    /// <content>The sensitive-data and ignored-selector checks.</content>
    private sealed partial class Analysis
    {
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
    }
}
