using BenchmarkDotNet.Attributes;
using Privacy.Compilation;

namespace Privacy.Benchmarks;

/// <summary>
/// (b) Each action from string ids: resolving the ids the action needs, then deciding, against the
/// baseline of those id lookups alone. Target: at most 2x.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class StringIdBenchmarks
{
    private readonly BuiltInRequests _r = new();
    private CompiledPolicy _policy = null!;

    [Params(PrivacyAction.Collect, PrivacyAction.Use, PrivacyAction.Disclose, PrivacyAction.Communicate, PrivacyAction.Retain)]
    public PrivacyAction Action { get; set; }

    [GlobalSetup]
    public void Setup() => _policy = _r.Policy;

    [Benchmark(Baseline = true)]
    public int ResolveIds()
    {
        var v = _policy.Vocabulary;
        return Action switch
        {
            PrivacyAction.Collect or PrivacyAction.Use => v.Categories.GetIndex(_r.CategoryId) + v.Purposes.GetIndex(_r.PurposeId),
            PrivacyAction.Disclose => v.Categories.GetIndex(_r.CategoryId) + v.Recipients.GetIndex(_r.RecipientId) + v.Reasons.GetIndex(_r.ReasonId),
            PrivacyAction.Communicate => v.Messages.GetIndex(_r.MessageId) + v.Channels.GetIndex(_r.ChannelId),
            _ => v.Categories.GetIndex(_r.CategoryId) + v.Grounds.GetIndex(_r.GroundId),
        };
    }

    [Benchmark]
    public Effect DecideFromStrings()
    {
        var v = _policy.Vocabulary;
        switch (Action)
        {
            case PrivacyAction.Collect:
                return _policy.DecideCollect(v.Categories.GetIndex(_r.CategoryId), v.Purposes.GetIndex(_r.PurposeId), _r.Facts, _r.Context).Effect;
            case PrivacyAction.Use:
                return _policy.DecideUse(v.Categories.GetIndex(_r.CategoryId), v.Purposes.GetIndex(_r.PurposeId), _r.Facts, _r.Context).Effect;
            case PrivacyAction.Disclose:
                return _policy.DecideDisclose(v.Categories.GetIndex(_r.CategoryId), v.Recipients.GetIndex(_r.RecipientId), v.Reasons.GetIndex(_r.ReasonId), _r.Facts, _r.Context).Effect;
            case PrivacyAction.Communicate:
                return _policy.DecideCommunicate(v.Messages.GetIndex(_r.MessageId), v.Channels.GetIndex(_r.ChannelId), _r.Facts, _r.Context).Effect;
            default:
                var ground = v.Grounds.GetIndex(_r.GroundId);
                return _policy.DecideRetain(v.Categories.GetIndex(_r.CategoryId), _r.CollectedAt, BuiltInRequests.At, _r.Facts, new System.ReadOnlySpan<int>(in ground)).Effect;
        }
    }
}
