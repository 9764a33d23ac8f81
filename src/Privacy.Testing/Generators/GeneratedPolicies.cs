using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.Testing.Generators;

/// <summary>
/// Random policies for property tests: random hierarchical vocabularies whose ids collide by
/// prefix (<c>p1</c>, <c>p10</c>, <c>p1.p11</c>), clauses, permit and prohibit rules with conditions
/// and exceptions, obligations, retention rules and grounds. Every generated policy builds;
/// <see cref="GeneratedPolicy.ToString"/> prints it for a counterexample, and a failing policy
/// shrinks by dropping rules.
/// </summary>
public static class GeneratedPolicies
{
    private static readonly DataClass[] Classes = Enum.GetValues<DataClass>();
    private static readonly PrivacyAction[] Actions = Enum.GetValues<PrivacyAction>();
    private static readonly RetentionAnchor[] Anchors = Enum.GetValues<RetentionAnchor>();

    /// <summary>Names that prefix one another, so that an id is never mistaken for a longer one that starts with it.</summary>
    private static readonly string[] Suffixes = ["1", "10", "11", "110", "2", "20", "21", "12", "3", "30", "31", "13", "4", "40", "41", "14"];

    /// <summary>Policies with up to <paramref name="maxTerms"/> ids of each kind and <paramref name="maxRules"/> rules, shrinking by dropping rules.</summary>
    /// <param name="maxTerms">The most ids of each kind, 1 to 16.</param>
    /// <param name="maxRules">The most rules.</param>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<GeneratedPolicy> Arbitrary(int maxTerms = 8, int maxRules = 14) => Shrink.Arbitrary(Policies(maxTerms, maxRules), ShrinkPolicy);

    /// <summary>Drops one rule at a time (the policy still builds: default denials and retention stay).</summary>
    /// <param name="generated">The policy.</param>
    /// <returns>Policies with one rule fewer.</returns>
    public static IEnumerable<GeneratedPolicy> ShrinkPolicy(GeneratedPolicy generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        foreach (var rule in generated.Policy.Rules)
        {
            yield return generated with { Policy = generated.Policy.ToBuilder().RemoveRule(rule.Id).Build() };
        }
    }

    /// <summary>Policies with up to <paramref name="maxTerms"/> ids of each kind and <paramref name="maxRules"/> rules (no shrinking; see <see cref="Arbitrary"/>).</summary>
    /// <param name="maxTerms">The most ids of each kind, 1 to 16.</param>
    /// <param name="maxRules">The most rules.</param>
    /// <returns>The generator.</returns>
    public static Gen<GeneratedPolicy> Policies(int maxTerms = 8, int maxRules = 14) =>
        from categories in Hierarchy("c", maxTerms)
        from categoryClasses in Gen.ArrayOf(Gen.Elements(Classes), categories.Length)
        from purposes in Hierarchy("p", maxTerms)
        from recipients in Hierarchy("r", maxTerms)
        from reasons in Hierarchy("s", maxTerms)
        from messages in Hierarchy("m", maxTerms)
        from channels in Hierarchy("h", maxTerms)
        from obligations in Flat("o", 4)
        from grounds in Flat("g", 4)
        from clauseCount in Gen.Choose(1, 10)
        from ruleCount in Gen.Choose(0, maxRules)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select Build(categories, categoryClasses, purposes, recipients, reasons, messages, channels, obligations, grounds, clauseCount, ruleCount, seed);

    /// <summary>Ids like <c>c1</c>, <c>c1.c10</c>: a forest where each id after the first may hang below an earlier one.</summary>
    private static Gen<string[]> Hierarchy(string prefix, int max) =>
        Gen.Choose(1, Math.Clamp(max, 1, Suffixes.Length)).SelectMany(n => Gen.ArrayOf(Gen.Choose(-1, n - 1), n).Select(parents =>
        {
            var ids = new string[n];
            for (var i = 0; i < n; i++)
            {
                var parent = parents[i];
                ids[i] = parent >= 0 && parent < i ? $"{ids[parent]}.{prefix}{Suffixes[i]}" : $"{prefix}{Suffixes[i]}";
            }

            return ids;
        }));

    private static Gen<string[]> Flat(string prefix, int max) =>
        Gen.Choose(1, Math.Clamp(max, 1, Suffixes.Length)).Select(n => Enumerable.Range(0, n).Select(i => $"{prefix}{Suffixes[i]}").ToArray());

    private static GeneratedPolicy Build(
        string[] categories, DataClass[] categoryClasses, string[] purposes, string[] recipients, string[] reasons, string[] messages,
        string[] channels, string[] obligations, string[] grounds, int clauseCount, int ruleCount, int seed)
    {
        var random = new Random(seed);
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        string[] Some(string[] items, int max) => random.Next(3) == 0 ? [] : [.. Enumerable.Range(0, random.Next(1, max + 1)).Select(_ => Pick(items)).Distinct()];

        var builder = new PolicyBuilder("generated", "1").WithTimeZone(Pick(new[] { "UTC", "Europe/Oslo", "America/New_York" }));
        var classOf = new Dictionary<string, DataClass>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Length; i++)
        {
            // A category keeps its parent's class.
            var dot = categories[i].LastIndexOf('.');
            var parent = dot < 0 ? null : categories[i][..dot];
            classOf[categories[i]] = parent is null ? categoryClasses[i] : classOf[parent];
            builder.AddCategory(categories[i], classOf[categories[i]], $"category {i}");
        }

        foreach (var p in purposes)
        {
            builder.AddPurpose(p, p);
        }

        foreach (var r in recipients)
        {
            builder.AddRecipient(r, r);
        }

        foreach (var s in reasons)
        {
            builder.AddReason(s, s);
        }

