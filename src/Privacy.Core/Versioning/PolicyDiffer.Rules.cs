using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Privacy.Internal;
using Privacy.Policies;

namespace Privacy.Versioning;

/// <content>Compares the rules, one by one.</content>
public sealed partial class PolicyDiffer
{
    /// <content>Compares the rules, one by one.</content>
    private sealed partial class Run
    {
        private void CompareRules()
        {
            var old = Older.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
            var @new = Newer.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
            foreach (var r in Older.Rules.Where(r => !@new.ContainsKey(r.Id)))
            {
                var path = PolicyPaths.ById(PolicyPaths.Rules, r.Id);
                if (r.Effect == RuleEffect.Prohibit)
                {
                    Add("rule-removed", path, Describe(r), null, true, CitesRight(r)
                        ? "a prohibition that protects a right is lifted, so the right is weaker"
                        : "a prohibition is lifted, so more is permitted");
                }
                else
                {
                    var right = CitesRight(r);
                    Add("rule-removed", path, Describe(r), null, right, right
                        ? "a permission a rights clause guarantees is removed, so the right is weaker"
                        : "a permission is removed; the policy permits less");
                }
            }

            foreach (var r in Newer.Rules)
            {
                var path = PolicyPaths.ById(PolicyPaths.Rules, r.Id);
                if (!old.TryGetValue(r.Id, out var before))
                {
                    var permit = r.Effect == RuleEffect.Permit;
                    Add("rule-added", path, null, Describe(r), permit, permit
                        ? "a new permission"
                        : "a new prohibition; the policy permits less");
                    continue;
                }

                CompareRule(path, before, r);
            }
        }

