using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Privacy.Compilation;
using Privacy.Policies;
using Privacy.Versioning;

namespace Privacy.Tests.Versioning;

/// <summary>
/// The differ's promise checked against the evaluator: when a rule edit is classed editorial, the
/// new version permits nothing the old one denied, for any request and any subject.
/// </summary>
public class PolicyDifferSemanticProperties
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 1, 12, 0);

    public static class Arbitraries
    {
        public static Arbitrary<Edit> Edits() =>
            (from generated in GeneratedPolicies.Policies(maxTerms: 5, maxRules: 8)
             from kind in Gen.Choose(0, 11)
             from seed in Gen.Choose(0, int.MaxValue - 1)
             select new Edit(generated, kind, seed)).ToArbitrary();
    }

    /// <summary>One random edit of one rule of a generated policy.</summary>
    public sealed record Edit(GeneratedPolicy Generated, int Kind, int Seed)
    {
        public override string ToString() => $"edit {Kind} (seed {Seed}) of {Generated}";

        public PrivacyPolicy? Apply()
        {
            var policy = Generated.Policy;
            if (policy.Rules.IsEmpty)
            {
                return null;
            }

            var random = new Random(Seed);
            var rule = policy.Rules[random.Next(policy.Rules.Length)];
            T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
            var actions = rule.Actions.ToList();
            var categories = rule.Categories.Select(c => c.Value).ToList();
            var classes = rule.DataClasses.ToList();
            var purposes = rule.Purposes.Select(p => p.Value).ToList();
            var exceptPurposes = rule.ExceptPurposes.Select(p => p.Value).ToList();
            var recipients = rule.Recipients.Select(r => r.Value).ToList();
            var messages = rule.Messages.Select(m => m.Value).ToList();
            var obligations = rule.Obligations.Select(o => o.Value).ToList();
            var conditions = rule.Conditions;
            var effect = rule.Effect;
            switch (Kind)
            {
                case 0: conditions &= ~(RuleConditions)(1 << random.Next(5)); break;
                case 1: conditions |= (RuleConditions)(1 << random.Next(5)); break;
                case 2: purposes.Add(Pick(policy.Purposes).Id.Value); break;
                case 3 when purposes.Count > 0: purposes.RemoveAt(random.Next(purposes.Count)); break;
                case 4: categories.Clear(); classes.Clear(); break;
                case 5: categories.Add(Pick(policy.Categories).Id.Value); break;
                case 6 when categories.Count > 0: categories.RemoveAt(random.Next(categories.Count)); break;
                case 7: exceptPurposes.Add(Pick(policy.Purposes).Id.Value); break;
                case 8 when exceptPurposes.Count > 0: exceptPurposes.RemoveAt(random.Next(exceptPurposes.Count)); break;
                case 9: actions.Add(Pick(new[] { PrivacyAction.Collect, PrivacyAction.Use, PrivacyAction.Disclose, PrivacyAction.Communicate })); break;
                case 10 when actions.Count > 1: actions.RemoveAt(random.Next(actions.Count)); break;
                case 11: effect = effect == RuleEffect.Permit ? RuleEffect.Prohibit : RuleEffect.Permit; break;
                default: recipients.Add(Pick(policy.Recipients).Id.Value); messages.Add(Pick(policy.Messages).Id.Value); break;
            }

            var replacement = new RuleBuilder(rule.Id, effect)
                .On([.. actions.Distinct()])
                .Categories([.. categories.Distinct()])
                .Classes([.. classes])
                .Purposes([.. purposes.Distinct()])
                .Recipients([.. recipients.Distinct()])
                .Reasons([.. rule.Reasons.Select(r => r.Value)])
                .Messages([.. messages.Distinct()])
                .Channels([.. rule.Channels.Select(c => c.Value)])
                .When(conditions)
                .Cites(rule.Clause.Value);
            if (effect == RuleEffect.Prohibit)
            {
                replacement.ExceptPurposes([.. exceptPurposes.Distinct()]).ExceptReasons([.. rule.ExceptReasons.Select(r => r.Value)]);
                if (rule.ExemptionClause is { } exemption)
                {
                    replacement.ExemptionCites(exemption.Value);
                }
            }
            else
            {
                replacement.Requires([.. obligations]);
            }

            var builder = policy.ToBuilder();
            builder.Rules[builder.Rules.FindIndex(r => r.Id == rule.Id)] = replacement.Build();
            try
            {
                return builder.Build();
            }
            catch (PolicyValidationException)
            {
                return null;
            }
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public void EditorialRuleEdit_PermitsNothingNew(Edit edit)
    {
        var newer = edit.Apply();
        if (newer is null)
        {
            return;
        }

        var older = edit.Generated.Policy;
        var diff = PolicyDiffer.Instance.Diff(older, newer);
        if (diff.IsSignificant)
        {
            return;
        }

        var a = CompiledPolicy.Compile(older);
        var b = CompiledPolicy.Compile(newer);
        foreach (var (request, state) in Requests(older))
        {
            var before = request(a, state);
            var after = request(b, state);
            Assert.False(after.IsAllowed && !before.IsAllowed, $"newly permitted: {after} (was {before}) after {string.Join("; ", diff.Changes)}");
        }
    }

    private static IEnumerable<(Func<CompiledPolicy, SubjectState, PrivacyDecision> Request, SubjectState State)> Requests(PrivacyPolicy policy)
    {
        var consents = policy.Purposes.Select(p => PrivacyEvent.ConsentGranted(p.Id, At.Minus(Duration.FromDays(1))))
            .Concat(policy.Recipients.Select(r => PrivacyEvent.ConsentGranted(r.Id, At.Minus(Duration.FromDays(1)))))
            .ToList();
        var erased = PrivacyEvent.ErasureRequested(At.Minus(Duration.FromDays(2)));
        var optOut = PrivacyEvent.MarketingOptOut(At.Minus(Duration.FromDays(3)));
        PrivacyEvent[][] histories = [[], [erased], [optOut], [.. consents], [erased, optOut, .. consents], [optOut, .. consents]];
        RequestContext[] contexts = [default, new(true, false), new(false, true), new(true, true)];
        foreach (var history in histories)
        {
            var state = SubjectState.Fold(history, At);
            foreach (var context in contexts)
            {
                foreach (var c in policy.Categories)
                {
                    foreach (var p in policy.Purposes)
                    {
                        yield return ((e, s) => e.Decide(new UseRequest(c.Id, p.Id, At, context), s), state);
                        yield return ((e, s) => e.Decide(new CollectRequest(c.Id, p.Id, At, context), s), state);
                    }

                    foreach (var r in policy.Recipients)
                    {
                        foreach (var reason in policy.Reasons)
                        {
                            yield return ((e, s) => e.Decide(new DiscloseRequest(c.Id, r.Id, reason.Id, At, context), s), state);
                        }
                    }
                }

                foreach (var m in policy.Messages)
                {
                    foreach (var h in policy.Channels)
                    {
                        yield return ((e, s) => e.Decide(new CommunicateRequest(m.Id, h.Id, At, context), s), state);
                    }
                }
            }
        }
    }
}
