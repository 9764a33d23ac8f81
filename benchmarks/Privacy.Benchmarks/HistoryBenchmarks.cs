using System;
using System.Collections.Frozen;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Privacy.Compilation;

namespace Privacy.Benchmarks;

/// <summary>
/// (e) Subjects with 0, 10 and 1,000 events on the built-in policy: folding the history (into a
/// state, then into facts) and deciding after the fold, against one
/// <see cref="FrozenDictionary{TKey, TValue}"/> lookup. Target: folding linear in the events,
/// deciding after the fold flat.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class HistoryBenchmarks
{
    private readonly BuiltInRequests _r = new();
    private FrozenDictionary<int, int> _baseline = null!;
    private CompiledPolicy _policy = null!;
    private DataSubject _subject = null!;
    private SubjectFacts _facts;

    [Params(0, 10, 1_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _policy = _r.Policy;
        _baseline = Enumerable.Range(0, 1024).ToFrozenDictionary(i => i, i => i * 7);

        // A year of a subject's life: service use, opt-outs and opt-ins, consents given and withdrawn for a few purposes and recipients.
        var random = new Random(11);
        var purposes = new[] { "marketing.own", "service.delivery", "service.location" };
        var recipients = new[] { "third-party", "service-provider" };
        var events = Enumerable.Range(0, Events).Select(i =>
        {
            var at = BuiltInRequests.At - Duration.FromMinutes(random.Next(1, 60 * 24 * 365));
            return (i % 6) switch
            {
                0 => PrivacyEvent.ConsentGranted(new PurposeId(purposes[random.Next(purposes.Length)]), at),
                1 => PrivacyEvent.ConsentWithdrawn(new PurposeId(purposes[random.Next(purposes.Length)]), at),
                2 => PrivacyEvent.ConsentGranted(new RecipientId(recipients[random.Next(recipients.Length)]), at),
                3 => random.Next(2) == 0 ? PrivacyEvent.MarketingOptOut(at) : PrivacyEvent.MarketingOptIn(at),
                _ => PrivacyEvent.ServiceUsed(at),
            };
        });
        _subject = new DataSubject("u", true, events);
        _facts = Fold();
    }

    [Benchmark(Baseline = true)]
    public int FrozenDictionaryLookup() => _baseline[_r.Category];

    [Benchmark]
    public SubjectFacts Fold() => _policy.Fold(_subject, BuiltInRequests.At);

    [Benchmark]
    public Effect DecideUseAfterFold() => _policy.DecideUse(_r.Category, _r.Purpose, _facts, _r.Context).Effect;

    [Benchmark]
    public Effect DecideDiscloseAfterFold() => _policy.DecideDisclose(_r.Category, _r.Recipient, _r.Reason, _facts, _r.Context).Effect;
}