        private void CompareRule(string path, PolicyRule old, PolicyRule @new)
        {
            if (old.Effect != @new.Effect)
            {
                var nowPermits = @new.Effect == RuleEffect.Permit;
                Add("rule-effect-changed", PolicyPaths.Field(path, "effect"), Describe(old), Describe(@new), nowPermits || CitesRight(old), nowPermits
                    ? "a prohibition becomes a permission"
                    : CitesRight(old) ? "a permission a rights clause guarantees becomes a prohibition" : "a permission becomes a prohibition; the policy permits less");
                return;
            }

            var rightsGuarantee = @new.Effect == RuleEffect.Permit && (CitesRight(old) || CitesRight(@new));
            void Scope(string kind, string field, string before, string after, bool reachesMore, bool reachesLess)
            {
                if (!reachesMore && !reachesLess && before == after)
                {
                    return;
                }

                bool significant;
                string reason;
                if (@new.Effect == RuleEffect.Permit)
                {
                    significant = reachesMore || (reachesLess && rightsGuarantee);
                    reason = reachesMore ? "the permission reaches more than before"
                        : reachesLess && rightsGuarantee ? "a permission a rights clause guarantees reaches less, so the right is weaker"
                        : reachesLess ? "the permission reaches less; the policy permits less"
                        : "the selector is rewritten and reaches the same requests";
                }
                else
                {
                    significant = reachesLess;
                    reason = reachesLess
                        ? CitesRight(@new) || CitesRight(old) ? "a prohibition that protects a right reaches less, so the right is weaker" : "the prohibition reaches less, so more is permitted"
                        : reachesMore ? "the prohibition reaches more; the policy permits less"
                        : "the selector is rewritten and reaches the same requests";
                }

                Add(kind, $"{path}/{field}", before, after, significant, reason);
            }

            // Actions.
            Scope("rule-actions-changed", "actions", List(old.Actions.Select(a => a.ToString().ToLowerInvariant())), List(@new.Actions.Select(a => a.ToString().ToLowerInvariant())),
                @new.Actions.Except(old.Actions).Any(), old.Actions.Except(@new.Actions).Any());

            // Data: categories and classes together.
            var dataBefore = List(old.Categories.Select(c => c.Value).Concat(old.DataClasses.Select(c => ClassName(c) + " data")), "any data");
            var dataAfter = List(@new.Categories.Select(c => c.Value).Concat(@new.DataClasses.Select(c => ClassName(c) + " data")), "any data");
            bool Covers(PolicyRule r, string c) => r.CoversCategory(new DataCategoryId(c), _classes[c]);
            var oldAll = old.Categories.IsEmpty && old.DataClasses.IsEmpty;
            var newAll = @new.Categories.IsEmpty && @new.DataClasses.IsEmpty;
            Scope("rule-data-changed", "categories", dataBefore, dataAfter,
                (newAll && !oldAll) || _classes.Keys.Any(c => Covers(@new, c) && !Covers(old, c)),
                (oldAll && !newAll) || _classes.Keys.Any(c => Covers(old, c) && !Covers(@new, c)));

            var purposes = Older.Purposes.Select(p => p.Id).Concat(Newer.Purposes.Select(p => p.Id)).Distinct().ToList();
            bool CoversPurpose(ImmutableArray<PurposeId> selector, PurposeId p) => selector.IsEmpty || selector.Any(s => p.IsWithin(s));
            Selector("rule-purposes-changed", "purposes", old.Purposes, @new.Purposes, purposes, CoversPurpose);
            Flat("rule-recipients-changed", "recipients", old.Recipients, @new.Recipients, Older.Recipients.Select(t => t.Id).Concat(Newer.Recipients.Select(t => t.Id)));
            Flat("rule-reasons-changed", "reasons", old.Reasons, @new.Reasons, Older.Reasons.Select(t => t.Id).Concat(Newer.Reasons.Select(t => t.Id)));
            Flat("rule-messages-changed", "messages", old.Messages, @new.Messages, Older.Messages.Select(t => t.Id).Concat(Newer.Messages.Select(t => t.Id)));
            Flat("rule-channels-changed", "channels", old.Channels, @new.Channels, Older.Channels.Select(t => t.Id).Concat(Newer.Channels.Select(t => t.Id)));

            // Conditions: a rule applies only when all its conditions hold, so fewer conditions reach more.
            Scope("rule-conditions-changed", "conditions", old.Conditions.ToString(), @new.Conditions.ToString(),
                (old.Conditions & ~@new.Conditions) != 0, (@new.Conditions & ~old.Conditions) != 0);

            // Exceptions: more exceptions reach less.
            bool Excepts(ImmutableArray<PurposeId> selector, PurposeId p) => selector.Any(s => p.IsWithin(s));
            Scope("rule-exceptions-changed", "exceptPurposes", List(old.ExceptPurposes, "none"), List(@new.ExceptPurposes, "none"),
                purposes.Any(p => Excepts(old.ExceptPurposes, p) && !Excepts(@new.ExceptPurposes, p)),
                purposes.Any(p => Excepts(@new.ExceptPurposes, p) && !Excepts(old.ExceptPurposes, p)));
            Scope("rule-exceptions-changed", "exceptReasons", List(old.ExceptReasons, "none"), List(@new.ExceptReasons, "none"),
                old.ExceptReasons.Except(@new.ExceptReasons).Any(), @new.ExceptReasons.Except(old.ExceptReasons).Any());

            // Obligations: a permission that asks less of the controller is weaker protection.
            var dropped = old.Obligations.Except(@new.Obligations).Any();
            if (!old.Obligations.SequenceEqual(@new.Obligations))
            {
                var significant = dropped && @new.Effect == RuleEffect.Permit;
                Add("rule-obligations-changed", PolicyPaths.Field(path, "obligations"), List(old.Obligations, "none"), List(@new.Obligations, "none"), significant, significant
                    ? "a permission asks less of the controller"
                    : "the rule asks more of the controller, or only the order changed");
            }

            Scalar("rule-clause-changed", PolicyPaths.Field(path, "clause"), old.Clause.Value, @new.Clause.Value, "only the clause the decision cites changes");
            Scalar("rule-clause-changed", PolicyPaths.Field(path, "exemptionClause"), old.ExemptionClause?.Value, @new.ExemptionClause?.Value, "only the clause the decision cites changes");

            void Selector<T>(string kind, string field, ImmutableArray<T> before, ImmutableArray<T> after, List<T> universe, Func<ImmutableArray<T>, T, bool> covers)
            {
                if (before.SequenceEqual(after))
                {
                    return;
                }

                Scope(kind, field, List(before), List(after),
                    (after.IsEmpty && !before.IsEmpty) || universe.Any(x => covers(after, x) && !covers(before, x)),
                    (before.IsEmpty && !after.IsEmpty) || universe.Any(x => covers(before, x) && !covers(after, x)));
            }

            void Flat<T>(string kind, string field, ImmutableArray<T> before, ImmutableArray<T> after, IEnumerable<T> universe)
                where T : struct, IEquatable<T>
                => Selector(kind, field, before, after, universe.Distinct().ToList(), (selector, x) => selector.IsEmpty || selector.Contains(x));
        }
    }
}
