using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Policies;

namespace Privacy.DependencyInjection;

/// <summary>
/// Compiles the policy the options name on first use, and again whenever the options change or the
/// policy document on disk changes. A new version replaces the old one with a single reference
/// write, so a decision sees either the old policy or the new one, never a mixture; an invalid
/// version is refused and logged, and the last good policy stays in force.
/// </summary>
internal sealed class OptionsPolicyProvider : IPrivacyPolicyProvider, IDisposable
{
    private readonly IOptionsMonitor<PrivacyOptions> _options;
    private readonly ILogger _logger;
    private readonly PolicyReloadState _state;
    private readonly IDisposable? _subscription;
    private readonly object _gate = new();
    private CompiledPolicy? _current;
    private Exception? _lastError;
    private FileSystemWatcher? _watcher;
    private string? _watchedPath;
    private bool _disposed;

    public OptionsPolicyProvider(IOptionsMonitor<PrivacyOptions> options, ILogger<OptionsPolicyProvider>? logger = null, PolicyReloadState? state = null)
    {
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _state = state ?? new PolicyReloadState();
        _subscription = options.OnChange((value, name) =>
        {
            if (string.Equals(name ?? Options.DefaultName, Options.DefaultName, StringComparison.Ordinal))
            {
                Reload(value);
            }
        });
    }

    public event EventHandler<PolicyReloadedEventArgs>? Reloaded;

    public CompiledPolicy Current => Volatile.Read(ref _current) ?? Initialize();

    public Exception? LastReloadError => Volatile.Read(ref _lastError);

    /// <summary>Reloads the policy from the current options (and document) now.</summary>
    /// <returns>True when a new version took effect; false when it was refused.</returns>
    public bool Reload() => Reload(_options.CurrentValue);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _watcher?.Dispose();
            _watcher = null;
        }

        _subscription?.Dispose();
    }

    private CompiledPolicy Initialize()
    {
        lock (_gate)
        {
            if (_current is null)
            {
                var options = _options.CurrentValue;
                Volatile.Write(ref _current, Compile(options));
                _state.HasPolicy = true;
                Watch(options);
            }

            return _current;
        }
    }

    private static CompiledPolicy Compile(PrivacyOptions options) => CompiledPolicy.Compile(PolicyCustomization.Resolve(options));

    private bool Reload(PrivacyOptions options)
    {
        CompiledPolicy inForce;
        Exception? error = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            try
            {
                var compiled = Compile(options);
                Volatile.Write(ref _current, compiled);
                Volatile.Write(ref _lastError, null);
                _state.HasPolicy = true;
                inForce = compiled;
                _logger.LogInformation("Privacy policy {PolicyId} version {Version} is now in force (from {Source}).", compiled.PolicyId, compiled.Policy.Version, Source(options));
            }
            catch (Exception e) when (e is PolicyValidationException or KeyNotFoundException or ArgumentException or IOException or UnauthorizedAccessException or FormatException)
            {
                error = e;
                Volatile.Write(ref _lastError, e);
                if (_current is null)
                {
                    // Nothing good to fall back on: the first use will report the problem.
                    _logger.LogError(e, "The privacy policy from {Source} could not be loaded; no policy is in force yet.", Source(options));
                    Watch(options);
                    return false;
                }

                inForce = _current;
                _logger.LogError(e, "The new privacy policy from {Source} was refused; policy {PolicyId} version {Version} stays in force. {Problems}", Source(options), inForce.PolicyId, inForce.Policy.Version, e.Message);
            }

            Watch(options);
        }

        Reloaded?.Invoke(this, new PolicyReloadedEventArgs(inForce, error));
        return error is null;
    }

    private static string Source(PrivacyOptions options) => options.PolicyInstance is not null ? "a policy instance" : options.Policy;

    /// <summary>Watches the policy document the options name, if any; called under the lock.</summary>
    private void Watch(PrivacyOptions options)
    {
        var path = options.PolicyInstance is null && !options.Policy.StartsWith(BuiltInPolicies.Prefix, StringComparison.Ordinal)
            ? Path.GetFullPath(options.Policy)
            : null;
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
            var watcher = new FileSystemWatcher(directory, Path.GetFileName(path))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            watcher.Changed += (_, _) => Reload();
            watcher.Created += (_, _) => Reload();
            watcher.Renamed += (_, e) =>
            {
                if (string.Equals(e.FullPath, path, StringComparison.Ordinal))
                {
                    Reload();
                }
            };
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "Cannot watch the privacy policy document {Path} for changes; restart the host or change the options to reload it.", path);
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
