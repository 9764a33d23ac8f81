using Privacy.Compilation;

namespace Privacy;

/// <summary>Supplies the compiled policy in force. Registered by <c>AddPrivacy()</c>.</summary>
/// <remarks>Implementations are thread-safe; <see cref="Current"/> always returns a whole policy.</remarks>
public interface IPrivacyPolicyProvider
{
    /// <summary>Gets the compiled policy in force.</summary>
    /// <value>Never null.</value>
    CompiledPolicy Current { get; }
}
