using System.Collections.Frozen;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Privacy.Compilation;

namespace Privacy.Benchmarks;

/// <summary>
/// (a) Each action on the built-in policy with resolved (dense) ids, against the floor of any
/// table-driven engine: one <see cref="FrozenDictionary{TKey, TValue}"/> lookup. Target: at most 4x, 0 B.
/// </summary>
/// <remarks>
/// The baseline's keys are 0..1023, for which .NET freezes the dictionary into a plain array, so
/// the baseline is one bounds-checked array read. <see cref="FrozenDictionaryLookupHashed"/> shows
/// the same lookup on scattered keys, where the dictionary hashes, as a host's ids would.
/// </remarks>
[MemoryDiagnoser]
[ShortRunJob]
public class ResolvedIdBenchmarks
{
    private readonly BuiltInRequests _r = new();
    private FrozenDictionary<int, int> _baseline = null!;
    private CompiledPolicy _policy = null!;
    private FrozenDictionary<int, int> _hashed = null!;
    private int _key;

    [GlobalSetup]
    public void Setup()
    {
        _policy = _r.Policy;
        _baseline = Enumerable.Range(0, 1024).ToFrozenDictionary(i => i, i => i * 7);
        _hashed = Enumerable.Range(0, 1024).ToFrozenDictionary(i => i * 7919, i => i * 7);
        _key = (_r.Category * 31) + _r.Purpose;
    }

    [Benchmark(Baseline = true)]
    public int FrozenDictionaryLookup() => _baseline[_key];

    [Benchmark]
    public int FrozenDictionaryLookupHashed() => _hashed[_key * 7919];

    [Benchmark]
    public Effect DecideCollect() => _policy.DecideCollect(_r.Category, _r.Purpose, _r.Facts, _r.Context).Effect;

    [Benchmark]
    public Effect DecideUse() => _policy.DecideUse(_r.Category, _r.Purpose, _r.Facts, _r.Context).Effect;

    [Benchmark]
    public Effect DecideDisclose() => _policy.DecideDisclose(_r.Category, _r.Recipient, _r.Reason, _r.Facts, _r.Context).Effect;

    [Benchmark]
    public Effect DecideCommunicate() => _policy.DecideCommunicate(_r.Message, _r.Channel, _r.Facts, _r.Context).Effect;

    [Benchmark]
    public Effect DecideRetain() => _policy.DecideRetain(_r.Category, _r.CollectedAt, BuiltInRequests.At, _r.Facts, _r.Grounds).Effect;
}
