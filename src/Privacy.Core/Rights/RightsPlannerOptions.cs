using NodaTime;

namespace Privacy.Rights;

/// <summary>How rights plans are timed and which clauses and ids they use. The defaults suit the built-in policy.</summary>
public sealed class RightsPlannerOptions
{
    /// <summary>Gets or sets how soon a correction must reach active stores.</summary>
    /// <value>Seven days by default ("immediately or within a reasonable period").</value>
    public Period RectificationPeriod { get; set; } = Period.FromDays(7);

    /// <summary>Gets or sets the retention ground whose maximum extension bounds how long backups keep an uncorrected copy.</summary>
    /// <value><c>backup</c> by default; when the policy has no such ground, backups must be corrected with the active stores.</value>
    public string BackupGround { get; set; } = "backup";

    /// <summary>Gets or sets the clause an access plan cites.</summary>
    /// <value><c>rights.access</c> by default; omitted when the policy has no such clause.</value>
    public string AccessClause { get; set; } = "rights.access";

    /// <summary>Gets or sets the clause a rectification plan cites.</summary>
    /// <value><c>rights.rectification</c> by default; omitted when the policy has no such clause.</value>
    public string RectificationClause { get; set; } = "rights.rectification";

    /// <summary>Gets or sets the clause an opt-out plan cites.</summary>
    /// <value><c>rights.marketing-opt-out</c> by default; omitted when the policy has no such clause.</value>
    public string OptOutClause { get; set; } = "rights.marketing-opt-out";

    /// <summary>Gets or sets how long a controller has to answer a request.</summary>
    /// <value>One month (GDPR art. 12(3)).</value>
    public Period ResponsePeriod { get; set; } = Period.FromMonths(1);

    /// <summary>Gets or sets how much longer it may take when the controller gives notice.</summary>
    /// <value>Two months (GDPR art. 12(3)).</value>
    public Period ResponseExtension { get; set; } = Period.FromMonths(2);
}
