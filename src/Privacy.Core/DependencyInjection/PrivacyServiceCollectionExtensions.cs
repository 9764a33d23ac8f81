using System;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using Privacy;
using Privacy.DependencyInjection;
using Privacy.Internal;
using Privacy.Rights;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Privacy policy engine in a host's service collection.</summary>
public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPrivacyEvaluator"/>, <see cref="IPrivacyGate"/>, <see cref="IRightsPlanner"/>,
    /// <see cref="ISuppressionList"/>, <see cref="IPrivacyPolicyProvider"/>, the version and breach planners
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

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<PrivacyOptions>, ContentRootConfiguration>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>());
#pragma warning disable RS0030 // The DI default is the one place the system clock is allowed.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton<PolicyReloadState>();
        services.TryAddSingleton<IPrivacyPolicyProvider, OptionsPolicyProvider>();
        services.TryAddSingleton<IPrivacyEvaluator, ProviderEvaluator>();
        services.TryAddSingleton<PrivacyPolicyHealthCheck>();
        services.TryAddSingleton<IPrivacyGate, ClockedPrivacyGate>();
        services.TryAddSingleton<ISuppressionList>(sp => sp.GetRequiredService<IOptions<PrivacyOptions>>().Value is { SuppressionKey: { } key } options
            ? new SuppressionList(ContactHasher.FromText(key, options.SuppressionKeyId), options.PreviousSuppressionKeys.Select(p => ContactHasher.FromText(p.Value, p.Key)))
            : new UnconfiguredSuppressionList());
        services.TryAddSingleton<IRightsPlanner>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PrivacyOptions>>().Value;
            return new RightsPlanner(
                sp.GetRequiredService<IPrivacyPolicyProvider>(),
                options.Rights,
                options.SuppressionKey is { } key ? ContactHasher.FromText(key, options.SuppressionKeyId) : null);
        });
        services.TryAddSingleton<Privacy.Versioning.IPolicyDiffer>(Privacy.Versioning.PolicyDiffer.Instance);
        services.TryAddSingleton<Privacy.Versioning.IChangeNoticePlanner>(sp => new Privacy.Versioning.ChangeNoticePlanner(sp.GetRequiredService<Privacy.Versioning.IPolicyDiffer>()));
        services.TryAddSingleton<Privacy.Breach.IBreachPlanner>(_ => new Privacy.Breach.BreachPlanner());
        return new PrivacyBuilder(services, options.Name);
    }

    /// <summary>
    /// Registers the engine as <see cref="AddPrivacy(IServiceCollection, Action{PrivacyOptions})"/> does, with
    /// <see cref="PrivacyOptions"/> bound from a configuration section, and reloads the policy when the
    /// section changes.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">
    /// The section, such as <c>configuration.GetSection("Privacy")</c>, with the keys <c>Policy</c>
    /// (<c>builtin:ID</c> or the path of a policy document), <c>TimeZone</c> (a tz id),
    /// <c>ErasurePeriod</c> (ISO-8601, such as <c>P1M</c>) and <c>Retention</c> (a map from category id
    /// to ISO-8601 period).
    /// </param>
    /// <param name="configure">Further configuration applied after binding; may be null.</param>
    /// <returns>A builder for further configuration.</returns>
    /// <remarks>
    /// A value that does not parse fails the start, naming the key. After the start, a change to the
    /// section or to the policy document is reloaded; an invalid new version is refused and logged,
    /// the last good policy stays in force, and <see cref="IPrivacyPolicyProvider.LastReloadError"/> says why.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static PrivacyBuilder AddPrivacy(this IServiceCollection services, IConfiguration configuration, Action<PrivacyOptions>? configure = null)
    {
        Preconditions.CheckNotNull(services, nameof(services));
        Preconditions.CheckNotNull(configuration, nameof(configuration));
        var builder = services.AddPrivacy(options => PrivacyConfiguration.Bind(configuration, options));
        if (configure is not null)
        {
            services.Configure(builder.Name, configure);
        }

        services.AddSingleton<IOptionsChangeTokenSource<PrivacyOptions>>(new ConfigurationChangeTokenSource<PrivacyOptions>(builder.Name, configuration));
        return builder;
    }
}
