using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace Privacy.Fuzz.Engine;

/// <summary>How long and how a run goes.</summary>
public sealed record FuzzOptions
{
    /// <summary>Mutated executions after the corpus itself has been run.</summary>
    public long Executions { get; init; } = 100_000;

    /// <summary>The seed of every random choice; the same seed, corpus and code give the same inputs.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The time budget for one input; longer counts as a hang.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The most inputs kept in memory (the corpus plus inputs that gave a new outcome).</summary>
    public int MaxCorpus { get; init; } = 4096;

    /// <summary>Called now and then with the progress.</summary>
    public Action<FuzzProgress>? Progress { get; init; }

    /// <summary>Called once for each new finding signature.</summary>
    public Action<Finding>? OnFinding { get; init; }
}

/// <summary>Where a run stands.</summary>
public sealed record FuzzProgress(long Executions, TimeSpan Elapsed, int CorpusSize, int Outcomes, int Findings);

/// <summary>The result of a run: one finding per signature (the shortest input seen for it), and the counts.</summary>
public sealed record FuzzReport(string Target, long Executions, TimeSpan Elapsed, int CorpusSize, int Outcomes, IReadOnlyList<Finding> Findings, IReadOnlyDictionary<string, long> Hits)
{
    /// <summary>Executions per second.</summary>
    public double ExecutionsPerSecond => Executions / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// The in-process mutational fuzzer: runs the corpus, then mutated inputs from a seeded <see cref="Random"/>,
/// keeping any input whose outcome signature is new as a parent for later mutations. Needs nothing installed.
/// </summary>
/// <remarks>
/// Inputs run on a worker thread watched by the calling thread: an input still running after the time budget
/// is reported as a hang and the run ends there (the worker is abandoned, being a background thread).
/// </remarks>
public static class FuzzEngine
{
    /// <summary>Runs <paramref name="target"/> over <paramref name="corpus"/> and its mutations.</summary>
    public static FuzzReport Run(FuzzTarget target, IReadOnlyList<byte[]> corpus, FuzzOptions options)
    {
        var state = new RunState(target, corpus, options);
        var worker = new Thread(state.Loop, 16 * 1024 * 1024) { IsBackground = true, Name = $"fuzz {target.Name}" };
        var clock = Stopwatch.StartNew();
        worker.Start();
        var budgetTicks = (long)(options.Timeout.TotalSeconds * Stopwatch.Frequency);
        var poll = TimeSpan.FromMilliseconds(Math.Clamp(options.Timeout.TotalMilliseconds / 4, 10, 250));
        while (!worker.Join(poll))
        {
            var started = Volatile.Read(ref state.CurrentStart);
            if (started != 0 && Stopwatch.GetTimestamp() - started > budgetTicks)
            {
                var input = Volatile.Read(ref state.CurrentInput) ?? [];
                state.Stop = true;
                state.Record(new Finding(target.Name, FindingKind.Hang, "hang", $"still running after {options.Timeout.TotalMilliseconds:0} ms", "(hang)", input));
                break;
            }
        }

        clock.Stop();
        return state.Report(clock.Elapsed);
    }

    /// <summary>Runs one input the way a fuzz run does; returns the finding, or null when the input kept every promise.</summary>
    public static Finding? RunOne(FuzzTarget target, byte[] input, TimeSpan timeout)
    {
        var report = Run(target, [input], new FuzzOptions { Executions = 0, Timeout = timeout });
        return report.Findings.FirstOrDefault();
    }

    private sealed class RunState(FuzzTarget target, IReadOnlyList<byte[]> seeds, FuzzOptions options)
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, Finding> _findings = [];
        private readonly Dictionary<string, long> _hits = [];
        private readonly HashSet<string> _outcomes = [];
        private readonly List<byte[]> _corpus = [.. seeds];
        private long _executions;

        public long CurrentStart;
        public byte[]? CurrentInput;
        public volatile bool Stop;

        public void Loop()
        {
            var random = new Random(options.Seed);
            var mutator = new Mutator(random, target.Keys, target.Words);
            var clock = Stopwatch.StartNew();
            var total = seeds.Count + options.Executions;
            for (long i = 0; i < total && !Stop; i++)
            {
                byte[] input;
                if (i < seeds.Count)
                {
                    input = seeds[(int)i];
                }
                else
                {
                    // The shorter of two: short inputs run faster and mutate into more distinct ones.
                    var a = _corpus[random.Next(_corpus.Count)];
                    var b = _corpus[random.Next(_corpus.Count)];
                    var parent = a.Length <= b.Length ? a : b;
                    var other = _corpus[random.Next(_corpus.Count)];
                    input = mutator.Mutate(parent, other, target.MaxInputLength);
                }

                Execute(input);
                if ((i + 1) % 50_000 == 0)
                {
                    options.Progress?.Invoke(new FuzzProgress(i + 1, clock.Elapsed, _corpus.Count, _outcomes.Count, _findings.Count));
                }
            }
        }

        private void Execute(byte[] input)
        {
            Volatile.Write(ref CurrentInput, input);
            var start = Stopwatch.GetTimestamp();
            Volatile.Write(ref CurrentStart, start);
            string? outcome = null;
            Finding? finding = null;
            try
            {
                outcome = target.Execute(input);
            }
            catch (Exception e)
            {
                finding = Finding.FromException(target.Name, e, input);
            }

            var elapsed = Stopwatch.GetElapsedTime(start);
            Volatile.Write(ref CurrentStart, 0);
            Interlocked.Increment(ref _executions);
            if (Stop)
            {
                return;
            }

            if (finding is null && elapsed > options.Timeout)
            {
                finding = new Finding(target.Name, FindingKind.Hang, "hang", $"took {elapsed.TotalMilliseconds:0} ms, over the {options.Timeout.TotalMilliseconds:0} ms budget", "(slow)", input);
            }

            if (finding is not null)
            {
                Record(finding);
                outcome = finding.Signature;
            }

            if (outcome is not null && _outcomes.Add(outcome) && _corpus.Count < options.MaxCorpus)
            {
                _corpus.Add(input);
            }
        }

        public void Record(Finding finding)
        {
            bool isNew;
            lock (_gate)
            {
                var signature = finding.Signature;
                _hits[signature] = _hits.GetValueOrDefault(signature) + 1;
                isNew = !_findings.TryGetValue(signature, out var known);
                if (isNew || finding.Input.Length < known!.Input.Length)
                {
                    _findings[signature] = finding;
                }
            }

            if (isNew)
            {
                options.OnFinding?.Invoke(finding);
            }
        }

        public FuzzReport Report(TimeSpan elapsed)
        {
            lock (_gate)
            {
                return new FuzzReport(target.Name, Interlocked.Read(ref _executions), elapsed, _corpus.Count, _outcomes.Count, [.. _findings.Values], new Dictionary<string, long>(_hits));
            }
        }
    }
}
