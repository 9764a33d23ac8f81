using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Verification;

namespace Privacy.Benchmarks;

/// <summary>
/// (h) Exhaustive verification (<see cref="PolicyVerifier"/>, what <c>privacy verify</c> runs): the built-in
/// policy, and a synthetic policy of 1,000 categories × 100 purposes (60 rules, 5 recipients × 5 reasons,
/// 5 message kinds × 3 channels), every combination under every condition. Baseline: the built-in policy.
/// One verification is seconds long, so each iteration runs it once.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class VerifierBenchmarks
{
    private CompiledPolicy _builtIn = null!;
    private CompiledPolicy _synthetic = null!;

    [GlobalSetup]
    public void Setup()
    {
        _builtIn = BuiltInPolicies.IsmartviewPro2018Compiled;
        _synthetic = CompiledPolicy.Compile(SyntheticPolicies.Build(1_000, 100));
    }

    [Benchmark(Baseline = true)]
    public long BuiltInPolicy() => PolicyVerifier.Verify(_builtIn).CellsChecked;

    [Benchmark]
    public long Synthetic1000Categories() => PolicyVerifier.Verify(_synthetic).CellsChecked;
}
