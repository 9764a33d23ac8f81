using System.Collections.Immutable;
using FsCheck;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Breach;

namespace Privacy.Testing.Generators;

/// <summary>
/// The <see cref="PolicyArbitraries"/> of the built-in <c>ismartviewpro-2018</c> policy as static
/// methods, for attribute-driven runners: <c>[Property(Arbitrary = [typeof(BuiltInArbitraries)])]</c>.
/// </summary>
public static class BuiltInArbitraries
{
    /// <summary>Gets the generators behind the methods.</summary>
    /// <value>For the built-in policy, epoch <see cref="PolicyArbitraries.DefaultEpoch"/>.</value>
    public static PolicyArbitraries Instance { get; } = new(BuiltInPolicies.IsmartviewPro2018Compiled);

    /// <summary>Data categories.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<DataCategoryId> Categories() => Instance.Categories;

    /// <summary>Purposes.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<PurposeId> Purposes() => Instance.Purposes;

    /// <summary>Recipients.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<RecipientId> Recipients() => Instance.Recipients;

    /// <summary>Disclosure reasons.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<DisclosureReasonId> Reasons() => Instance.Reasons;

    /// <summary>Message kinds.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<MessageKindId> Messages() => Instance.Messages;

    /// <summary>Channels.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ChannelId> Channels() => Instance.Channels;

    /// <summary>Instants across clock changes and month ends in Europe/Oslo.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Instant> Instants() => Instance.Instants;

    /// <summary>Request contexts.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<RequestContext> Contexts() => Instance.Contexts;

    /// <summary>Single events.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<PrivacyEvent> Events() => Instance.Events;

    /// <summary>Histories: ties, withdrawals and re-grants, erasure, holds.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ImmutableArray<PrivacyEvent>> Histories() => Instance.Histories;

    /// <summary>Subjects with histories.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<GeneratedSubject> Subjects() => Instance.Subjects;

    /// <summary>Requests of every action.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<PolicyRequest> Requests() => Instance.Requests;

    /// <summary>Stored records.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<StoredRecord> Records() => Instance.Records;

    /// <summary>Sets of stored records with distinct ids.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ImmutableArray<StoredRecord>> RecordSets() => Instance.RecordSets;

    /// <summary>Breach incidents.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<BreachIncident> Incidents() => Instance.Incidents;

    /// <summary>Generated policies (not the built-in one) whose ids collide by prefix.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<GeneratedPolicy> Policies() => GeneratedPolicies.Arbitrary();
}
