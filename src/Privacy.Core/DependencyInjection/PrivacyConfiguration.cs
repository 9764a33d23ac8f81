using Microsoft.Extensions.Configuration;
using NodaTime;
using Privacy.Retention;

namespace Privacy.DependencyInjection;

/// <summary>Binds <see cref="PrivacyOptions"/> from configuration; periods are ISO-8601 text.</summary>
internal static class PrivacyConfiguration
{
    public static void Bind(IConfiguration section, PrivacyOptions options)
    {
        if (section[nameof(PrivacyOptions.Policy)] is { } policy)
        {
            options.Policy = policy;
        }

        if (section[nameof(PrivacyOptions.ContentRoot)] is { Length: > 0 } root)
        {
            options.ContentRoot = root;
        }

        if (section[nameof(PrivacyOptions.PolicyReloadDelay)] is { Length: > 0 } delay)
        {
            if (System.TimeSpan.TryParse(delay, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                options.PolicyReloadDelay = parsed;
            }
            else
            {
                options.ConfigurationProblems.Add($"{nameof(PrivacyOptions.PolicyReloadDelay)}: '{delay}' is not a time span; write for example 00:00:00.250.");
            }
        }

        if (section[nameof(PrivacyOptions.TraceDecisions)] is { Length: > 0 } trace)
        {
            if (bool.TryParse(trace, out var on))
            {
                options.TraceDecisions = on;
            }
            else
            {
                options.ConfigurationProblems.Add($"{nameof(PrivacyOptions.TraceDecisions)}: '{trace}' is not true or false.");
            }
        }

        if (section[nameof(PrivacyOptions.TimeZone)] is { Length: > 0 } zone)
        {
            options.TimeZone = zone;
        }

        if (section[nameof(PrivacyOptions.ErasurePeriod)] is { Length: > 0 } erasure)
        {
            options.ErasurePeriod = Parse(erasure, nameof(PrivacyOptions.ErasurePeriod), options);
        }

        if (section[nameof(PrivacyOptions.SuppressionKey)] is { Length: > 0 } key)
        {
            options.SuppressionKey = key;
        }

        if (section[nameof(PrivacyOptions.SuppressionKeyId)] is { Length: > 0 } keyId)
        {
            options.SuppressionKeyId = keyId;
        }

        foreach (var child in section.GetSection(nameof(PrivacyOptions.PreviousSuppressionKeys)).GetChildren())
        {
            if (child.Value is { Length: > 0 } previous)
            {
                options.PreviousSuppressionKeys[child.Key] = previous;
            }
        }

        BindRights(section.GetSection(nameof(PrivacyOptions.Rights)), options);

        foreach (var child in section.GetSection(nameof(PrivacyOptions.Retention)).GetChildren())
        {
            if (child.Value is { } text && Parse(text, $"{nameof(PrivacyOptions.Retention)}:{child.Key}", options) is { } period)
            {
                options.Retention[child.Key] = period;
            }
        }
    }

    private static void BindRights(IConfiguration rights, PrivacyOptions options)
    {
        var target = options.Rights;
        string Key(string name) => $"{nameof(PrivacyOptions.Rights)}:{name}";
        if (rights[nameof(target.RectificationPeriod)] is { Length: > 0 } rectification && Parse(rectification, Key(nameof(target.RectificationPeriod)), options) is { } r)
        {
            target.RectificationPeriod = r;
        }

        if (rights[nameof(target.ResponsePeriod)] is { Length: > 0 } response && Parse(response, Key(nameof(target.ResponsePeriod)), options) is { } p)
        {
            target.ResponsePeriod = p;
        }

        if (rights[nameof(target.ResponseExtension)] is { Length: > 0 } extension && Parse(extension, Key(nameof(target.ResponseExtension)), options) is { } e)
        {
            target.ResponseExtension = e;
        }

        target.BackupGround = rights[nameof(target.BackupGround)] ?? target.BackupGround;
        target.AccessClause = rights[nameof(target.AccessClause)] ?? target.AccessClause;
        target.RectificationClause = rights[nameof(target.RectificationClause)] ?? target.RectificationClause;
        target.OptOutClause = rights[nameof(target.OptOutClause)] ?? target.OptOutClause;
    }

    private static Period? Parse(string text, string key, PrivacyOptions options)
    {
        // The same reading as a policy document's: PT72H is an exact 72 hours (RetentionPeriod.FromPeriod reads it so).
        if (PeriodText.TryParse(text, out var period, out var error))
        {
            return period.Calendar ?? PeriodText.TimeOnly(period.Exact);
        }

        options.ConfigurationProblems.Add($"{key}: {error}");
        return null;
    }
}
