using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Policies;
using Privacy.Telemetry;

namespace Privacy.DependencyInjection;

/// <summary>
/// Compiles the policy the options name on first use, and again whenever the options change, the
/// policy document on disk changes, or <see cref="Reload()"/> is called. A new version replaces the
/// old one with a single reference write, so a decision sees either the old policy or the new one,
/// never a mixture; an invalid version is refused, logged and reported, and the last good policy stays
/// in force.
/// </summary>
/// <remarks>
/// The document's directory is watched, not just the file, so that a rename over the file, an editor's
/// write-to-a-temporary-then-rename and a Kubernetes ConfigMap update (the <c>..data</c> symlink
/// repointed to a new directory) are all seen. Changes are debounced by
/// <see cref="PrivacyOptions.PolicyReloadDelay"/>, and a document that does not load is checked once more
/// after the same delay before it is reported, so an editor truncating and then writing the file never
/// causes a false refusal. A document whose bytes did not change is not reloaded.
/// <para>Why not <c>PhysicalFileProvider.Watch</c>: its watcher matches changes against the file's own name
/// and, by default, ignores dot-prefixed entries, so the rename of a ConfigMap's <c>..data</c> link is never
/// reported (the long-standing reason configuration reload misses ConfigMap updates); it would also add
/// three packages for what one <see cref="FileSystemWatcher"/> on the directory and a debounce timer do.</para>
/// </remarks>
internal sealed class OptionsPolicyProvider : IPrivacyPolicyProvider, IDisposable
{
    private readonly IOptionsMonitor<PrivacyOptions> _options;
    private readonly ILogger _logger;
    private readonly PolicyReloadState _state;
    private readonly IDisposable? _subscription;
    private readonly object _gate = new();
    private readonly Timer _debounce;
    private CompiledPolicy? _current;
    private Exception? _lastError;
    private FileSystemWatcher? _watcher;
    private string? _watchedPath;
    private byte[]? _lastContentHash;
    private byte[]? _settlingHash;
    private bool _disposed;

    public OptionsPolicyProvider(IOptionsMonitor<PrivacyOptions> options, ILogger<OptionsPolicyProvider>? logger = null, PolicyReloadState? state = null)
    {
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _state = state ?? new PolicyReloadState();
        _debounce = new Timer(static self => ((OptionsPolicyProvider)self!).OnDocumentSettled(), this, Timeout.Infinite, Timeout.Infinite);
        _subscription = options.OnChange((value, name) =>
        {
            if (string.Equals(name ?? Options.DefaultName, Options.DefaultName, StringComparison.Ordinal))
            {
                Reload(value, fromWatcher: false);
            }
        });
    }

    public event EventHandler<PolicyReloadedEventArgs>? Reloaded;

    public CompiledPolicy Current => Volatile.Read(ref _current) ?? Initialize();

    public Exception? LastReloadError => Volatile.Read(ref _lastError);

