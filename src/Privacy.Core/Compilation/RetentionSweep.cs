using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Privacy.Internal;
using Privacy.Retention;

namespace Privacy.Compilation;

/// <summary>
/// Decides retention for many records at once: a span in and verdicts out, or a stream from a
/// database. The same rules as a single retain request, with no allocation per record.
/// </summary>
public static class RetentionSweep
{
    /// <summary>Decides every record, writing one verdict per record at the same index.</summary>
    /// <param name="policy">The compiled policy.</param>
    /// <param name="records">The records.</param>
    /// <param name="subjects">The subjects' facts, folded at <paramref name="at"/>, indexed by <see cref="RetentionRecord.Subject"/>.</param>
    /// <param name="at">The sweep's instant.</param>
    /// <param name="verdicts">Where the verdicts go; at least as long as <paramref name="records"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="verdicts"/> is too short.</exception>
    /// <exception cref="PrivacyRequestException">A record names a dense id the policy does not have.</exception>
    public static void SweepRetention(this CompiledPolicy policy, ReadOnlySpan<RetentionRecord> records, ReadOnlySpan<SubjectFacts> subjects, Instant at, Span<PrivacyDecision> verdicts)
    {
        Preconditions.CheckNotNull(policy, nameof(policy));
        Preconditions.CheckArgument(verdicts.Length >= records.Length, nameof(verdicts), $"The verdict span holds {verdicts.Length} but there are {records.Length} records.");
        using var activity = Telemetry.PrivacyTelemetry.Source.StartActivity("privacy.retention.sweep");
        activity?.SetTag("privacy.sweep", "deadlines");
        activity?.SetTag("privacy.sweep.records", records.Length);
        var started = Telemetry.PrivacyTelemetry.StartTiming(Telemetry.PrivacyTelemetry.SweepDuration);
        for (var i = 0; i < records.Length; i++)
        {
            verdicts[i] = Decide(policy, records[i], subjects, at);
        }

        Telemetry.PrivacyTelemetry.RecordSweep("deadlines", records.Length, started);
    }

    /// <summary>
    /// Says for every record whether it is kept (<see cref="Effect.Retain"/>) or due
    /// (<see cref="Effect.Delete"/>), the same effect <see cref="SweepRetention"/> gives, without
    /// computing each deadline: for records with no subject state and no ground it is one comparison
    /// against a cut-off worked out once per category.
    /// </summary>
    /// <param name="policy">The compiled policy.</param>
    /// <param name="records">The records.</param>
    /// <param name="subjects">The subjects' facts, folded at <paramref name="at"/>, indexed by <see cref="RetentionRecord.Subject"/>.</param>
    /// <param name="at">The sweep's instant.</param>
    /// <param name="effects">Where the effects go; at least as long as <paramref name="records"/>.</param>
    /// <returns>How many records are due.</returns>
    /// <remarks>Allocates once per call (the per-category cut-offs), never per record. Use <see cref="SweepRetention"/> when you also need each deadline and its clauses.</remarks>
    /// <exception cref="ArgumentException"><paramref name="effects"/> is too short.</exception>
    /// <exception cref="PrivacyRequestException">A record names a dense id the policy does not have.</exception>
    public static int SweepRetentionEffects(this CompiledPolicy policy, ReadOnlySpan<RetentionRecord> records, ReadOnlySpan<SubjectFacts> subjects, Instant at, Span<Effect> effects)
    {
        Preconditions.CheckNotNull(policy, nameof(policy));
        Preconditions.CheckArgument(effects.Length >= records.Length, nameof(effects), $"The effect span holds {effects.Length} but there are {records.Length} records.");
        var categories = policy.Vocabulary.Categories.Count;

        // Per category, worked out on first use: due at or before dueUpTo, kept after keptAfter, decided exactly in between.
        var dueUpTo = new Instant[categories];
        var keptAfter = new Instant[categories];
        dueUpTo.AsSpan().Fill(Unknown);
        using var activity = Telemetry.PrivacyTelemetry.Source.StartActivity("privacy.retention.sweep");
        activity?.SetTag("privacy.sweep", "effects");
        activity?.SetTag("privacy.sweep.records", records.Length);
        var started = Telemetry.PrivacyTelemetry.StartTiming(Telemetry.PrivacyTelemetry.SweepDuration);
        var due = 0;
        for (var i = 0; i < records.Length; i++)
        {
            ref readonly var record = ref records[i];
            var category = record.Category;
            Effect effect;
            if ((uint)category < (uint)dueUpTo.Length && record.Ground < 0 && record.CollectedAt > Floor && (record.Subject < 0 || IsPlain(subjects[record.Subject])))
            {
                if (dueUpTo[category] == Unknown)
                {
                    (dueUpTo[category], keptAfter[category]) = Bounds(policy.RetentionCutoff(category, at));
                }

                effect = record.CollectedAt <= dueUpTo[category] ? Effect.Delete
                    : record.CollectedAt > keptAfter[category] ? Effect.Retain
                    : Decide(policy, record, subjects, at).Effect;
            }
            else
            {
                effect = Decide(policy, record, subjects, at).Effect;
            }

            effects[i] = effect;
            due += effect == Effect.Delete ? 1 : 0;
        }

        Telemetry.PrivacyTelemetry.RecordSweep("effects", records.Length, started);
        activity?.SetTag("privacy.sweep.due", due);
        return due;
    }

