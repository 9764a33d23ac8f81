using System;
using System.Linq;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.Tests.Versioning;

/// <summary>Versions derived from the built-in policy for the versioning tests.</summary>
internal static class PolicyEdits
{
    public static readonly Instant V2InForce = Instant.FromUtc(2026, 6, 1, 0, 0);

    public static PrivacyPolicy V1 => BuiltInPolicies.IsmartviewPro2018Policy;

    /// <summary>The built-in policy with an edit applied, as version 002 in force from <see cref="V2InForce"/>.</summary>
    public static PrivacyPolicy V2(Action<PolicyBuilder> edit)
    {
        var builder = V1.ToBuilder().WithIdentity(V1.Id, "002").WithMetadata(new LocalDate(2026, 5, 1), V2InForce, V1.Contact);
        edit(builder);
        return builder.Build();
    }

    /// <summary>Replaces a clause's wording, keeping its id.</summary>
    public static void Reword(PolicyBuilder builder, string clause, string? summary = null, string? text = null)
    {
        var index = builder.Clauses.FindIndex(c => c.Id.Value == clause);
        var old = builder.Clauses[index];
        builder.Clauses[index] = new PolicyClause(old.Id, summary ?? old.Summary, text ?? old.Text);
    }

    /// <summary>Replaces a rule, keeping its id and position.</summary>
    public static void Replace(PolicyBuilder builder, string ruleId, RuleEffect effect, Action<RuleBuilder> configure)
    {
        var index = builder.Rules.FindIndex(r => r.Id == ruleId);
        var rule = new RuleBuilder(ruleId, effect);
        configure(rule);
        builder.Rules[index] = rule.Build();
    }

    public static RetentionPeriod Months(int n) => RetentionPeriod.FromPeriod(Period.FromMonths(n));

    public static RetentionPeriod Days(int n) => RetentionPeriod.FromPeriod(Period.FromDays(n));

    public static string Kinds(Privacy.Versioning.PolicyDiff diff) => string.Join("; ", diff.Changes.Select(c => c.ToString()));
}
