using BenchmarkDotNet.Attributes;
using Privacy.Reference;

namespace Privacy.Benchmarks;

/// <summary>
/// (c) The compiled evaluator against the reference evaluator (walks the rules on every request),
/// both through <see cref="IPrivacyEvaluator"/> with typed ids and a folded subject state.
/// Target: the compiled one at least 20x faster (ratio at most 0.05).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ReferenceBenchmarks
{
    private readonly BuiltInRequests _r = new();
    private IPrivacyEvaluator _reference = null!;
    private IPrivacyEvaluator _compiled = null!;
    private CollectRequest _collect;
    private UseRequest _use;
    private DiscloseRequest _disclose;
    private CommunicateRequest _communicate;
    private RetainRequest _retain;

    [Params(PrivacyAction.Collect, PrivacyAction.Use, PrivacyAction.Disclose, PrivacyAction.Communicate, PrivacyAction.Retain)]
    public PrivacyAction Action { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compiled = _r.Policy;
        _reference = new ReferenceEvaluator(_r.Policy.Policy);
        var at = BuiltInRequests.At;
        _collect = new CollectRequest(new(_r.CategoryId), new(_r.PurposeId), at, _r.Context);
        _use = new UseRequest(new(_r.CategoryId), new(_r.PurposeId), at, _r.Context);
        _disclose = new DiscloseRequest(new(_r.CategoryId), new(_r.RecipientId), new(_r.ReasonId), at, _r.Context);
        _communicate = new CommunicateRequest(new(_r.MessageId), new(_r.ChannelId), at, _r.Context);
        _retain = new RetainRequest(new(_r.CategoryId), _r.CollectedAt, at, [new RetentionGroundId(_r.GroundId)]);
    }

    [Benchmark(Baseline = true)]
    public Effect Reference() => Decide(_reference);

    [Benchmark]
    public Effect Compiled() => Decide(_compiled);

    private Effect Decide(IPrivacyEvaluator evaluator) => Action switch
    {
        PrivacyAction.Collect => evaluator.Decide(_collect, _r.State).Effect,
        PrivacyAction.Use => evaluator.Decide(_use, _r.State).Effect,
        PrivacyAction.Disclose => evaluator.Decide(_disclose, _r.State).Effect,
        PrivacyAction.Communicate => evaluator.Decide(_communicate, _r.State).Effect,
        _ => evaluator.Decide(_retain, _r.State).Effect,
    };
}
