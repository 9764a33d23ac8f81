namespace Privacy.Analysis;

/// <summary>How much a finding of <see cref="IPolicyAnalyzer"/> matters.</summary>
public enum FindingSeverity
{
    /// <summary>The policy contradicts itself or promises something it does not enforce; CI should refuse it.</summary>
    Error = 0,

    /// <summary>Probably a mistake, such as a rule that can never apply; worth a look before publishing.</summary>
    Warning = 1,

    /// <summary>Worth knowing, such as an action that only the default denial decides.</summary>
    Info = 2,
}
