using System;
using Privacy.Compilation;

namespace Privacy;

/// <summary>The outcome of one attempt to reload the policy in force.</summary>
public sealed class PolicyReloadedEventArgs : EventArgs
{
    /// <summary>Creates the outcome.</summary>
    /// <param name="policy">The policy in force after the attempt.</param>
    /// <param name="error">Why the new version was refused; null when it took effect.</param>
    public PolicyReloadedEventArgs(CompiledPolicy policy, Exception? error)
    {
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        Error = error;
    }

    /// <summary>Gets the policy in force after the attempt: the new one, or the last good one when the new one was refused.</summary>
    /// <value>Never null.</value>
    public CompiledPolicy Policy { get; }

    /// <summary>Gets why the new version was refused.</summary>
    /// <value>Null when the new version took effect; a <see cref="Policies.PolicyValidationException"/> listing every problem for an invalid document.</value>
    public Exception? Error { get; }

    /// <summary>Gets a value indicating whether the new version took effect.</summary>
    /// <value>True when <see cref="Error"/> is null.</value>
    public bool Succeeded => Error is null;
}
