using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Documents;
using Privacy.Policies;

namespace Privacy.Cli;

/// <summary>Resolves the <c>--policy</c> option: <c>builtin:ID</c> or the path of a policy document.</summary>
internal static class PolicyReference
{
    public const string Default = BuiltInPolicies.Prefix + BuiltInPolicies.IsmartviewPro2018Id;

    /// <summary>Loads and compiles the policy, or explains on <paramref name="error"/> why it cannot.</summary>
    public static CompiledPolicy? TryLoad(string reference, TextWriter error)
    {
        if (BuiltInPolicies.IsBuiltInReference(reference))
        {
            return TryGetBuiltIn(reference, error, out var builtIn)
                ? reference == Default ? BuiltInPolicies.IsmartviewPro2018Compiled : CompiledPolicy.Compile(builtIn)
                : null;
        }

        if (!File.Exists(reference))
        {
            error.WriteLine($"privacy: cannot load policy '{reference}': no such file, and not a builtin: reference (try {Default}).");
            return null;
        }

        try
        {
            using var stream = InputFiles.Open(reference);
            return CompiledPolicy.Compile(PolicyDocument.Load(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"privacy: cannot load policy '{TextOutput.Escape(reference)}': {TextOutput.Escape(e.Message)}");
            return null;
        }
        catch (PolicyValidationException e)
        {
            WriteProblems(reference, e, error);
            return null;
        }
    }

    /// <summary>Finds the built-in policy a <c>builtin:ID</c> reference names, or explains on <paramref name="error"/> that there is none.</summary>
    public static bool TryGetBuiltIn(string reference, TextWriter error, [NotNullWhen(true)] out PrivacyPolicy? policy)
    {
        if (BuiltInPolicies.TryGet(reference, out policy))
        {
            return true;
        }

        error.WriteLine($"privacy: unknown built-in policy '{TextOutput.Escape(reference)}'; built-in policies: {string.Join(", ", BuiltInPolicies.Ids)}.");
        return false;
    }

    /// <summary>Lists a document's problems on standard error, one <c>pointer: message (code)</c> a line.</summary>
    public static void WriteProblems(string reference, PolicyValidationException e, TextWriter error)
    {
        error.WriteLine($"privacy: cannot load policy '{TextOutput.Escape(reference)}' ({e.Problems.Length} problem{(e.Problems.Length == 1 ? string.Empty : "s")}):");
        foreach (var problem in e.Problems)
        {
            error.WriteLine($"  {TextOutput.Escape(problem.ToString())}");
        }
    }
}
