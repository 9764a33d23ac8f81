using System.IO;
using Privacy.BuiltIn;
using Privacy.Compilation;

namespace Privacy.Cli;

/// <summary>Resolves the <c>--policy</c> option: <c>builtin:ID</c> or the path of a policy document.</summary>
internal static class PolicyReference
{
    public const string Default = BuiltInPolicies.Prefix + BuiltInPolicies.IsmartviewPro2018Id;

    /// <summary>Loads and compiles the policy, or explains on <paramref name="error"/> why it cannot.</summary>
    public static CompiledPolicy? TryLoad(string reference, TextWriter error)
    {
        if (reference.StartsWith(BuiltInPolicies.Prefix, System.StringComparison.Ordinal))
        {
            if (BuiltInPolicies.TryGet(reference, out var builtIn))
            {
                return reference == Default ? BuiltInPolicies.IsmartviewPro2018Compiled : CompiledPolicy.Compile(builtIn);
            }

            error.WriteLine($"privacy: unknown built-in policy '{reference}'; built-in policies: {string.Join(", ", BuiltInPolicies.Ids)}.");
            return null;
        }

        if (!File.Exists(reference))
        {
            error.WriteLine($"privacy: cannot load policy '{reference}': no such file, and not a builtin: reference (try {Default}).");
            return null;
        }

        error.WriteLine($"privacy: cannot load policy '{reference}': this build reads only builtin: policies.");
        return null;
    }
}
