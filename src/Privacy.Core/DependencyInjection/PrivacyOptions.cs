using System.Collections.Generic;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Policies;

namespace Privacy;

/// <summary>
/// What the host configures: which policy applies, and the operator-settable parts of it (time
/// zone, erasure period, retention periods). Validated when the host starts.
/// </summary>
public sealed class PrivacyOptions
{
    /// <summary>Gets or sets the policy to apply: <c>builtin:ID</c>, or the path of a policy document.</summary>
    /// <value>
    /// <c>builtin:ismartviewpro-2018</c> by default. A document path is watched: when the file changes,
    /// the policy is reloaded, and an invalid new version is refused while the last good one stays in force.
    /// </value>
    public string Policy { get; set; } = BuiltInPolicies.Prefix + BuiltInPolicies.IsmartviewPro2018Id;

    /// <summary>Gets or sets a policy built in code; when set, it takes the place of <see cref="Policy"/>.</summary>
    /// <value>Null by default.</value>
    public PrivacyPolicy? PolicyInstance { get; set; }

    /// <summary>Gets or sets the controller's time zone, in which calendar retention periods are counted.</summary>
    /// <value>A tz database id such as <c>Europe/Oslo</c>; null (the default) keeps the policy's own zone.</value>
    public string? TimeZone { get; set; }

    /// <summary>Gets or sets how long after an erasure request the subject's data must be gone.</summary>
    /// <value>Null (the default) keeps the policy's period: one month for the built-in policy.</value>
    public Period? ErasurePeriod { get; set; }

    /// <summary>Gets the retention periods that replace the policy's, by category id.</summary>
    /// <value>Empty by default. A period set on <c>personal.log</c> applies below it too, unless a deeper category has its own.</value>
    public IDictionary<string, Period> Retention { get; } = new Dictionary<string, Period>();

    /// <summary>Gets or sets the secret key contact addresses are hashed with for the suppression list.</summary>
    /// <value>Null by default; erasure plans that name an address, and messages checked against an address, need one of at least 16 bytes.</value>
    public string? SuppressionKey { get; set; }

    /// <summary>Gets the settings of rights planning: rectification timing, response deadlines, clauses.</summary>
    /// <value>Defaults that suit the built-in policy.</value>
    public Rights.RightsPlannerOptions Rights { get; } = new();
    /// <summary>Problems found while binding from configuration, reported by the validator.</summary>
    internal List<string> ConfigurationProblems { get; } = [];
}