        foreach (var m in messages)
        {
            builder.AddMessageKind(m, m);
        }

        foreach (var h in channels)
        {
            builder.AddChannel(h, h);
        }

        foreach (var o in obligations)
        {
            builder.AddObligation(o, o);
        }

        var clauses = Enumerable.Range(0, clauseCount).Select(i => $"k{i}").ToArray();
        foreach (var k in clauses)
        {
            builder.AddClause(k, $"Clause {k}.");
        }

        for (var i = 0; i < ruleCount; i++)
        {
            var prohibit = random.Next(3) == 0;
            var actions = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(Actions)).Where(a => a != PrivacyAction.Retain).Distinct().ToArray();
            if (actions.Length == 0)
            {
                actions = [PrivacyAction.Use];
            }

            void Configure(RuleBuilder r)
            {
                r.On(actions).Cites(Pick(clauses));
                var subjectOfData = actions.Any(a => a != PrivacyAction.Communicate);
                if (subjectOfData && random.Next(2) == 0)
                {
                    if (random.Next(3) == 0)
                    {
                        r.Classes(Pick(Classes));
                    }
                    else
                    {
                        r.Categories(Some(categories, 2));
                    }
                }

                if (actions.Any(a => a is PrivacyAction.Collect or PrivacyAction.Use))
                {
                    r.Purposes(Some(purposes, 2));
                }

                if (actions.Contains(PrivacyAction.Disclose))
                {
                    r.Recipients(Some(recipients, 2)).Reasons(Some(reasons, 2));
                }

                if (actions.Contains(PrivacyAction.Communicate))
                {
                    r.Messages(Some(messages, 2)).Channels(Some(channels, 2));
                }

                // Now and then a selector none of, or only some of, the rule's actions carries: the rule
                // semantics must neither widen a permission nor drop a prohibition because of it.
                if (random.Next(8) == 0)
                {
                    _ = random.Next(4) switch
                    {
                        0 => r.Purposes(Some(purposes, 1)),
                        1 => r.Recipients(Some(recipients, 1)),
                        2 => r.Messages(Some(messages, 1)),
                        _ => r.Categories(Some(categories, 1)),
                    };
                }

                r.When((RuleConditions)(random.Next(32) & random.Next(32)));
                if (prohibit && random.Next(3) == 0)
                {
                    r.ExceptPurposes(Some(purposes, 1)).ExceptReasons(Some(reasons, 1));
                    if (random.Next(2) == 0)
                    {
                        r.ExemptionCites(Pick(clauses));
                    }
                }

                if (!prohibit)
                {
                    r.Requires(Some(obligations, 2));
                }
            }

            if (prohibit)
            {
                builder.Prohibit($"rule-{i}", Configure);
            }
            else
            {
                builder.Permit($"rule-{i}", Configure);
            }
        }

        foreach (var action in Actions)
        {
            builder.DenyByDefault(action, Pick(clauses));
        }

        static RetentionPeriod Period(Random random) => random.Next(4) switch
        {
            0 => RetentionPeriod.FromPeriod(NodaTime.Period.FromMonths(random.Next(0, 25))),
            1 => RetentionPeriod.FromPeriod(NodaTime.Period.FromDays(random.Next(0, 400))),
            2 => RetentionPeriod.FromDuration(Duration.FromHours(random.Next(0, 5000))),
            _ => RetentionPeriod.FromPeriod(NodaTime.Period.FromYears(random.Next(0, 4)) + NodaTime.Period.FromDays(random.Next(0, 31))),
        };

        foreach (var category in categories.Where(_ => random.Next(2) == 0))
        {
            builder.Retain(category, Period(random), Pick(clauses), allowsGrounds: random.Next(4) != 0, anchor: Pick(Anchors));
        }

        foreach (var ground in grounds)
        {
            builder.AddGround(ground, Period(random), Pick(clauses), ground);
        }

        var erasureClasses = Classes.Where(_ => random.Next(2) == 0).ToArray();
        builder.Erasure(Period(random), Pick(clauses), erasureClasses);
        if (random.Next(2) == 0)
        {
            builder.LegalHold(Pick(clauses));
        }

        return new GeneratedPolicy(builder.Build(), seed);
    }
}

/// <summary>A generated policy, printable in a counterexample.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="Seed">The seed its rules were drawn with.</param>
public sealed record GeneratedPolicy(PrivacyPolicy Policy, int Seed)
{
    /// <summary>Describes the policy: vocabulary, rules and retention.</summary>
    /// <returns>One line.</returns>
    public override string ToString()
        => $"policy(seed {Seed}): categories [{string.Join(", ", Policy.Categories.Select(c => $"{c.Id}:{c.Class}"))}] purposes [{string.Join(", ", Policy.Purposes.Select(p => p.Id))}] "
            + $"rules [{string.Join("; ", Policy.Rules.Select(Describe))}] retention [{string.Join("; ", Policy.RetentionRules.Select(r => $"{r.Category} {r.Period} from {r.Anchor}{(r.AllowsGrounds ? string.Empty : " no grounds")}"))}]";

    private static string Describe(PolicyRule r)
        => $"{r.Effect} {r.Id} on [{string.Join(",", r.Actions)}] cat [{string.Join(",", r.Categories)}|{string.Join(",", r.DataClasses)}] pur [{string.Join(",", r.Purposes)}] "
            + $"rec [{string.Join(",", r.Recipients)}] rea [{string.Join(",", r.Reasons)}] msg [{string.Join(",", r.Messages)}] ch [{string.Join(",", r.Channels)}] "
            + $"when {r.Conditions} except [{string.Join(",", r.ExceptPurposes)}|{string.Join(",", r.ExceptReasons)}] -> {r.Clause}";
}
