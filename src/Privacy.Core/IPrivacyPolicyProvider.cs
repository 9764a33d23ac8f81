using System;
using Privacy.Compilation;

namespace Privacy;

/// <summary>Supplies the compiled policy in force. Registered by <c>AddPrivacy()</c>.</summary>
/// <remarks>
/// Implementations are thread-safe; <see cref="Current"/> always returns a whole policy. The
/// library's own provider reloads the policy when the options or the policy document change: a valid
/// new version replaces the old one in a single step, an invalid one is refused and the last good
/// policy stays in force (see <see cref="LastReloadError"/> and <see cref="Reloaded"/>).
/// </remarks>
public interface IPrivacyPolicyProvider
{
    /// <summary>Gets the compiled policy in force.</summary>
    /// <value>Never null.</value>
    CompiledPolicy Current { get; }

    /// <summary>Gets why the last reload was refused.</summary>
    /// <value>Null when the last reload succeeded, or none was tried; a provider that never reloads always returns null.</value>
    Exception? LastReloadError => null;

    /// <summary>Reloads the policy now from the current options and policy document, without waiting for a change to be noticed.</summary>
    /// <returns>
    /// True when the policy in force is the one the options and document describe; false when the new version
    /// was refused (see <see cref="LastReloadError"/>) and the last good policy stays in force. A provider that
    /// never reloads returns true.
    /// </returns>
    /// <remarks>Never throws for a bad document: the failure is logged, reported and raised through <see cref="Reloaded"/>.</remarks>
    bool Reload() => true;

    /// <summary>Raised after each reload attempt, successful or refused, on the thread that noticed the change.</summary>
    /// <remarks>A provider that never reloads never raises it.</remarks>
    event EventHandler<PolicyReloadedEventArgs>? Reloaded
    {
        add
        {
        }

        remove
        {
        }
    }
}
