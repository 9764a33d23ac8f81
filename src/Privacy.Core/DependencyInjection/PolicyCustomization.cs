using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Documents;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.DependencyInjection;

/// <summary>Resolves <see cref="PrivacyOptions"/> into a policy, applying the operator's settings.</summary>
internal static class PolicyCustomization
{
    public static PrivacyPolicy Resolve(PrivacyOptions options) => Apply(options, options.PolicyInstance ?? Load(options));

    /// <summary>Applies the operator's settings to a policy.</summary>
    public static PrivacyPolicy Apply(PrivacyOptions options, PrivacyPolicy policy)
    {
        if (options.TimeZone is null && options.ErasurePeriod is null && options.Retention.Count == 0)
        {
            return policy;
        }

        var builder = policy.ToBuilder();
        if (options.TimeZone is { } zone)
        {
            builder.WithTimeZone(zone);
        }

        if (options.ErasurePeriod is { } erasure)
        {
            builder.WithErasurePeriod(RetentionPeriod.FromPeriod(erasure));
        }

        foreach (var (category, period) in options.Retention.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // The override keeps the clause and ground policy of the rule it replaces.
            var inherited = Inherited(policy, category);
            builder.Retain(category, RetentionPeriod.FromPeriod(period), inherited?.Clause.Value ?? policy.DefaultDenials[PrivacyAction.Retain].Value, inherited?.AllowsGrounds ?? true);
        }

        return builder.Build();
    }

    /// <summary>Loads the policy the options name: <c>builtin:ID</c>, or the path of a policy document.</summary>
    public static PrivacyPolicy Load(PrivacyOptions options)
        => DocumentPath(options) is { } path ? LoadDocument(PolicyFile.Read(path)) : BuiltInPolicies.Get(options.Policy);

    /// <summary>Parses a document read by <see cref="PolicyFile.Read"/>.</summary>
    public static PrivacyPolicy LoadDocument(byte[] utf8)
    {
        using var stream = new System.IO.MemoryStream(utf8, writable: false);
        return PolicyDocument.Load(stream);
    }

    /// <summary>
    /// The full path of the policy document the options name, a relative path being resolved against
    /// <see cref="PrivacyOptions.ContentRoot"/> (the host's content root) or else the current directory;
    /// null for a built-in policy or a policy instance.
    /// </summary>
    public static string? DocumentPath(PrivacyOptions options)
    {
        if (options.PolicyInstance is not null || options.Policy is null || BuiltInPolicies.IsBuiltInReference(options.Policy) || string.IsNullOrWhiteSpace(options.Policy))
        {
            return null;
        }

        return options.ContentRoot is { Length: > 0 } root ? System.IO.Path.GetFullPath(options.Policy, System.IO.Path.GetFullPath(root)) : System.IO.Path.GetFullPath(options.Policy);
    }

