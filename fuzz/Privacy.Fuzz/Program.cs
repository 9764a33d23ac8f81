using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Privacy.Fuzz.Engine;
using Privacy.Fuzz.Targets;

namespace Privacy.Fuzz;

/// <summary>
/// <c>dotnet run --project fuzz/Privacy.Fuzz -c Release -- TARGET [--executions N] [--seed S]</c>: the in-process
/// mutational fuzzer; <c>--afl</c> and <c>--libfuzzer</c> hand the same target to SharpFuzz instead.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var target = new Argument<string>("TARGET") { Description = $"The target: {string.Join(", ", TargetCatalog.Names)}, or all." };
        target.AcceptOnlyFromAmong([.. TargetCatalog.Names, "all"]);
        var executions = new Option<long>("--executions", "-n") { Description = "Mutated inputs to run after the corpus.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "The seed of every random choice.", DefaultValueFactory = _ => 1 };
        var timeout = new Option<int>("--timeout-ms") { Description = "The time budget for one input, in milliseconds.", DefaultValueFactory = _ => 2000 };
        var corpus = new Option<string?>("--corpus") { Description = "The corpus folder (default: fuzz/corpus/TARGET).", HelpName = "DIR" };
        var findings = new Option<string?>("--findings") { Description = "Where new findings are saved (default: fuzz/findings/TARGET).", HelpName = "DIR" };
        var replay = new Option<string[]>("--replay") { Description = "Run these input files once each and report, instead of fuzzing.", AllowMultipleArgumentsPerToken = true, HelpName = "FILE" };
        var afl = new Option<bool>("--afl") { Description = "Run under afl-fuzz (SharpFuzz out-of-process mode; instrument the assemblies first)." };
        var libFuzzer = new Option<bool>("--libfuzzer") { Description = "Run under libfuzzer-dotnet (SharpFuzz libFuzzer mode)." };
        var root = new RootCommand($"Fuzz the Privacy parsers.{Environment.NewLine}Targets:{Environment.NewLine}{TargetCatalog.Describe()}")
        {
            target, executions, seed, timeout, corpus, findings, replay, afl, libFuzzer,
        };
        root.SetAction(parse =>
        {
            var name = parse.GetValue(target)!;
            var options = new FuzzOptions
            {
                Executions = parse.GetValue(executions),
                Seed = parse.GetValue(seed),
                Timeout = TimeSpan.FromMilliseconds(parse.GetValue(timeout)),
            };
            if (parse.GetValue(afl) || parse.GetValue(libFuzzer))
            {
                return External(name, parse.GetValue(libFuzzer));
            }

            if (parse.GetValue(replay) is { Length: > 0 } files)
            {
                return Replay(name, files, options.Timeout);
            }

            var names = name == "all" ? TargetCatalog.Names : [name];
            var found = 0;
            foreach (var n in names)
            {
                found += Fuzz(n, options, parse.GetValue(corpus) is { } c && names.Count == 1 ? c : Corpus.DefaultCorpus(n), parse.GetValue(findings) ?? Corpus.DefaultFindings(n));
            }

            return found == 0 ? 0 : 1;
        });
        return root.Parse(args).Invoke();
    }

    private static int Fuzz(string name, FuzzOptions options, string corpusFolder, string findingsFolder)
    {
        using var target = TargetCatalog.Create(name);
        var seeds = Corpus.Load(corpusFolder);
        if (seeds.Count == 0)
        {
            seeds.Add("{}"u8.ToArray());
        }

        var saved = new System.Collections.Generic.Dictionary<string, string>(StringComparer.Ordinal);
        Console.WriteLine($"{name}: {seeds.Count} corpus inputs from {corpusFolder}; seed {options.Seed}; {options.Executions:N0} executions; budget {options.Timeout.TotalMilliseconds:0} ms an input");
        var report = FuzzEngine.Run(target, seeds, options with
        {
            Progress = p => Console.WriteLine($"  {p.Executions,12:N0} executions  {p.Executions / Math.Max(p.Elapsed.TotalSeconds, 1e-9),8:N0}/s  corpus {p.CorpusSize}  outcomes {p.Outcomes}  findings {p.Findings}"),
            OnFinding = f =>
            {
                lock (saved)
                {
                    saved[f.Signature] = Corpus.Save(f, findingsFolder);
                    Console.WriteLine($"  NEW {f.Kind} {f.ExceptionType}: {f.Message}{Environment.NewLine}      at {f.StackTop}{Environment.NewLine}      saved {saved[f.Signature]}");
                }
            },
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {report.Executions:N0} executions in {report.Elapsed.TotalSeconds:0.0} s ({report.ExecutionsPerSecond:N0}/s), corpus {report.CorpusSize}, outcomes {report.Outcomes}, findings {report.Findings.Count}"));
        foreach (var f in report.Findings.OrderBy(f => f.Signature, StringComparer.Ordinal))
        {
            // The shortest input seen for a signature replaces the first one saved.
            var path = Corpus.Save(f, findingsFolder);
            lock (saved)
            {
                if (saved.TryGetValue(f.Signature, out var first) && first != path)
                {
                    File.Delete(first);
                    File.Delete(Path.ChangeExtension(first, ".txt"));
                }
            }

            Console.WriteLine($"  {report.Hits[f.Signature],8:N0} x {f.Kind} {f.ExceptionType} at {f.StackTop}: {f.Message} ({f.FileName}, {f.Input.Length} bytes)");
        }

        return report.Findings.Count;
    }

    private static int Replay(string name, string[] files, TimeSpan timeout)
    {
        using var target = TargetCatalog.Create(name);
        var failed = 0;
        foreach (var file in files)
        {
            var finding = FuzzEngine.RunOne(target, File.ReadAllBytes(file), timeout);
            Console.WriteLine(finding is null ? $"ok    {file}" : $"FAIL  {file}: {finding.Kind} {finding.ExceptionType}: {finding.Message} at {finding.StackTop}");
            failed += finding is null ? 0 : 1;
        }

        return failed == 0 ? 0 : 1;
    }

    /// <summary>Hands the target to SharpFuzz: every finding, oracle breaks included, is an unhandled exception there.</summary>
    private static int External(string name, bool libFuzzer)
    {
        if (name == "all")
        {
            Console.Error.WriteLine("privacy-fuzz: --afl and --libfuzzer run one target at a time.");
            return 64;
        }

        // Created on the first input: instrumented code must not run before SharpFuzz has set up coverage.
        FuzzTarget? target = null;
        if (libFuzzer)
        {
            SharpFuzz.Fuzzer.LibFuzzer.Run(span => (target ??= TargetCatalog.Create(name)).Execute(span.ToArray()));
        }
        else
        {
            SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
            {
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                (target ??= TargetCatalog.Create(name)).Execute(buffer.ToArray());
            });
        }

        return 0;
    }
}
