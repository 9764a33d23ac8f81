using Microsoft.Extensions.DependencyInjection;
using Privacy.Internal;

namespace Privacy;

/// <summary>Returned by <c>AddPrivacy()</c> so that further configuration can chain on the same registration.</summary>
public sealed class PrivacyBuilder
{
    internal PrivacyBuilder(IServiceCollection services, string name)
    {
        Services = Preconditions.CheckNotNull(services, nameof(services));
        Name = name;
    }

    /// <summary>Gets the service collection the library registered into.</summary>
    /// <value>The host's service collection.</value>
    public IServiceCollection Services { get; }

    /// <summary>Gets the name of the <see cref="PrivacyOptions"/> instance this registration configures.</summary>
    /// <value>The default options name (the empty string).</value>
    public string Name { get; }
}
