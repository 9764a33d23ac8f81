namespace Privacy.Policies;

/// <summary>What a rule does when it applies.</summary>
public enum RuleEffect
{
    /// <summary>The rule permits the action, unless a prohibition applies too.</summary>
    Permit = 0,

    /// <summary>The rule forbids the action. Prohibitions override every permission.</summary>
    Prohibit = 1,
}
