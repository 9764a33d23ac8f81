using System;
using System.Collections.Frozen;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Privacy.Compilation;
using Privacy.Policies;

namespace Privacy.Benchmarks;

/// <summary>
/// (d) Deciding on synthetic policies of 10, 1,000 and 100,000 categories by 1,000 purposes: 1,024
/// use decisions on random resolved ids per operation, against 1,024 lookups in a
/// <see cref="FrozenDictionary{TKey, TValue}"/> as large as the policy's category × purpose grid
/// (capped at a million entries). Target: decision time flat, at most 1.5x from smallest to largest.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PolicySizeBenchmarks
{
    private const int Requests = 1024;
    private CompiledPolicy _policy = null!;
    private FrozenDictionary<int, int> _baseline = null!;
    private int[] _categories = null!;
    private int[] _purposes = null!;
    private int[] _keys = null!;
    private SubjectFacts _subject;

    [Params(10, 1_000, 100_000)]
    public int Categories { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _policy = CompiledPolicy.Compile(SyntheticPolicies.Build(Categories, 1_000));
        var random = new Random(7);
        _categories = Enumerable.Range(0, Requests).Select(_ => random.Next(Categories)).ToArray();
        _purposes = Enumerable.Range(0, Requests).Select(_ => random.Next(1_000)).ToArray();
        var size = (int)Math.Min(1_000_000L, Categories * 1_000L);
        _baseline = Enumerable.Range(0, size).ToFrozenDictionary(i => i, i => i);
        _keys = Enumerable.Range(0, Requests).Select(i => (int)(((long)_categories[i] * 1_000 + _purposes[i]) % size)).ToArray();
        var at = Instant.FromUtc(2026, 3, 1, 9, 0);
        _subject = _policy.Fold(new DataSubject("u", true, [PrivacyEvent.ConsentGranted(new PurposeId("p1"), at - Duration.FromDays(3))]), at);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public int FrozenDictionaryLookups()
    {
        var sum = 0;
        foreach (var key in _keys)
        {
            sum += _baseline[key];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Requests)]
    public int DecideUse()
    {
        var permits = 0;
        for (var i = 0; i < Requests; i++)
        {
            permits += (int)_policy.DecideUse(_categories[i], _purposes[i], _subject).Effect;
        }

        return permits;
    }
}

/// <summary>
/// (d) Compiling synthetic policies of 10, 1,000 and 100,000 categories by 1,000 purposes, against
/// indexing the same vocabulary in frozen dictionaries (the least any compiler must do). Target:
/// compile time and memory reported, growing about linearly.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CompileBenchmarks
{
    private PrivacyPolicy _policy = null!;

    [Params(10, 1_000, 100_000)]
    public int Categories { get; set; }

    [GlobalSetup]
    public void Setup() => _policy = SyntheticPolicies.Build(Categories, 1_000);

    [Benchmark(Baseline = true)]
    public int IndexVocabulary()
        => _policy.Categories.Select((c, i) => (c.Id.Value, i)).ToFrozenDictionary(x => x.Value, x => x.i, StringComparer.Ordinal).Count
            + _policy.Purposes.Select((p, i) => (p.Id.Value, i)).ToFrozenDictionary(x => x.Value, x => x.i, StringComparer.Ordinal).Count;

    [Benchmark]
    public CompiledPolicy Compile() => CompiledPolicy.Compile(_policy);
}
