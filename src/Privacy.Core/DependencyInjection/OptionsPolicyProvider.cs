using System;
using Microsoft.Extensions.Options;
using Privacy.Compilation;

namespace Privacy.DependencyInjection;

/// <summary>Compiles the policy the options name, once, on first use.</summary>
internal sealed class OptionsPolicyProvider : IPrivacyPolicyProvider
{
    private readonly Lazy<CompiledPolicy> _policy;

    public OptionsPolicyProvider(IOptions<PrivacyOptions> options)
        => _policy = new Lazy<CompiledPolicy>(() => CompiledPolicy.Compile(PolicyCustomization.Resolve(options.Value)));

    public CompiledPolicy Current => _policy.Value;
}
