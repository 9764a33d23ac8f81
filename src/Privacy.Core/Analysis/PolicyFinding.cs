using Privacy.Internal;

namespace Privacy.Analysis;

/// <summary>One thing the static analysis noticed about a policy: what, how much it matters, and where.</summary>
/// <remarks>Immutable and equal by value.</remarks>
public sealed record PolicyFinding
{
    /// <summary>Creates a finding.</summary>
    /// <param name="code">A stable kebab-case code, such as <c>shadowed-rule</c>.</param>
    /// <param name="severity">How much it matters.</param>
    /// <param name="path">Where, as a JSON Pointer into the policy document (<c>/rules/3</c>); empty for the whole policy.</param>
    /// <param name="message">What was found and what to do about it.</param>
    /// <param name="ruleId">The rule concerned, if any.</param>
    /// <param name="clause">The clause concerned, if any.</param>
    public PolicyFinding(string code, FindingSeverity severity, string path, string message, string? ruleId = null, ClauseId? clause = null)
    {
        Code = Preconditions.CheckNotEmpty(code, nameof(code));
        Severity = Preconditions.CheckDefined(severity, nameof(severity));
        Path = Preconditions.CheckNotNull(path, nameof(path));
        Message = Preconditions.CheckNotEmpty(message, nameof(message));
        RuleId = ruleId;
        Clause = clause;
    }

    /// <summary>Gets the stable finding code.</summary>
    /// <value>Kebab-case text, listed in the policy-documents guide.</value>
    public string Code { get; }

    /// <summary>Gets how much the finding matters.</summary>
    /// <value>Error, warning or info.</value>
    public FindingSeverity Severity { get; }

    /// <summary>Gets where the finding is, as a JSON Pointer into the policy document.</summary>
    /// <value>The empty string for the whole policy.</value>
    public string Path { get; }

    /// <summary>Gets what was found and what to do about it.</summary>
    /// <value>Plain text.</value>
    public string Message { get; }

    /// <summary>Gets the id of the rule concerned.</summary>
    /// <value>Null when the finding is not about one rule.</value>
    public string? RuleId { get; }

    /// <summary>Gets the clause concerned.</summary>
    /// <value>Null when no clause is concerned.</value>
    public ClauseId? Clause { get; }

    /// <summary>Formats the finding as <c>severity path: message (code)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => $"{Severity.ToString().ToLowerInvariant()} {(Path.Length == 0 ? "/" : Path)}: {Message} ({Code})";
}
