using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Privacy.DependencyInjection;

/// <summary>Sets <see cref="PrivacyOptions.ContentRoot"/> to the host's content root when the host has one and nothing else was set.</summary>
internal sealed class ContentRootConfiguration(IHostEnvironment? environment = null) : IPostConfigureOptions<PrivacyOptions>
{
    public void PostConfigure(string? name, PrivacyOptions options)
    {
        if (options.ContentRoot is null && environment?.ContentRootPath is { Length: > 0 } root)
        {
            options.ContentRoot = root;
        }
    }
}
