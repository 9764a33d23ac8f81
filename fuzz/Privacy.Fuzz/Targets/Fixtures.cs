namespace Privacy.Fuzz.Targets;

/// <summary>Fixed, valid inputs the targets pair the fuzzed one with.</summary>
internal static class Fixtures
{
    public const string At = "2026-04-01T00:00:00Z";

    public static readonly string[] Rights = ["access", "erase", "rectify", "opt-out"];

    public static readonly string[] Subjects =
    [
        """{"id":"u-17","hasEmail":true,"events":[{"type":"marketing-opt-out","at":"2026-02-01T10:00:00Z"},{"type":"service-used","at":"2026-02-20T18:45:00Z"}]}""",
        """{"id":"u-19","hasEmail":true,"events":[{"type":"erasure-requested","at":"2026-03-01T00:00:00Z"},{"type":"consent-granted","at":"2025-11-02T08:00:00Z","recipient":"third-party"}]}""",
        """{"id":"u-20","hasEmail":false,"events":[{"type":"legal-hold-placed","at":"2026-01-01T00:00:00Z"},{"type":"account-closed","at":"2026-02-01T00:00:00Z"}]}""",
    ];

    public const string Records = """
        {"id":"rec-1","category":"personal.email","collectedAt":"2025-06-01T09:30:00Z","purposes":["service.support","marketing.own"],"disclosedTo":["service-provider"]}
        {"id":"rec-2","category":"personal.log.ip-address","collectedAt":"2026-02-20T18:45:00Z","purposes":["security.protection"],"grounds":["fraud-prevention"]}
        {"id":"rec-4","category":"non-personal.usage","collectedAt":"2026-01-10T00:00:00Z"}
        {"id":"rec-5","category":"personal.address","collectedAt":"2025-03-03T14:00:00Z","purposes":["service.delivery"],"grounds":["statutory-obligation"],"disclosedTo":["service-provider","authority"]}
        """;
}
