using System;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.Benchmarks;

/// <summary>
/// Synthetic policies of any size for the scaling benchmarks: a two-level category hierarchy
/// (ten groups, the rest below them), a two-level purpose hierarchy, and a fixed set of permit and
/// prohibit rules on groups, leaves, classes and purposes, with conditions, exceptions,
/// obligations and retention rules, as a real policy has.
/// </summary>
public static class SyntheticPolicies
{
    private const int Groups = 10;

    private static readonly DataClass[] GroupClasses = [DataClass.Personal, DataClass.Personal, DataClass.Personal, DataClass.Personal, DataClass.Sensitive, DataClass.NonPersonal, DataClass.NonPersonal, DataClass.DeviceLocal, DataClass.Personal, DataClass.NonPersonal];

    /// <summary>Gets the id of the last category, deepest in the hierarchy.</summary>
    public static string LastCategory(int categories) => categories <= Groups ? $"g{categories - 1}" : $"g{(categories - 1) % Groups}.c{categories - 1}";

    /// <summary>Gets the id of the last purpose.</summary>
    public static string LastPurpose(int purposes) => purposes <= Groups ? $"p{purposes - 1}" : $"p{(purposes - 1) % Groups}.q{purposes - 1}";

    /// <summary>Builds a policy of <paramref name="categories"/> categories, <paramref name="purposes"/> purposes and <paramref name="rules"/> rules.</summary>
    public static PrivacyPolicy Build(int categories, int purposes, int rules = 60)
    {
        var b = new PolicyBuilder("synthetic", "1").WithTimeZone("Europe/Oslo");
        for (var i = 0; i < categories; i++)
        {
            b.AddCategory(i < Groups ? $"g{i}" : $"g{i % Groups}.c{i}", GroupClasses[i % Groups], "category");
        }

        for (var i = 0; i < purposes; i++)
        {
            b.AddPurpose(i < Groups ? $"p{i}" : $"p{i % Groups}.q{i}", "purpose");
        }

        for (var i = 0; i < 5; i++)
        {
            b.AddRecipient($"r{i}", "recipient").AddReason($"s{i}", "reason").AddMessageKind($"m{i}", "message");
            b.AddObligation($"o{i}", "obligation").AddClause($"k{i}", "clause");
        }

        b.AddChannel("email", "channel").AddChannel("sms", "channel").AddChannel("push", "channel");
        var random = new Random(42);
        string Category() => random.Next(3) == 0 ? LastCategory(Math.Max(1, random.Next(categories))) : $"g{random.Next(Math.Min(Groups, categories))}";
        string Purpose() => random.Next(3) == 0 ? LastPurpose(Math.Max(1, random.Next(purposes))) : $"p{random.Next(Math.Min(Groups, purposes))}";
        for (var i = 0; i < rules; i++)
        {
            var prohibit = i % 4 == 3;
            var kind = i % 3;
            var conditions = (RuleConditions)(random.Next(32) & random.Next(32) & random.Next(32));
            void Configure(RuleBuilder r)
            {
                r.Cites($"k{i % 5}").When(conditions);
                switch (kind)
                {
                    case 0:
                        r.On(PrivacyAction.Collect, PrivacyAction.Use).Purposes(Purpose());
                        if (random.Next(4) == 0)
                        {
                            r.Classes(GroupClasses[random.Next(Groups)]);
                        }
                        else
                        {
                            r.Categories(Category());
                        }

                        if (prohibit)
                        {
                            r.ExceptPurposes(Purpose()).ExemptionCites("k0");
                        }

                        break;
                    case 1:
                        r.On(PrivacyAction.Disclose).Categories(Category()).Recipients($"r{random.Next(5)}").Reasons($"s{random.Next(5)}");
                        break;
                    default:
                        r.On(PrivacyAction.Communicate).Messages($"m{random.Next(5)}").Channels(random.Next(2) == 0 ? "email" : "sms");
                        break;
                }

                if (!prohibit)
                {
                    r.Requires($"o{random.Next(5)}");
                }
            }

            if (prohibit)
            {
                b.Prohibit($"rule-{i}", Configure);
            }
            else
            {
                b.Permit($"rule-{i}", Configure);
            }
        }

        b.DenyByDefault("k4");
        for (var g = 0; g < Math.Min(Groups, categories); g++)
        {
            b.Retain($"g{g}", RetentionPeriod.FromPeriod(NodaTime.Period.FromMonths(6 * (g + 1))), $"k{g % 5}", allowsGrounds: GroupClasses[g] != DataClass.Sensitive);
        }

        b.AddGround("backup", RetentionPeriod.FromPeriod(NodaTime.Period.FromMonths(3)), "k1");
        b.Erasure(RetentionPeriod.FromPeriod(NodaTime.Period.FromMonths(1)), "k2", DataClass.Personal);
        return b.Build();
    }
}
