using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using Privacy;
using Privacy.DependencyInjection;
using Privacy.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Privacy policy engine in a host's service collection.</summary>
public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPrivacyEvaluator"/>, <see cref="IPrivacyGate"/>,
    /// <see cref="IPrivacyPolicyProvider"/>, the version and breach planners
    /// (<see cref="Privacy.Versioning.IPolicyDiffer"/>, <see cref="Privacy.Versioning.IChangeNoticePlanner"/>,
    /// <see cref="Privacy.Breach.IBreachPlanner"/>), validated <see cref="PrivacyOptions"/> and, unless the
    /// host registered one, NodaTime's system <see cref="IClock"/>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Configures the options; the built-in policy applies when nothing is set.</param>
    /// <returns>A builder for further configuration.</returns>
    /// <remarks>
    /// Every registration uses <c>TryAdd</c>, so a host can replace any of them, such as the clock with
    /// NodaTime.Testing's <c>FakeClock</c>. Options are validated when the host starts; an invalid
    /// setting fails the start with a message naming it. Calling this more than once is harmless.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static PrivacyBuilder AddPrivacy(this IServiceCollection services, Action<PrivacyOptions>? configure = null)
    {
        Preconditions.CheckNotNull(services, nameof(services));
        var options = services.AddOptions<PrivacyOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>());
#pragma warning disable RS0030 // The DI default is the one place the system clock is allowed.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton<IPrivacyPolicyProvider, OptionsPolicyProvider>();
        services.TryAddSingleton<IPrivacyEvaluator, ProviderEvaluator>();
        services.TryAddSingleton<IPrivacyGate, ClockedPrivacyGate>();
        services.TryAddSingleton<Privacy.Versioning.IPolicyDiffer>(Privacy.Versioning.PolicyDiffer.Instance);
        services.TryAddSingleton<Privacy.Versioning.IChangeNoticePlanner>(sp => new Privacy.Versioning.ChangeNoticePlanner(sp.GetRequiredService<Privacy.Versioning.IPolicyDiffer>()));
        services.TryAddSingleton<Privacy.Breach.IBreachPlanner>(_ => new Privacy.Breach.BreachPlanner());
        return new PrivacyBuilder(services, options.Name);
    }
}
