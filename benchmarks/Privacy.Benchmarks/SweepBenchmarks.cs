using System;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Retention;

namespace Privacy.Benchmarks;

/// <summary>
/// (f) A nightly retention sweep over 10 million records of the built-in policy (random categories,
/// collected over the last three years) through <see cref="RetentionSweep.SweepRetention"/> (every
/// deadline and its clauses) and <see cref="RetentionSweep.SweepRetentionEffects"/> (keep or delete), against
/// a plain loop that only compares each record's collection instant with a cut-off. Results are per
/// record. Target: at most 2x, 0 B per record.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SweepBenchmarks
{
    private const int Records = 10_000_000;
    private static readonly Instant At = Instant.FromUtc(2026, 3, 1, 2, 0);
    private readonly CompiledPolicy _policy = BuiltInPolicies.IsmartviewPro2018Compiled;
    private RetentionRecord[] _records = null!;
    private PrivacyDecision[] _decisions = null!;
    private int[] _categories = null!;
    private Instant[] _collectedAt = null!;
    private Effect[] _verdicts = null!;
    private Instant _cutoff;
    private SubjectFacts _subject;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        var categories = _policy.Vocabulary.Categories.Count;
        _categories = new int[Records];
        _collectedAt = new Instant[Records];
        _verdicts = new Effect[Records];
        for (var i = 0; i < Records; i++)
        {
            _categories[i] = random.Next(categories);
            _collectedAt[i] = At - Duration.FromSeconds(random.NextInt64(3L * 365 * 24 * 3600));
        }

        _records = new RetentionRecord[Records];
        for (var i = 0; i < Records; i++)
        {
            _records[i] = new RetentionRecord(_categories[i], _collectedAt[i]);
        }

        _decisions = new PrivacyDecision[Records];
        _cutoff = At - Duration.FromDays(180);
        _subject = _policy.Fold(SubjectState.Empty(At));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Records)]
    public int CompareInstants()
    {
        var expired = 0;
        var collectedAt = _collectedAt;
        var verdicts = _verdicts;
        for (var i = 0; i < collectedAt.Length; i++)
        {
            var delete = collectedAt[i] < _cutoff;
            verdicts[i] = delete ? Effect.Delete : Effect.Retain;
            expired += delete ? 1 : 0;
        }

        return expired;
    }

    /// <summary>The same plain comparison, reading the instants from the sweep's own records (the same memory the sweep reads).</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public int CompareRecordInstants()
    {
        var expired = 0;
        var records = _records;
        var verdicts = _verdicts;
        for (var i = 0; i < records.Length; i++)
        {
            var delete = records[i].CollectedAt < _cutoff;
            verdicts[i] = delete ? Effect.Delete : Effect.Retain;
            expired += delete ? 1 : 0;
        }

        return expired;
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public int SweepRetention()
    {
        _policy.SweepRetention(_records, [], At, _decisions);
        return _decisions[^1].Clauses.Length;
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public int SweepRetentionEffects() => _policy.SweepRetentionEffects(_records, [], At, _verdicts);

    [Benchmark(OperationsPerInvoke = Records)]
    public int DecideRetainLoop()
    {
        var expired = 0;
        var categories = _categories;
        var collectedAt = _collectedAt;
        var verdicts = _verdicts;
        for (var i = 0; i < categories.Length; i++)
        {
            var effect = _policy.DecideRetain(categories[i], collectedAt[i], At, _subject).Effect;
            verdicts[i] = effect;
            expired += effect == Effect.Delete ? 1 : 0;
        }

        return expired;
    }
}