    /// <summary>Decides a stream of records, for sweeps that read from a database.</summary>
    /// <param name="policy">The compiled policy.</param>
    /// <param name="records">The records.</param>
    /// <param name="subjects">The subjects' facts, folded at <paramref name="at"/>, indexed by <see cref="RetentionRecord.Subject"/>.</param>
    /// <param name="at">The sweep's instant.</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    /// <returns>The verdicts, in input order.</returns>
    public static async IAsyncEnumerable<PrivacyDecision> SweepRetentionAsync(
        this CompiledPolicy policy,
        IAsyncEnumerable<RetentionRecord> records,
        IReadOnlyList<SubjectFacts> subjects,
        Instant at,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(policy, nameof(policy));
        Preconditions.CheckNotNull(records, nameof(records));
        Preconditions.CheckNotNull(subjects, nameof(subjects));
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            var facts = record.Subject >= 0 ? subjects[record.Subject] : default;
            yield return Decide(policy, record, new ReadOnlySpan<SubjectFacts>(in facts), at, subjectIndex: record.Subject >= 0 ? 0 : -1);
        }
    }

    /// <summary>Marks a category whose cut-off is not worked out yet; no real cut-off is this early.</summary>
    private static readonly Instant Unknown = Instant.MinValue;

    /// <summary>Records collected before year 1 take the exact path, so the sentinels above can never be confused with them.</summary>
    private static readonly Instant Floor = Instant.FromUtc(1, 1, 1, 0, 0);

    private static (Instant DueUpTo, Instant KeptAfter) Bounds(RetentionCutoff cutoff) => cutoff.Kind switch
    {
        RetentionCutoffKind.AlwaysDelete => (Instant.MaxValue, Instant.MaxValue),
        RetentionCutoffKind.AlwaysRetain => (Unknown + Duration.Epsilon, Unknown),
        _ => (cutoff.DueUpTo > Floor ? cutoff.DueUpTo : Unknown + Duration.Epsilon, cutoff.KeptAfter),
    };

    /// <summary>Facts that change no retention decision: no erasure, hold, activity or closure.</summary>
    private static bool IsPlain(in SubjectFacts facts)
        => !facts.IsErased && !facts.IsUnderLegalHold && facts.LastActivityAt is null && facts.AccountClosedAt is null;

    private static PrivacyDecision Decide(CompiledPolicy policy, in RetentionRecord record, ReadOnlySpan<SubjectFacts> subjects, Instant at, int? subjectIndex = null)
    {
        var index = subjectIndex ?? record.Subject;
        var subject = index >= 0 ? subjects[index] : default;
        var ground = record.Ground;
        return policy.DecideRetain(record.Category, record.CollectedAt, at, subject, ground >= 0 ? new ReadOnlySpan<int>(in ground) : default);
    }
}
