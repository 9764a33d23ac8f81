namespace Privacy.Breach;

/// <summary>How likely a breach is to harm the people whose data leaked (GDPR art. 33 and 34).</summary>
public enum BreachRisk
{
    /// <summary>Unlikely to result in a risk: only non-personal data. The authority need not be told (art. 33(1)).</summary>
    Unlikely = 0,

    /// <summary>A risk: personal data leaked. The supervisory authority must be told within 72 hours (art. 33(1)).</summary>
    Risk = 1,

    /// <summary>A high risk: special categories of data, or identity or contact data at scale. The subjects must be told without undue delay too (art. 34(1)).</summary>
    High = 2,
}
