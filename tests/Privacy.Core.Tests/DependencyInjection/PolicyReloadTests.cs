using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Privacy.DependencyInjection;
using Privacy.Policies;
using Privacy.Tests.Documents;

namespace Privacy.Tests.DependencyInjection;

/// <summary>Configuration binding, and reloading a policy document while decisions are being made.</summary>
public sealed class PolicyReloadTests : IDisposable
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 1, 9, 0);
    private readonly string _directory = Directory.CreateTempSubdirectory("privacy-reload-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PolicyPath => Path.Combine(_directory, "policy.json");

    /// <summary>Version 1 is the minimal document; version 2 moves email from service to marketing and changes every clause cited.</summary>
    private static string Version(int version)
    {
        var node = JsonNode.Parse(File.ReadAllText(DocumentFixtures.Minimal))!;
        node["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (version == 2)
        {
            node["rules"]![1]!["purposes"]![0] = "marketing";
            node["rules"]![1]!["clause"] = "marketing";
            node["rules"]![2]!["clause"] = "use.service";
            node["defaults"]!["use"] = "rights.erasure";
            node["defaults"]!["collect"] = "rights.erasure";
        }

        return node.ToJsonString();
    }

    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    private (ServiceProvider Provider, IConfigurationRoot Configuration, ListLogger Log) Host(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var log = new ListLogger();
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(Now)).AddSingleton<ILogger<OptionsPolicyProvider>>(log);
        services.AddPrivacy(configuration.GetSection("Privacy"));
        return (services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), configuration, log);
    }

    [Fact]
    public void AddPrivacy_FromConfiguration_BindsEverySetting()
    {
        File.WriteAllText(PolicyPath, Version(1));
        var (provider, _, _) = Host(new()
        {
            ["Privacy:Policy"] = PolicyPath,
            ["Privacy:TimeZone"] = "UTC",
            ["Privacy:ErasurePeriod"] = "P2M",
            ["Privacy:Retention:personal.email"] = "P3M",
        });
        using (provider)
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            var policy = provider.GetRequiredService<IPrivacyPolicyProvider>().Current.Policy;
            Assert.Equal("acme", policy.Id);
            Assert.Equal("UTC", policy.TimeZoneId);
            Assert.Equal(Period.FromMonths(2), policy.ErasurePeriod.Calendar);
            Assert.Equal(Period.FromMonths(3), policy.RetentionRules.Single(r => r.Category.Value == "personal.email").Period.Calendar);
        }
    }

    [Theory]
    [InlineData("Privacy:ErasurePeriod", "a month", "ErasurePeriod")]
    [InlineData("Privacy:Retention:personal", "6 months", "Retention:personal")]
    [InlineData("Privacy:Policy", "no-such-dir/policy.json", "unreadable")]
    public void AddPrivacy_FromConfiguration_InvalidSetting_FailsAtStartNamingIt(string key, string value, string named)
    {
        var (provider, _, _) = Host(new() { [key] = value });
        using (provider)
        {
            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
            Assert.Contains(named, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AddPrivacy_InvalidDocumentAtStart_ListsItsProblems()
    {
        File.Copy(DocumentFixtures.Here("Documents", "Broken", "unknown-category.json"), PolicyPath);
        var (provider, _, _) = Host(new() { ["Privacy:Policy"] = PolicyPath });
        using (provider)
        {
            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
            Assert.Contains("/rules/1/categories/0", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ConfigurationChange_SwitchesThePolicy_AndRaisesReloaded()
    {
        File.WriteAllText(PolicyPath, Version(1));
        var (provider, configuration, _) = Host(new() { ["Privacy:Policy"] = "builtin:ismartviewpro-2018" });
        using (provider)
        {
            var policies = provider.GetRequiredService<IPrivacyPolicyProvider>();
            Assert.Equal("ismartviewpro-2018", policies.Current.PolicyId);
            var outcomes = new List<PolicyReloadedEventArgs>();
            policies.Reloaded += (_, e) => outcomes.Add(e);

            configuration["Privacy:Policy"] = PolicyPath;
            configuration.Reload();

            Assert.Equal("acme", policies.Current.PolicyId);
            Assert.True(Assert.Single(outcomes).Succeeded);
            Assert.Null(policies.LastReloadError);
        }
    }

    [Fact]
    public void InvalidNewVersion_IsRefused_LastGoodStays_AndTheFailureIsLoggedAndObservable()
    {
        File.WriteAllText(PolicyPath, Version(1));
        var (provider, configuration, log) = Host(new() { ["Privacy:Policy"] = PolicyPath });
        using (provider)
        {
            var policies = provider.GetRequiredService<IPrivacyPolicyProvider>();
            var good = policies.Current;
            var outcomes = new List<PolicyReloadedEventArgs>();
            policies.Reloaded += (_, e) => outcomes.Add(e);

            WriteAtomically(PolicyPath, File.ReadAllText(DocumentFixtures.Here("Documents", "Broken", "unknown-clause.json")));
            Assert.False(((OptionsPolicyProvider)policies).Reload());

            Assert.Same(good, policies.Current);
            var error = Assert.IsType<PolicyValidationException>(policies.LastReloadError);
            Assert.Contains(error.Problems, p => p.Code == "unknown-clause" && p.Path == "/rules/1/clause");
            Assert.Contains(outcomes, o => !o.Succeeded && ReferenceEquals(o.Policy, good));
            Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("refused", StringComparison.Ordinal));

            // An invalid configuration value after the start is refused the same way, without breaking the options system.
            configuration["Privacy:TimeZone"] = "Mars/Olympus";
            configuration.Reload();
            Assert.Same(good, policies.Current);
            Assert.IsType<PolicyValidationException>(policies.LastReloadError);
        }
    }

    [Fact]
    public void ChangedFile_IsReloadedByTheWatcher()
    {
        File.WriteAllText(PolicyPath, Version(1));
        var (provider, _, _) = Host(new() { ["Privacy:Policy"] = PolicyPath });
        using (provider)
        {
            var policies = provider.GetRequiredService<IPrivacyPolicyProvider>();
            Assert.Equal("1", policies.Current.Policy.Version);
            using var reloaded = new ManualResetEventSlim();
            policies.Reloaded += (_, e) =>
            {
                if (e.Succeeded && e.Policy.Policy.Version == "2")
                {
                    reloaded.Set();
                }
            };

            WriteAtomically(PolicyPath, Version(2));
            Assert.True(reloaded.Wait(TimeSpan.FromSeconds(20)), "The file watcher did not report the change.");
            Assert.Equal("2", policies.Current.Policy.Version);
        }
    }

    [Fact]
    public async Task ReloadUnderLoad_EveryDecisionComesFromOneWholePolicy()
    {
        File.WriteAllText(PolicyPath, Version(1));
        var (provider, _, _) = Host(new() { ["Privacy:Policy"] = PolicyPath });
        using (provider)
        {
            var policies = (OptionsPolicyProvider)provider.GetRequiredService<IPrivacyPolicyProvider>();
            var evaluator = provider.GetRequiredService<IPrivacyEvaluator>();
            var v1 = Privacy.Compilation.CompiledPolicy.Compile(PolicyDocument(1));
            var v2 = Privacy.Compilation.CompiledPolicy.Compile(PolicyDocument(2));
            var expected1 = DocumentFixtures.Sweep(v1, v1.Policy, 3).ToList();
            var expected2 = DocumentFixtures.Sweep(v2, v2.Policy, 3).ToList();
            Assert.NotEqual(expected1, expected2);

            var failures = new ConcurrentQueue<string>();
            var decided = 0L;
            using var done = new CancellationTokenSource();
            var deciders = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
            {
                do
                {
                    var actual = DocumentFixtures.Sweep(evaluator, v1.Policy, 3).ToList();
                    for (var i = 0; i < actual.Count; i++)
                    {
                        if (actual[i] != expected1[i] && actual[i] != expected2[i])
                        {
                            failures.Enqueue($"{actual[i].Request}: {actual[i].Decision}");
                        }
                    }

                    Interlocked.Add(ref decided, actual.Count);
                }
                while (!done.IsCancellationRequested);
            })).ToArray();

            // Let the deciders get going, so the reloads below happen while decisions are being made.
            Assert.True(SpinWait.SpinUntil(() => Interlocked.Read(ref decided) > 0, TimeSpan.FromSeconds(30)));

            var versions = new HashSet<string>();
            for (var round = 0; round < 40; round++)
            {
                var text = round % 5 == 4 ? "{ \"formatVersion\": 1, \"id\": " : Version(1 + (round % 2));
                WriteAtomically(PolicyPath, text);
                policies.Reload();
                versions.Add(policies.Current.Policy.Version);
            }

            done.Cancel();
            await Task.WhenAll(deciders);
            Assert.Empty(failures);
            Assert.True(decided > 0);
            Assert.Equal(["1", "2"], versions.Order());
        }
    }

    [Theory]
    [InlineData("effectiveFrom", "\"9999-12-31T23:59:59-18:00\"")]
    [InlineData("effectiveFrom", "\"9999-12-31T23:59:59+19:00\"")]
    [InlineData("effectiveFrom", "\"-9999-01-01T00:00:00Z\"")]
    [InlineData("id", "\"\\ud800\"")]
    [InlineData("version", "\"\\udfff-lone\"")]
    public void ThrowingNewVersion_IsRefusedLoggedAndReported_AndLaterVersionsStillReload(string field, string rawJson)
    {
        File.WriteAllText(PolicyPath, Version(1));
        var (provider, _, log) = Host(new() { ["Privacy:Policy"] = PolicyPath });
        using (provider)
        {
            var policies = provider.GetRequiredService<IPrivacyPolicyProvider>();
            var good = policies.Current;

            var node = JsonNode.Parse(Version(2))!;
            node[field] = "@placeholder@";
            WriteAtomically(PolicyPath, node.ToJsonString().Replace("\"@placeholder@\"", rawJson, StringComparison.Ordinal));
            Assert.False(((OptionsPolicyProvider)policies).Reload());

            Assert.Same(good, policies.Current);
            Assert.NotNull(policies.LastReloadError);
            Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("refused", StringComparison.Ordinal));

            WriteAtomically(PolicyPath, Version(2));
            Assert.True(((OptionsPolicyProvider)policies).Reload());
            Assert.Equal("2", policies.Current.Policy.Version);
            Assert.Null(policies.LastReloadError);
        }
    }

    [Fact]
    public async Task ThrowingVersionOnDisk_IsReportedByTheWatcher_AndTheNextGoodVersionStillLoads()
    {
        File.WriteAllText(PolicyPath, Version(1));
        var (provider, _, log) = Host(Watched(PolicyPath));
        using (provider)
        {
            var policies = provider.GetRequiredService<IPrivacyPolicyProvider>();
            var good = policies.Current;
            var refused = Outcome(policies, e => !e.Succeeded);

            WriteAtomically(PolicyPath, Version(2).Replace("\"acme\"", "\"acme\\ud800\"", StringComparison.Ordinal));
            var outcome = await refused.WaitAsync(Timeout);
            Assert.Same(good, outcome.Policy);
            Assert.Same(outcome.Error, policies.LastReloadError);
            Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("refused", StringComparison.Ordinal));

            var loaded = Outcome(policies, e => e.Succeeded && e.Policy.Policy.Version == "2");
            WriteAtomically(PolicyPath, Version(2));
            await loaded.WaitAsync(Timeout);
            Assert.Equal("2", policies.Current.Policy.Version);
            Assert.Null(policies.LastReloadError);
        }
    }

    [Fact]
    public async Task FifoAsPolicyPath_IsRefusedAtOnce_AndDoesNotHoldTheReloadLock()
    {
        Assert.False(OperatingSystem.IsWindows(), "FIFOs are a Unix matter; this test runs on Linux and macOS.");
        File.WriteAllText(PolicyPath, Version(1));
        var fifo = Path.Combine(_directory, "policy.fifo");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var (provider, configuration, _) = Host(Watched(PolicyPath));
        using (provider)
        {
            var policies = provider.GetRequiredService<IPrivacyPolicyProvider>();
            var good = policies.Current;

            configuration["Privacy:Policy"] = fifo;
            await Task.Run(configuration.Reload).WaitAsync(Timeout);
            Assert.Same(good, policies.Current);
            var error = Assert.IsType<PolicyValidationException>(policies.LastReloadError);
            Assert.Contains(error.Problems, p => p.Code == "unreadable" && p.Message.Contains("not a regular file", StringComparison.Ordinal));

            // The lock is free: the next reload goes through at once.
            Assert.False(await Task.Run(policies.Reload).WaitAsync(Timeout));
            WriteAtomically(PolicyPath, Version(2));
            configuration["Privacy:Policy"] = PolicyPath;
            await Task.Run(configuration.Reload).WaitAsync(Timeout);
            Assert.Equal("2", policies.Current.Policy.Version);
            Assert.Null(policies.LastReloadError);
        }
    }

    [Fact]
    public async Task InPlaceWrite_IsReloaded_WithoutAFalseRefusal()
    {
        File.WriteAllText(PolicyPath, Version(1));
        var (provider, _, log) = Host(Watched(PolicyPath));
        using (provider)
        {
            var policies = provider.GetRequiredService<IPrivacyPolicyProvider>();
            Assert.Equal("1", policies.Current.Policy.Version);
            var failures = Failures(policies);
            var loaded = Outcome(policies, e => e.Succeeded && e.Policy.Policy.Version == "2");

            File.WriteAllText(PolicyPath, Version(2));

            await loaded.WaitAsync(Timeout);
            Assert.Empty(failures);
            Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
        }
    }

    [Fact]
    public async Task TruncateThenWriteInTwoFlushes_IsReloadedOnce_WithoutAFalseRefusal()
    {
        File.WriteAllText(PolicyPath, Version(1));
        var (provider, _, log) = Host(Watched(PolicyPath));
        using (provider)
        {
            var policies = provider.GetRequiredService<IPrivacyPolicyProvider>();
            Assert.Equal("1", policies.Current.Policy.Version);
            var failures = Failures(policies);
            var loaded = Outcome(policies, e => e.Succeeded && e.Policy.Policy.Version == "2");

            var bytes = System.Text.Encoding.UTF8.GetBytes(Version(2));
            using (var file = new FileStream(PolicyPath, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite))
            {
                file.Flush(flushToDisk: true);
                file.Write(bytes, 0, bytes.Length / 2);
                file.Flush(flushToDisk: true);
                file.Write(bytes, bytes.Length / 2, bytes.Length - (bytes.Length / 2));
            }

            await loaded.WaitAsync(Timeout);
            Assert.Equal("2", policies.Current.Policy.Version);
            Assert.Empty(failures);
            Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
        }
    }

    [Fact]
    public async Task RenameAwayThenWriteNew_AsVimSaves_IsReloaded_WithoutAFalseRefusal()
    {
        File.WriteAllText(PolicyPath, Version(1));
        var (provider, _, log) = Host(Watched(PolicyPath));
        using (provider)
        {
            var policies = provider.GetRequiredService<IPrivacyPolicyProvider>();
            Assert.Equal("1", policies.Current.Policy.Version);
            var failures = Failures(policies);
            var loaded = Outcome(policies, e => e.Succeeded && e.Policy.Policy.Version == "2");

            File.Move(PolicyPath, PolicyPath + "~");
            File.WriteAllText(PolicyPath, Version(2));
            File.Delete(PolicyPath + "~");

            await loaded.WaitAsync(Timeout);
            Assert.Empty(failures);
            Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
        }
    }

    [Fact]
    public async Task ConfigMapSymlinkSwap_IsReloaded()
    {
        // The layout Kubernetes gives a mounted ConfigMap: policy.json -> ..data/policy.json, ..data -> ..<timestamp>.
        Directory.CreateDirectory(Path.Combine(_directory, "..2026_03_01_v1"));
        Directory.CreateDirectory(Path.Combine(_directory, "..2026_03_02_v2"));
        File.WriteAllText(Path.Combine(_directory, "..2026_03_01_v1", "policy.json"), Version(1));
        File.WriteAllText(Path.Combine(_directory, "..2026_03_02_v2", "policy.json"), Version(2));
        Directory.CreateSymbolicLink(Path.Combine(_directory, "..data"), "..2026_03_01_v1");
        File.CreateSymbolicLink(PolicyPath, Path.Combine("..data", "policy.json"));

        var (provider, _, log) = Host(Watched(PolicyPath));
        using (provider)
        {
            var policies = provider.GetRequiredService<IPrivacyPolicyProvider>();
            Assert.Equal("1", policies.Current.Policy.Version);
            var failures = Failures(policies);
            var loaded = Outcome(policies, e => e.Succeeded && e.Policy.Policy.Version == "2");

            // The atomic swap: a new link beside the old one, renamed over it (rename(2) replaces it in one step).
            var temporary = Path.Combine(_directory, "..data_tmp");
            Directory.CreateSymbolicLink(temporary, "..2026_03_02_v2");
            Assert.Equal(0, Rename(temporary, Path.Combine(_directory, "..data")));
            Directory.Delete(Path.Combine(_directory, "..2026_03_01_v1"), recursive: true);

            await loaded.WaitAsync(Timeout);
            Assert.Equal("2", policies.Current.Policy.Version);
            Assert.Empty(failures);
            Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
        }
    }

    [Fact]
    public void RelativePolicyPath_IsResolvedAgainstTheHostsContentRoot()
    {
        File.WriteAllText(PolicyPath, Version(2));
        var services = new ServiceCollection()
            .AddSingleton<IClock>(new FakeClock(Now))
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new TestEnvironment(_directory));
        services.AddPrivacy(o => o.Policy = "policy.json");
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal("2", provider.GetRequiredService<IPrivacyPolicyProvider>().Current.Policy.Version);
        Assert.Equal(_directory, provider.GetRequiredService<IOptions<PrivacyOptions>>().Value.ContentRoot);
    }

    [Fact]
    public void RelativePolicyPath_ContentRootOption_WinsOverTheHost()
    {
        var other = Directory.CreateDirectory(Path.Combine(_directory, "config")).FullName;
        File.WriteAllText(Path.Combine(other, "policy.json"), Version(2));
        var services = new ServiceCollection()
            .AddSingleton<IClock>(new FakeClock(Now))
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new TestEnvironment(_directory));
        services.AddPrivacy(o =>
        {
            o.Policy = "policy.json";
            o.ContentRoot = other;
        });
        using var provider = services.BuildServiceProvider();

        Assert.Equal("2", provider.GetRequiredService<IPrivacyPolicyProvider>().Current.Policy.Version);
    }

    [Fact]
    public void Reload_ThroughTheInterface_PicksUpTheDocumentAtOnce()
    {
        File.WriteAllText(PolicyPath, Version(1));
        var (provider, _, _) = Host(new() { ["Privacy:Policy"] = PolicyPath, ["Privacy:PolicyReloadDelay"] = "01:00:00" });
        using (provider)
        {
            IPrivacyPolicyProvider policies = provider.GetRequiredService<IPrivacyPolicyProvider>();
            Assert.Equal("1", policies.Current.Policy.Version);
            File.WriteAllText(PolicyPath, Version(2));

            Assert.True(policies.Reload());
            Assert.Equal("2", policies.Current.Policy.Version);
        }
    }

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>rename(2), which replaces a symbolic link in one step (File.Move follows the link to a directory and refuses).</summary>
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string from, [System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string to);

    private static Dictionary<string, string?> Watched(string path) => new() { ["Privacy:Policy"] = path, ["Privacy:PolicyReloadDelay"] = "00:00:00.100" };

    /// <summary>Completes with the first reload outcome that matches.</summary>
    private static Task<PolicyReloadedEventArgs> Outcome(IPrivacyPolicyProvider policies, Func<PolicyReloadedEventArgs, bool> match)
    {
        var outcome = new TaskCompletionSource<PolicyReloadedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        policies.Reloaded += (_, e) =>
        {
            if (match(e))
            {
                outcome.TrySetResult(e);
            }
        };
        return outcome.Task;
    }

    private static ConcurrentQueue<Exception> Failures(IPrivacyPolicyProvider policies)
    {
        var failures = new ConcurrentQueue<Exception>();
        policies.Reloaded += (_, e) =>
        {
            if (e.Error is { } error)
            {
                failures.Enqueue(error);
            }
        };
        return failures;
    }

    private sealed class TestEnvironment(string root) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "Privacy.Tests";

        public string ContentRootPath { get; set; } = root;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    private static PrivacyPolicy PolicyDocument(int version) => Privacy.Documents.PolicyDocument.Parse(Version(version));

    /// <summary>Collects log entries, for the assertions above.</summary>
    private sealed class ListLogger : ILogger<OptionsPolicyProvider>
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