    public static IEnumerable<string> Problems(PrivacyOptions options)
    {
        foreach (var problem in options.ConfigurationProblems)
        {
            yield return problem;
        }

        PrivacyPolicy? policy = options.PolicyInstance;
        if (policy is null && (options.Policy is null || BuiltInPolicies.IsBuiltInReference(options.Policy) || options.Policy.Trim().Length == 0))
        {
            if (!BuiltInPolicies.TryGet(options.Policy, out policy))
            {
                yield return $"{nameof(PrivacyOptions.Policy)}: unknown policy '{options.Policy}'; use the path of a policy document or a built-in policy: {string.Join(", ", BuiltInPolicies.Ids.Select(id => BuiltInPolicies.Prefix + id))}.";
                yield break;
            }
        }
        else if (policy is null)
        {
            string? failure = null;
            try
            {
                policy = Load(options);
            }
            catch (PolicyValidationException e)
            {
                failure = $"{nameof(PrivacyOptions.Policy)}: the policy document '{options.Policy}' is invalid:{Environment.NewLine}"
                    + string.Join(Environment.NewLine, e.Problems.Select(p => "  " + p));
            }
            catch (Exception e) when (!OptionsPolicyProvider.IsFatal(e))
            {
                // Whatever a broken document throws fails the start with its message; it never lets a policy through.
                failure = $"{nameof(PrivacyOptions.Policy)}: the policy document '{options.Policy}' cannot be loaded: {e.Message}";
            }

            if (policy is null)
            {
                yield return failure!;
                yield break;
            }
        }

        if (options.TimeZone is { } zone && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
        {
            yield return $"{nameof(PrivacyOptions.TimeZone)}: unknown time zone '{zone}'; use a tz database id such as 'Europe/Oslo' or 'UTC'.";
        }

        if (options.PolicyReloadDelay < TimeSpan.Zero || options.PolicyReloadDelay > TimeSpan.FromHours(1))
        {
            yield return $"{nameof(PrivacyOptions.PolicyReloadDelay)}: '{options.PolicyReloadDelay}' must lie between zero and one hour.";
        }

        if (options.ErasurePeriod is { } erasure && IsNegative(erasure))
        {
            yield return $"{nameof(PrivacyOptions.ErasurePeriod)}: '{erasure}' is negative.";
        }

        if (options.SuppressionKey is { } key && System.Text.Encoding.UTF8.GetByteCount(key) < Privacy.Rights.ContactHasher.MinimumKeyLength)
        {
            yield return $"{nameof(PrivacyOptions.SuppressionKey)}: a suppression key needs at least {Privacy.Rights.ContactHasher.MinimumKeyLength} bytes (it has {System.Text.Encoding.UTF8.GetByteCount(key)}); generate one with, for example, 'openssl rand -base64 48'.";
        }

        if (options.SuppressionKeyId is { } id && id.Trim().Length == 0)
        {
            yield return $"{nameof(PrivacyOptions.SuppressionKeyId)}: a key id must not be blank.";
        }

        foreach (var (previousId, previousKey) in options.PreviousSuppressionKeys)
        {
            if (previousKey is null || System.Text.Encoding.UTF8.GetByteCount(previousKey) < Privacy.Rights.ContactHasher.MinimumKeyLength)
            {
                yield return $"{nameof(PrivacyOptions.PreviousSuppressionKeys)}:{previousId}: a suppression key needs at least {Privacy.Rights.ContactHasher.MinimumKeyLength} bytes.";
            }
        }

        foreach (var (category, period) in options.Retention)
        {
            if (!policy.Categories.Any(c => c.Id.Value == category))
            {
                yield return $"{nameof(PrivacyOptions.Retention)}: {PolicyChecks.Unknown("category", category, policy.Categories.Select(c => c.Id.Value))}";
            }
            else if (period is null || IsNegative(period))
            {
                yield return $"{nameof(PrivacyOptions.Retention)}: the period for '{category}' must be a non-negative period.";
            }
        }
    }

    private static bool IsNegative(Period p)
        => p.Years < 0 || p.Months < 0 || p.Weeks < 0 || p.Days < 0 || p.Hours < 0 || p.Minutes < 0 || p.Seconds < 0 || p.Milliseconds < 0 || p.Ticks < 0 || p.Nanoseconds < 0;

    private static RetentionRule? Inherited(PrivacyPolicy policy, string category)
    {
        for (string? id = category; id is not null; id = Internal.IdSyntax.ParentOf(id))
        {
            if (policy.RetentionRules.FirstOrDefault(r => r.Category.Value == id) is { } rule)
            {
                return rule;
            }
        }

        return null;
    }
}

/// <summary>Checks <see cref="PrivacyOptions"/> when the host starts, naming each setting at fault.</summary>
internal sealed class PrivacyOptionsValidator(PolicyReloadState? state = null) : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        if (state is { HasPolicy: true })
        {
            // A policy is in force: the provider checks the new options itself and keeps the last good policy if they are invalid.
            return ValidateOptionsResult.Skip;
        }

        var problems = PolicyCustomization.Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