    /// <summary>Reloads the policy from the current options (and document) now.</summary>
    /// <returns>True when the policy in force is the one the options and document describe; false when the new version was refused.</returns>
    public bool Reload() => Reload(_options.CurrentValue, fromWatcher: false);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _watcher?.Dispose();
            _watcher = null;
            _debounce.Dispose();
        }

        _subscription?.Dispose();
    }

    /// <summary>Exceptions no reload may swallow: the process is in trouble, not the document.</summary>
    internal static bool IsFatal(Exception e) => e is OutOfMemoryException or StackOverflowException or AccessViolationException or ThreadAbortException;

    private CompiledPolicy Initialize()
    {
        lock (_gate)
        {
            if (_current is null)
            {
                var options = _options.CurrentValue;
                var path = PolicyCustomization.DocumentPath(options);
                var content = path is null ? null : PolicyFile.Read(path);
                var compiled = Compile(options, content);
                Volatile.Write(ref _current, compiled);
                _lastContentHash = content is null ? null : SHA256.HashData(content);
                _state.HasPolicy = true;
                Watch(path);
            }

            return _current;
        }
    }

    private static CompiledPolicy Compile(PrivacyOptions options, byte[]? content)
    {
        var policy = options.PolicyInstance ?? (content is null ? BuiltInPolicies.Get(options.Policy) : PolicyCustomization.LoadDocument(content));
        return CompiledPolicy.Compile(PolicyCustomization.Apply(options, policy));
    }

    private void OnDocumentSettled()
    {
        try
        {
            Reload(_options.CurrentValue, fromWatcher: true);
        }
        catch (Exception e) when (!IsFatal(e))
        {
            // Reload reports every failure itself; this only keeps a timer thread from taking the process down.
            Volatile.Write(ref _lastError, e);
        }
    }

    private void OnDirectoryChanged(object sender, FileSystemEventArgs e)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _debounce.Change(_options.CurrentValue.PolicyReloadDelay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private bool Reload(PrivacyOptions options, bool fromWatcher)
    {
        CompiledPolicy inForce;
        Exception? error = null;
        var source = Source(options);
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            using var activity = PrivacyTelemetry.Source.StartActivity("privacy.policy.reload");
            activity?.SetTag("privacy.policy.source", source);
            activity?.SetTag("privacy.reload.trigger", fromWatcher ? "file" : "options");
            var path = PolicyCustomization.DocumentPath(options);
            byte[]? hash = null;
            try
            {
                var content = path is null ? null : PolicyFile.Read(path);
                hash = content is null ? null : SHA256.HashData(content);
                if (fromWatcher && hash is not null && _lastContentHash is not null && hash.AsSpan().SequenceEqual(_lastContentHash))
                {
                    // Touched, or an event on a neighbour: the document the policy came from is unchanged.
                    PrivacyLog.PolicyUnchanged(_logger, path!);
                    _settlingHash = null;
                    activity?.SetTag("privacy.reload.outcome", "unchanged");
                    return _lastError is null;
                }

                var compiled = Compile(options, content);
                Volatile.Write(ref _current, compiled);
                Volatile.Write(ref _lastError, null);
                _lastContentHash = hash;
                _settlingHash = null;
                _state.HasPolicy = true;
                inForce = compiled;
                PrivacyLog.PolicyLoaded(_logger, compiled.PolicyId, compiled.Policy.Version, source);
            }
            catch (Exception e) when (!IsFatal(e))
            {
                // Whatever a document throws is refused: the last good policy stays in force, so nothing new is permitted.
                if (fromWatcher && !Same(hash, _settlingHash))
                {
                    // Perhaps half-written (truncated, or renamed away for a moment): look again once it has settled.
                    _settlingHash = hash ?? [];
                    PrivacyLog.PolicySettling(_logger, path ?? source);
                    _debounce.Change(options.PolicyReloadDelay, Timeout.InfiniteTimeSpan);
                    activity?.SetTag("privacy.reload.outcome", "settling");
                    return false;
                }

                error = e;
                _settlingHash = null;
                _lastContentHash = hash;
                Volatile.Write(ref _lastError, e);
                PrivacyTelemetry.Reloads.Add(1, new TagList { { "privacy.outcome", "failure" } });
                activity?.SetStatus(ActivityStatusCode.Error, e.Message);
                var problems = e is PolicyValidationException invalid ? string.Join(Environment.NewLine, invalid.Problems) : e.Message;
                if (_current is null)
                {
                    // Nothing good to fall back on: the first use will report the problem.
                    PrivacyLog.PolicyUnavailable(_logger, e, source, problems);
                    Watch(path);
                    return false;
                }

                inForce = _current;
                PrivacyLog.PolicyRefused(_logger, e, source, inForce.PolicyId, inForce.Policy.Version, problems);
            }

            if (error is null)
            {
                PrivacyTelemetry.Reloads.Add(1, new TagList { { "privacy.outcome", "success" } });
                activity?.SetTag("privacy.policy.id", inForce.PolicyId);
                activity?.SetTag("privacy.policy.version", inForce.Policy.Version);
            }

            Watch(path);
        }

        RaiseReloaded(new PolicyReloadedEventArgs(inForce, error));
        return error is null;
    }

    private void RaiseReloaded(PolicyReloadedEventArgs outcome)
    {
        try
        {
            Reloaded?.Invoke(this, outcome);
        }
        catch (Exception e) when (!IsFatal(e))
        {
            // A subscriber's failure is theirs; the reload itself succeeded or was reported above.
            _logger.LogWarning(e, "A Reloaded event handler threw.");
        }
    }

    private static bool Same(byte[]? a, byte[]? b) => a is null ? b is { Length: 0 } : b is not null && a.AsSpan().SequenceEqual(b);

    private static string Source(PrivacyOptions options) => options.PolicyInstance is not null ? "a policy instance" : PolicyCustomization.DocumentPath(options) ?? options.Policy;

    /// <summary>Watches the directory of the policy document, if any; called under the lock.</summary>
    private void Watch(string? path)
    {
        if (string.Equals(path, _watchedPath, StringComparison.Ordinal) || _disposed)
        {
            return;
        }

        _watcher?.Dispose();
        _watcher = null;
        _watchedPath = path;
        if (path is null || Path.GetDirectoryName(path) is not { } directory || !Directory.Exists(directory))
        {
            return;
        }

        try
        {
            // The whole directory, not only the file's name: a ConfigMap update renames "..data", and a rename
            // over the file arrives under another name first. Content hashes keep neighbours' changes cheap.
            var watcher = new FileSystemWatcher(directory)
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            watcher.Changed += OnDirectoryChanged;
            watcher.Created += OnDirectoryChanged;
            watcher.Deleted += OnDirectoryChanged;
            watcher.Renamed += OnDirectoryChanged;
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            PrivacyLog.PolicyWatchFailed(_logger, e, path);
        }
    }
}

/// <summary>
/// Shared between the provider and the options validator: once a policy is in force, invalid new
/// options are refused by the provider (which keeps the last good policy) rather than failing the
/// options system.
/// </summary>
internal sealed class PolicyReloadState
{
    private volatile bool _hasPolicy;

    public bool HasPolicy
    {
        get => _hasPolicy;
        set => _hasPolicy = value;
    }
}
