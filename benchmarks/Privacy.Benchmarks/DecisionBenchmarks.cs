using System.Collections.Frozen;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Compilation;

namespace Privacy.Benchmarks;

/// <summary>
/// A use decision on the built-in policy with resolved ids, against the floor of any table-driven
/// engine: one <see cref="FrozenDictionary{TKey, TValue}"/> lookup.
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private readonly CompiledPolicy _policy = BuiltInPolicies.IsmartviewPro2018Compiled;
    private FrozenDictionary<int, int> _baseline = null!;
    private SubjectFacts _subject;
    private int _category;
    private int _purpose;

    [GlobalSetup]
    public void Setup()
    {
        _baseline = Enumerable.Range(0, 1024).ToFrozenDictionary(i => i, i => i * 7);
        _category = _policy.Vocabulary.Categories.GetIndex("personal.email");
        _purpose = _policy.Vocabulary.Purposes.GetIndex("marketing.own");
        var at = Instant.FromUtc(2026, 3, 1, 9, 0);
        _subject = _policy.Fold(new DataSubject("u", true, [PrivacyEvent.MarketingOptIn(at - Duration.FromDays(3))]), at);
    }

    [Benchmark(Baseline = true)]
    public int FrozenDictionaryLookup() => _baseline[_category * 31 + _purpose];

    [Benchmark]
    public Effect DecideUse() => _policy.DecideUse(_category, _purpose, _subject).Effect;
}
