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
    /// <c>builtin:ismartviewpro-2018</c> by default. A relative document path is resolved against
    /// <see cref="ContentRoot"/>. A document is watched: when it changes (written in place, renamed over,
    /// or a Kubernetes ConfigMap's <c>..data</c> symlink repointed), the policy is reloaded, and an invalid
    /// new version is refused while the last good one stays in force.
    /// </value>
    public string Policy { get; set; } = BuiltInPolicies.Prefix + BuiltInPolicies.IsmartviewPro2018Id;

    /// <summary>Gets or sets the directory a relative <see cref="Policy"/> path is resolved against.</summary>
    /// <value>
    /// Null by default: in a host that registers <c>IHostEnvironment</c> (every generic and ASP.NET Core
    /// host), its <c>ContentRootPath</c>; otherwise the current directory.
    /// </value>
    public string? ContentRoot { get; set; }

    /// <summary>Gets or sets how long the policy document must stay quiet after a change before it is reloaded.</summary>
    /// <value>
    /// 250 milliseconds by default, as for the platform's file configuration. A document that does not load
    /// is checked once more after the same delay before the refusal is reported, so an editor's save in
    /// several steps is read whole.
    /// </value>
    public System.TimeSpan PolicyReloadDelay { get; set; } = System.TimeSpan.FromMilliseconds(250);

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
    /// <value>
    /// Null by default; erasure plans that name an address, and messages checked against an address, need one
    /// of at least 32 bytes (<see cref="Rights.ContactHasher.MinimumKeyLength"/>): a shorter key fails the start.
    /// </value>
    public string? SuppressionKey { get; set; }

    /// <summary>Gets or sets the id of <see cref="SuppressionKey"/>, carried by every suppression entry made with it.</summary>
    /// <value>Null by default: an id is derived from the key (<c>k-</c> and 12 hex digits), which reveals nothing of it.</value>
    public string? SuppressionKeyId { get; set; }

    /// <summary>Gets the keys used before <see cref="SuppressionKey"/>, by key id, whose entries must still be recognised.</summary>
    /// <value>
    /// Empty by default. To rotate the key, move the old one here under the id its entries carry, and set the
    /// new one as <see cref="SuppressionKey"/>; remove it once no entry made with it is kept.
    /// </value>
    public IDictionary<string, string> PreviousSuppressionKeys { get; } = new Dictionary<string, string>();

    /// <summary>Gets or sets a value indicating whether each decision made through the DI services starts an activity (<c>privacy.decide</c>) on the <c>Privacy</c> activity source.</summary>
    /// <value>False by default: plans, sweeps and reloads are traced, single decisions only counted, as a trace per decision is rarely worth its cost.</value>
    public bool TraceDecisions { get; set; }

    /// <summary>Gets the settings of rights planning: rectification timing, response deadlines, clauses.</summary>
    /// <value>Defaults that suit the built-in policy.</value>
    public Rights.RightsPlannerOptions Rights { get; } = new();
    /// <summary>Problems found while binding from configuration, reported by the validator.</summary>
    internal List<string> ConfigurationProblems { get; } = [];
}
