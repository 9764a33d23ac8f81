using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Privacy.Internal;

namespace Privacy;

/// <summary>
/// Reports whether a privacy policy is in force and the last reload succeeded. Register it with
/// <c>services.AddHealthChecks().AddCheck&lt;PrivacyPolicyHealthCheck&gt;("privacy-policy")</c>.
/// </summary>
/// <remarks>
/// <para>Healthy: a policy is in force and the last reload (if any) succeeded. Degraded: the last reload was
/// refused, so the last good policy is still deciding, but the document on disk is not what is in force.
/// Unhealthy: no policy can be loaded, so every decision fails.</para>
/// <para>The data carry <c>policyId</c>, <c>version</c> and, after a refusal, <c>lastReloadError</c>.
/// Depends only on the health-check abstractions, so the library does not bring ASP.NET Core along.
/// Thread-safe.</para>
/// </remarks>
public sealed class PrivacyPolicyHealthCheck : IHealthCheck
{
    private readonly IPrivacyPolicyProvider _policies;

    /// <summary>Creates the check.</summary>
    /// <param name="policies">The policy provider <c>AddPrivacy()</c> registered.</param>
    public PrivacyPolicyHealthCheck(IPrivacyPolicyProvider policies) => _policies = Preconditions.CheckNotNull(policies, nameof(policies));

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Compilation.CompiledPolicy policy;
        try
        {
            policy = _policies.Current;
        }
        catch (Exception e) when (!DependencyInjection.OptionsPolicyProvider.IsFatal(e))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("No privacy policy is in force: " + e.Message, e));
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["policyId"] = policy.PolicyId,
            ["version"] = policy.Policy.Version,
        };
        if (_policies.LastReloadError is { } error)
        {
            data["lastReloadError"] = error.Message;
            return Task.FromResult(HealthCheckResult.Degraded($"The last privacy policy reload was refused; {policy.PolicyId} version {policy.Policy.Version} stays in force.", error, data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"Privacy policy {policy.PolicyId} version {policy.Policy.Version} is in force.", data));
    }
}
