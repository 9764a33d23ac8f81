using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Privacy.BuiltIn;

namespace Privacy.Tests;

/// <summary>Generators over the built-in policy's vocabulary, shared by the test projects.</summary>
public static class BuiltInVocabulary
{
    public static readonly Instant Epoch = Instant.FromUtc(2026, 1, 1, 0, 0);

    public static string[] Categories => BuiltInPolicies.IsmartviewPro2018Policy.Categories.Select(c => c.Id.Value).ToArray();

    public static string[] SensitiveCategories => Categories.Where(c => c.StartsWith("sensitive", System.StringComparison.Ordinal)).ToArray();

    public static string[] Purposes => BuiltInPolicies.IsmartviewPro2018Policy.Purposes.Select(p => p.Id.Value).ToArray();

    public static string[] Recipients => BuiltInPolicies.IsmartviewPro2018Policy.Recipients.Select(p => p.Id.Value).ToArray();

    public static string[] Reasons => BuiltInPolicies.IsmartviewPro2018Policy.Reasons.Select(p => p.Id.Value).ToArray();

    public static string[] Messages => BuiltInPolicies.IsmartviewPro2018Policy.Messages.Select(p => p.Id.Value).ToArray();

    public static string[] Channels => BuiltInPolicies.IsmartviewPro2018Policy.Channels.Select(p => p.Id.Value).ToArray();

    public static string[] Grounds => BuiltInPolicies.IsmartviewPro2018Policy.Grounds.Select(p => p.Id.Value).ToArray();

    /// <summary>Instants within about a year of <see cref="Epoch"/>, on whole minutes so that ties happen.</summary>
    public static Gen<Instant> Instants => Gen.Choose(0, 60 * 24 * 365).Select(m => Epoch + Duration.FromMinutes(m));

    public static Gen<PrivacyEvent> Events => EventsOver(Purposes, Recipients, Instants, "001");

    /// <summary>Events of every kind over a vocabulary: consents name a purpose, a recipient or both; acceptances and notices name <paramref name="version"/>.</summary>
    public static Gen<PrivacyEvent> EventsOver(string[] purposes, string[] recipients, Gen<Instant> instants, string version) =>
        from kind in Gen.Elements(System.Enum.GetValues<PrivacyEventKind>())
        from at in instants
        from purpose in Gen.Elements(purposes)
        from recipient in Gen.Elements(recipients)
        from which in Gen.Choose(0, 2)
        select kind switch
        {
            PrivacyEventKind.ConsentGranted or PrivacyEventKind.ConsentWithdrawn => new PrivacyEvent(
                kind, at, which != 1 ? new PurposeId(purpose) : null, which != 0 ? new RecipientId(recipient) : null),
            PrivacyEventKind.PolicyAccepted or PrivacyEventKind.PolicyNotified => new PrivacyEvent(kind, at, version: version),
            _ => new PrivacyEvent(kind, at),
        };

    public static Gen<PrivacyEvent[]> Histories => Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(Events, n));

    public static Gen<RequestContext> Contexts =>
        from location in ArbMap.Default.GeneratorFor<bool>()
        from confidentiality in ArbMap.Default.GeneratorFor<bool>()
        select new RequestContext(location, confidentiality);
}
