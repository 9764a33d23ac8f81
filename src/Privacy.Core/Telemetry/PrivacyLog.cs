using System;
using Microsoft.Extensions.Logging;

namespace Privacy.Telemetry;

/// <summary>The library's log messages, each with a stable event id (documented in docs/telemetry.md).</summary>
internal static partial class PrivacyLog
{
    [LoggerMessage(EventId = 1, EventName = "PolicyLoaded", Level = LogLevel.Information, Message = "Privacy policy {PolicyId} version {Version} is now in force (from {Source}).")]
    public static partial void PolicyLoaded(ILogger logger, string policyId, string version, string source);

    [LoggerMessage(EventId = 2, EventName = "PolicyRefused", Level = LogLevel.Error, Message = "The new privacy policy from {Source} was refused; policy {PolicyId} version {Version} stays in force. {Problems}")]
    public static partial void PolicyRefused(ILogger logger, Exception error, string source, string policyId, string version, string problems);

    [LoggerMessage(EventId = 3, EventName = "PolicyUnavailable", Level = LogLevel.Error, Message = "The privacy policy from {Source} could not be loaded; no policy is in force yet. {Problems}")]
    public static partial void PolicyUnavailable(ILogger logger, Exception error, string source, string problems);

    [LoggerMessage(EventId = 4, EventName = "PolicyWatchFailed", Level = LogLevel.Warning, Message = "Cannot watch the privacy policy document {Path} for changes; call IPrivacyPolicyProvider.Reload() or restart the host to reload it.")]
    public static partial void PolicyWatchFailed(ILogger logger, Exception error, string path);

    [LoggerMessage(EventId = 5, EventName = "PolicyUnchanged", Level = LogLevel.Debug, Message = "The privacy policy document {Path} was touched but its content is unchanged; nothing to reload.")]
    public static partial void PolicyUnchanged(ILogger logger, string path);

    [LoggerMessage(EventId = 6, EventName = "PolicySettling", Level = LogLevel.Debug, Message = "The privacy policy document {Path} does not load yet; checking again once it has settled (it may still be being written).")]
    public static partial void PolicySettling(ILogger logger, string path);
}
