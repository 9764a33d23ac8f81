using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Privacy.Compilation;
using Privacy.DependencyInjection;
using Privacy.Telemetry;

namespace Privacy.Benchmarks;

/// <summary>
/// (h) What telemetry costs a decision made through the DI evaluator (what <c>IPrivacyGate</c> calls):
/// the instrumented <c>ProviderEvaluator</c> with nobody listening, and with a <see cref="MeterListener"/>
/// on the Privacy meter, against the same evaluator without any instrumentation (the baseline, as it was
/// before telemetry). Target: within 10 % of the baseline and 0 B with no listener.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class TelemetryBenchmarks
{
    private readonly BuiltInRequests _r = new();
    private IPrivacyEvaluator _baseline = null!;
    private IPrivacyEvaluator _instrumented = null!;
    private MeterListener? _listener;
    private UseRequest _use;
    private CommunicateRequest _communicate;

    [Params(PrivacyAction.Use, PrivacyAction.Communicate)]
    public PrivacyAction Action { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var provider = new FixedProvider(_r.Policy);
        _baseline = new UninstrumentedEvaluator(provider);
        _instrumented = new ProviderEvaluator(provider);
        _use = new UseRequest(new(_r.CategoryId), new(_r.PurposeId), BuiltInRequests.At, _r.Context);
        _communicate = new CommunicateRequest(new(_r.MessageId), new(_r.ChannelId), BuiltInRequests.At);
    }

    [GlobalSetup(Target = nameof(InstrumentedWithListener))]
    public void SetupWithListener()
    {
        Setup();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PrivacyTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
        _listener.Start();
    }

    [GlobalCleanup]
    public void Cleanup() => _listener?.Dispose();

    [Benchmark(Baseline = true)]
    public Effect Uninstrumented() => Action == PrivacyAction.Use
        ? _baseline.Decide(_use, _r.State).Effect
        : _baseline.Decide(_communicate, _r.State).Effect;

    [Benchmark]
    public Effect InstrumentedNoListener() => Action == PrivacyAction.Use
        ? _instrumented.Decide(_use, _r.State).Effect
        : _instrumented.Decide(_communicate, _r.State).Effect;

    [Benchmark]
    public Effect InstrumentedWithListener() => Action == PrivacyAction.Use
        ? _instrumented.Decide(_use, _r.State).Effect
        : _instrumented.Decide(_communicate, _r.State).Effect;

    private sealed class FixedProvider(CompiledPolicy policy) : IPrivacyPolicyProvider
    {
        public CompiledPolicy Current => policy;
    }

    /// <summary>The DI evaluator as it was before telemetry, called the same way (through the interface): ask the policy in force, nothing else.</summary>
    private sealed class UninstrumentedEvaluator(IPrivacyPolicyProvider provider) : IPrivacyEvaluator
    {
        public string PolicyId => provider.Current.PolicyId;

        public PrivacyDecision Decide(in CollectRequest request, SubjectState? subject) => provider.Current.Decide(request, subject);

        public PrivacyDecision Decide(in UseRequest request, SubjectState? subject) => provider.Current.Decide(request, subject);

        public PrivacyDecision Decide(in DiscloseRequest request, SubjectState? subject) => provider.Current.Decide(request, subject);

        public PrivacyDecision Decide(in CommunicateRequest request, SubjectState? subject) => provider.Current.Decide(request, subject);

        public PrivacyDecision Decide(in RetainRequest request, SubjectState? subject) => provider.Current.Decide(request, subject);
    }
}
