using System.Collections.Immutable;
using NodaTime;
using Privacy.Retention;

namespace Privacy.Policies;

/// <summary>
/// A privacy policy as data: its vocabulary, clauses, rules, obligations and retention rules.
/// </summary>
/// <remarks>
/// <para>A policy never changes once built; a new version is a new object (use
/// <see cref="ToBuilder"/> to derive one). Build it with <see cref="PolicyBuilder"/>, which checks
/// that every reference resolves, then compile it with <see cref="Compilation.CompiledPolicy.Compile(PrivacyPolicy)"/>
/// to decide requests.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class PrivacyPolicy
{
    internal PrivacyPolicy(PolicyBuilder builder)
    {
        Id = builder.Id;
        Version = builder.Version;
        Name = builder.Name ?? builder.Id;
        TimeZoneId = builder.TimeZoneId;
        Notes = [.. builder.Notes];
        Categories = [.. builder.Categories];
        Purposes = [.. builder.Purposes];
        Recipients = [.. builder.Recipients];
        Reasons = [.. builder.Reasons];
        Messages = [.. builder.Messages];
        Channels = [.. builder.Channels];
        Obligations = [.. builder.Obligations];
        Grounds = [.. builder.Grounds];
        Clauses = [.. builder.Clauses];
        Rules = [.. builder.Rules];
        DefaultDenials = builder.DefaultDenials.ToImmutableSortedDictionary();
        RetentionRules = [.. builder.RetentionRules];
        ErasurePeriod = builder.ErasurePeriod;
        ErasureClause = builder.ErasureClause!.Value;
        ErasureClasses = [.. builder.ErasureClasses];
        LegalHoldClause = builder.LegalHoldClause ?? DefaultDenials[PrivacyAction.Retain];
        LastUpdated = builder.LastUpdated;
        EffectiveFrom = builder.EffectiveFrom;
        Contact = builder.Contact;
    }

    /// <summary>Gets the policy's id.</summary>
    /// <value>For example <c>ismartviewpro-2018</c>.</value>
    public string Id { get; }

    /// <summary>Gets the policy's version label.</summary>
    /// <value>For example <c>001</c>.</value>
    public string Version { get; }

    /// <summary>Gets the policy's human-readable name.</summary>
    /// <value>The id when no name was given.</value>
    public string Name { get; }

    /// <summary>Gets the controller's time zone, in which calendar retention periods are counted.</summary>
    /// <value>A tz database id such as <c>Europe/Oslo</c>; <c>UTC</c> by default.</value>
    public string TimeZoneId { get; }

    /// <summary>Gets the policy author's notes: choices made where the published text is silent.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Gets the data categories, parents before children.</summary>
    /// <value>Every category a rule or request may name.</value>
    public ImmutableArray<DataCategory> Categories { get; }

    /// <summary>Gets the purposes.</summary>
    /// <value>Hierarchical by their dotted ids.</value>
    public ImmutableArray<VocabularyTerm<PurposeId>> Purposes { get; }

    /// <summary>Gets the recipients of disclosures.</summary>
    /// <value>The recipients.</value>
    public ImmutableArray<VocabularyTerm<RecipientId>> Recipients { get; }

    /// <summary>Gets the disclosure reasons.</summary>
    /// <value>The reasons.</value>
    public ImmutableArray<VocabularyTerm<DisclosureReasonId>> Reasons { get; }

    /// <summary>Gets the message kinds.</summary>
    /// <value>The message kinds.</value>
    public ImmutableArray<VocabularyTerm<MessageKindId>> Messages { get; }

    /// <summary>Gets the channels.</summary>
    /// <value>The channels.</value>
    public ImmutableArray<VocabularyTerm<ChannelId>> Channels { get; }

    /// <summary>Gets the obligations a permit may carry.</summary>
    /// <value>The obligations.</value>
    public ImmutableArray<VocabularyTerm<ObligationId>> Obligations { get; }

    /// <summary>Gets the retention grounds the policy recognises.</summary>
    /// <value>The grounds, each with its maximum extension and clause.</value>
    public ImmutableArray<RetentionGround> Grounds { get; }

    /// <summary>Gets the clauses.</summary>
    /// <value>Every clause a decision may cite.</value>
    public ImmutableArray<PolicyClause> Clauses { get; }

    /// <summary>Gets the rules, in the order written.</summary>
    /// <value>The rules.</value>
    public ImmutableArray<PolicyRule> Rules { get; }

    /// <summary>Gets, per action, the clause a decision cites when no rule permits.</summary>
    /// <value>One entry per action.</value>
    public ImmutableSortedDictionary<PrivacyAction, ClauseId> DefaultDenials { get; }

    /// <summary>Gets the retention rules.</summary>
    /// <value>At most one per category.</value>
    public ImmutableArray<RetentionRule> RetentionRules { get; }

    /// <summary>Gets how long after an erasure request the subject's data must be gone.</summary>
    /// <value>One month by default.</value>
    public RetentionPeriod ErasurePeriod { get; }

    /// <summary>Gets the clause an erasure deadline cites.</summary>
    /// <value>The clause id.</value>
    public ClauseId ErasureClause { get; }

    /// <summary>Gets the data classes an erasure request reaches.</summary>
    /// <value>Personal data by default.</value>
    public ImmutableArray<DataClass> ErasureClasses { get; }

    /// <summary>Gets the clause a retain decision cites while a legal hold stands.</summary>
    /// <value>The retain default clause unless the policy names one.</value>
    public ClauseId LegalHoldClause { get; }

    /// <summary>Gets the date the published text gives as its last update.</summary>
    /// <value>Null when not stated.</value>
    public LocalDate? LastUpdated { get; }

    /// <summary>Gets when this version enters into force.</summary>
    /// <value>Null when not stated: in force from the start of time.</value>
    public Instant? EffectiveFrom { get; }

    /// <summary>Gets how to reach the controller about privacy.</summary>
    /// <value>Null when not stated.</value>
    public string? Contact { get; }

    /// <summary>Creates a builder holding a copy of this policy, to derive a new policy or version.</summary>
    /// <returns>The builder.</returns>
    public PolicyBuilder ToBuilder() => new(this);
}
