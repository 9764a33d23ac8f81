using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Privacy.Telemetry;

/// <summary>
/// The library's <see cref="System.Diagnostics.Metrics.Meter"/> and <see cref="System.Diagnostics.ActivitySource"/>, both named
/// <see cref="Name"/>. Subscribe with OpenTelemetry (<c>AddMeter("Privacy")</c>, <c>AddSource("Privacy")</c>) or
/// <c>dotnet-counters monitor --counters Privacy</c>.
/// </summary>
/// <remarks>
/// Nothing is measured or traced unless a listener is attached: every instrument is checked with
/// <c>Enabled</c> first, so a decision without a listener costs one field read and allocates nothing.
/// The instruments and their tags are listed in <c>docs/telemetry.md</c>.
/// </remarks>
public static class PrivacyTelemetry
{
    /// <summary>The name of the meter and of the activity source: <c>Privacy</c>.</summary>
    public const string Name = "Privacy";

    internal static readonly ActivitySource Source = new(Name);

    internal static readonly Meter Meter = new(Name);

    /// <summary><c>privacy.decisions</c>: decisions made through the DI services, tagged <c>privacy.action</c> and <c>privacy.effect</c>.</summary>
    internal static readonly Counter<long> Decisions = Meter.CreateCounter<long>("privacy.decisions", "{decision}", "Decisions made, by action and effect.");

    /// <summary><c>privacy.denials</c>: denials, tagged <c>privacy.action</c> and <c>privacy.clause</c> (the deciding clause).</summary>
    internal static readonly Counter<long> Denials = Meter.CreateCounter<long>("privacy.denials", "{decision}", "Denials, by action and deciding clause.");

    /// <summary><c>privacy.policy.reloads</c>: reload attempts, tagged <c>privacy.outcome</c> (<c>success</c> or <c>failure</c>).</summary>
    internal static readonly Counter<long> Reloads = Meter.CreateCounter<long>("privacy.policy.reloads", "{reload}", "Policy reload attempts, by outcome.");

    /// <summary><c>privacy.plans</c>: rights plans made, tagged <c>privacy.right</c>.</summary>
    internal static readonly Counter<long> Plans = Meter.CreateCounter<long>("privacy.plans", "{plan}", "Rights plans made, by right.");

    /// <summary><c>privacy.plan.duration</c>: how long a rights plan took, in seconds, tagged <c>privacy.right</c>.</summary>
    internal static readonly Histogram<double> PlanDuration = Meter.CreateHistogram<double>("privacy.plan.duration", "s", "How long rights plans took.");

    /// <summary><c>privacy.sweeps</c>: retention sweeps run, tagged <c>privacy.sweep</c> (<c>deadlines</c> or <c>effects</c>).</summary>
    internal static readonly Counter<long> Sweeps = Meter.CreateCounter<long>("privacy.sweeps", "{sweep}", "Retention sweeps run.");

    /// <summary><c>privacy.sweep.records</c>: records swept.</summary>
    internal static readonly Counter<long> SweptRecords = Meter.CreateCounter<long>("privacy.sweep.records", "{record}", "Records decided by retention sweeps.");

    /// <summary><c>privacy.sweep.duration</c>: how long a retention sweep took, in seconds.</summary>
    internal static readonly Histogram<double> SweepDuration = Meter.CreateHistogram<double>("privacy.sweep.duration", "s", "How long retention sweeps took.");

    /// <summary>Gets a value indicating whether anybody listens to the decision counters.</summary>
    internal static bool IsCountingDecisions
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get => Decisions.Enabled || Denials.Enabled;
    }

    /// <summary>Counts a decision made through the DI services; costs two field reads when nobody listens.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static void RecordDecision(PrivacyAction action, in PrivacyDecision decision)
    {
        if (Decisions.Enabled || Denials.Enabled)
        {
            RecordDecisionSlow(action, decision);
        }
    }

    private static void RecordDecisionSlow(PrivacyAction action, in PrivacyDecision decision)
    {
        if (Decisions.Enabled)
        {
            Decisions.Add(1, new TagList { { "privacy.action", ActionName(action) }, { "privacy.effect", EffectName(decision.Effect) } });
        }

        if (decision.Effect == Effect.Deny && Denials.Enabled)
        {
            var clause = decision.Clauses.IsDefaultOrEmpty ? "(none)" : decision.Clauses[0].Value;
            Denials.Add(1, new TagList { { "privacy.action", ActionName(action) }, { "privacy.clause", clause } });
        }
    }

    /// <summary>A timestamp when a duration will be recorded, else 0 (and no clock is read).</summary>
    internal static long StartTiming(Histogram<double> duration) => duration.Enabled ? Stopwatch.GetTimestamp() : 0;

    internal static void RecordPlan(RightKind right, long started)
    {
        var name = RightName(right);
        Plans.Add(1, new TagList { { "privacy.right", name } });
        if (started != 0)
        {
            PlanDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList { { "privacy.right", name } });
        }
    }

    internal static void RecordSweep(string kind, int records, long started)
    {
        Sweeps.Add(1, new TagList { { "privacy.sweep", kind } });
        SweptRecords.Add(records, new TagList { { "privacy.sweep", kind } });
        if (started != 0)
        {
            SweepDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList { { "privacy.sweep", kind } });
        }
    }

    internal static string ActionName(PrivacyAction action) => action switch
    {
        PrivacyAction.Collect => "collect",
        PrivacyAction.Use => "use",
        PrivacyAction.Disclose => "disclose",
        PrivacyAction.Communicate => "communicate",
        PrivacyAction.Retain => "retain",
        _ => "unknown",
    };

    private static string EffectName(Effect effect) => effect switch
    {
        Effect.Deny => "deny",
        Effect.Permit => "permit",
        Effect.Retain => "retain",
        Effect.Delete => "delete",
        _ => "unknown",
    };

    private static string RightName(RightKind right) => right switch
    {
        RightKind.Access => "access",
        RightKind.Erasure => "erasure",
        RightKind.Rectification => "rectification",
        RightKind.MarketingOptOut => "marketing-opt-out",
        _ => "unknown",
    };
}
