using Privacy.Retention;

namespace Privacy.Policies;

/// <summary>
/// The kebab-case names of the model's enumerations: the one table that documents, findings,
/// notices and diffs read and write them by.
/// </summary>
internal static class PolicyNames
{
    public static readonly (string Name, DataClass Value)[] Classes =
        [("personal", DataClass.Personal), ("sensitive", DataClass.Sensitive), ("non-personal", DataClass.NonPersonal), ("device-local", DataClass.DeviceLocal)];

    public static readonly (string Name, PrivacyAction Value)[] Actions =
        [("collect", PrivacyAction.Collect), ("use", PrivacyAction.Use), ("disclose", PrivacyAction.Disclose), ("communicate", PrivacyAction.Communicate), ("retain", PrivacyAction.Retain)];

    public static readonly (string Name, RuleEffect Value)[] Effects = [("permit", RuleEffect.Permit), ("prohibit", RuleEffect.Prohibit)];

    public static readonly (string Name, RuleConditions Value)[] Conditions =
    [
        ("erasure-requested", RuleConditions.ErasureRequested),
        ("marketing-opted-out", RuleConditions.MarketingOptedOut),
        ("consent", RuleConditions.Consent),
        ("location-feature-in-use", RuleConditions.LocationFeatureInUse),
        ("confidentiality-agreement", RuleConditions.ConfidentialityAgreement),
    ];

    public static readonly (string Name, RetentionAnchor Value)[] Anchors =
    [
        ("collection", RetentionAnchor.Collection),
        ("last-activity", RetentionAnchor.LastActivity),
        ("account-closure", RetentionAnchor.AccountClosure),
        ("erasure-request", RetentionAnchor.ErasureRequest),
    ];

    public static string Name<T>((string Name, T Value)[] names, T value)
        where T : struct
    {
        foreach (var (name, v) in names)
        {
            if (v.Equals(value))
            {
                return name;
            }
        }

        return value.ToString()!;
    }
}
