using System;
using System.Collections.Generic;
using NodaTime;
using Privacy.Internal;
using Privacy.Retention;

namespace Privacy.Policies;

/// <summary>
/// Builds a <see cref="PrivacyPolicy"/> step by step; <see cref="Build"/> checks that every
/// reference resolves and reports every problem at once.
/// </summary>
/// <remarks>
/// Strings passed to the builder are parsed as ids and must follow the id syntax. A builder is
/// not thread-safe; the policy it builds is.
/// </remarks>
/// <example>
/// <code>
/// var policy = new PolicyBuilder("acme", "1")
///     .AddCategory("personal", DataClass.Personal, "Personal data")
///     .AddCategory("personal.email", DataClass.Personal, "Email address")
///     .AddPurpose("service", "Providing the service")
///     .AddClause("use.service", "We use personal data to run the service.")
///     .AddClause("necessary", "We only process what we need.")
///     .AddClause("erasure", "We delete your data within a month of your request.")
///     .Permit("use-email-for-service", r => r.On(PrivacyAction.Use).Categories("personal.email").Purposes("service").Cites("use.service"))
///     .DenyByDefault("necessary")
///     .Erasure(RetentionPeriod.Parse("P1M"), "erasure")
///     .Build();
/// </code>
/// </example>
public sealed class PolicyBuilder
{
    /// <summary>Creates an empty builder.</summary>
    /// <param name="id">The policy id.</param>
    /// <param name="version">The version label.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="version"/> is empty.</exception>
    public PolicyBuilder(string id, string version)
    {
        Id = Preconditions.CheckNotEmpty(id, nameof(id));
        Version = Preconditions.CheckNotEmpty(version, nameof(version));
    }

    internal PolicyBuilder(PrivacyPolicy policy)
    {
        Id = policy.Id;
        Version = policy.Version;
        Name = policy.Name;
        TimeZoneId = policy.TimeZoneId;
        Notes.AddRange(policy.Notes);
        Categories.AddRange(policy.Categories);
        Purposes.AddRange(policy.Purposes);
        Recipients.AddRange(policy.Recipients);
        Reasons.AddRange(policy.Reasons);
        Messages.AddRange(policy.Messages);
        Channels.AddRange(policy.Channels);
        Obligations.AddRange(policy.Obligations);
        Grounds.AddRange(policy.Grounds);
        Clauses.AddRange(policy.Clauses);
        Rules.AddRange(policy.Rules);
        foreach (var pair in policy.DefaultDenials)
        {
            DefaultDenials[pair.Key] = pair.Value;
        }

        RetentionRules.AddRange(policy.RetentionRules);
        ErasurePeriod = policy.ErasurePeriod;
        ErasureClause = policy.ErasureClause;
        ErasureClasses.Clear();
        ErasureClasses.AddRange(policy.ErasureClasses);
        LegalHoldClause = policy.LegalHoldClause;
        LastUpdated = policy.LastUpdated;
        EffectiveFrom = policy.EffectiveFrom;
        Contact = policy.Contact;
    }

    internal string Id { get; private set; }

    internal string Version { get; private set; }

    internal string? Name { get; private set; }

    internal string TimeZoneId { get; private set; } = "UTC";

    internal List<string> Notes { get; } = [];

    internal List<DataCategory> Categories { get; } = [];

    internal List<VocabularyTerm<PurposeId>> Purposes { get; } = [];

    internal List<VocabularyTerm<RecipientId>> Recipients { get; } = [];

    internal List<VocabularyTerm<DisclosureReasonId>> Reasons { get; } = [];

    internal List<VocabularyTerm<MessageKindId>> Messages { get; } = [];

    internal List<VocabularyTerm<ChannelId>> Channels { get; } = [];

    internal List<VocabularyTerm<ObligationId>> Obligations { get; } = [];

    internal List<RetentionGround> Grounds { get; } = [];

    internal List<PolicyClause> Clauses { get; } = [];

    internal List<PolicyRule> Rules { get; } = [];

    internal Dictionary<PrivacyAction, ClauseId> DefaultDenials { get; } = [];

    internal List<RetentionRule> RetentionRules { get; } = [];

    internal RetentionPeriod ErasurePeriod { get; private set; } = RetentionPeriod.FromPeriod(Period.FromMonths(1));

    internal ClauseId? ErasureClause { get; private set; }

    internal ClauseId? LegalHoldClause { get; private set; }

    internal LocalDate? LastUpdated { get; private set; }

    internal Instant? EffectiveFrom { get; private set; }

    internal string? Contact { get; private set; }

    internal List<DataClass> ErasureClasses { get; } = [DataClass.Personal];

    /// <summary>Sets the policy id and version.</summary>
    /// <param name="id">The policy id.</param>
    /// <param name="version">The version label.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder WithIdentity(string id, string version)
    {
        Id = Preconditions.CheckNotEmpty(id, nameof(id));
        Version = Preconditions.CheckNotEmpty(version, nameof(version));
        return this;
    }

    /// <summary>Sets the human-readable name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder WithName(string name)
    {
        Name = Preconditions.CheckNotEmpty(name, nameof(name));
        return this;
    }

    /// <summary>Sets the controller's time zone, in which calendar periods are counted.</summary>
    /// <param name="timeZoneId">A tz database id, such as <c>Europe/Oslo</c>.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder WithTimeZone(string timeZoneId)
    {
        TimeZoneId = Preconditions.CheckNotEmpty(timeZoneId, nameof(timeZoneId));
        return this;
    }

    /// <summary>Adds a note recording a choice made where the published text is silent.</summary>
    /// <param name="note">The note.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder AddNote(string note)
    {
        Notes.Add(Preconditions.CheckNotEmpty(note, nameof(note)));
        return this;
    }

    /// <summary>Adds a data category. Its parent (by dotted id) must be added too.</summary>
    /// <param name="id">The category id.</param>
    /// <param name="class">The category's class.</param>
    /// <param name="description">What data it covers.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder AddCategory(string id, DataClass @class, string description)
    {
        Categories.Add(new DataCategory(new DataCategoryId(id), @class, description));
        return this;
    }

    /// <summary>Adds a purpose.</summary>
    /// <param name="id">The purpose id.</param>
    /// <param name="description">What it means.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder AddPurpose(string id, string description)
    {
        Purposes.Add(new(new PurposeId(id), description));
        return this;
    }

    /// <summary>Adds a recipient.</summary>
    /// <param name="id">The recipient id.</param>
    /// <param name="description">Who it is.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder AddRecipient(string id, string description)
    {
        Recipients.Add(new(new RecipientId(id), description));
        return this;
    }

    /// <summary>Adds a disclosure reason.</summary>
    /// <param name="id">The reason id.</param>
    /// <param name="description">What it means.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder AddReason(string id, string description)
    {
        Reasons.Add(new(new DisclosureReasonId(id), description));
        return this;
    }

    /// <summary>Adds a message kind.</summary>
    /// <param name="id">The message kind id.</param>
    /// <param name="description">What it means.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder AddMessageKind(string id, string description)
    {
        Messages.Add(new(new MessageKindId(id), description));
        return this;
    }

    /// <summary>Adds a channel.</summary>
    /// <param name="id">The channel id.</param>
    /// <param name="description">What it means.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder AddChannel(string id, string description)
    {
        Channels.Add(new(new ChannelId(id), description));
        return this;
    }

    /// <summary>Adds an obligation a permit may carry.</summary>
    /// <param name="id">The obligation id.</param>
    /// <param name="description">What the host must do.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder AddObligation(string id, string description)
    {
        Obligations.Add(new(new ObligationId(id), description));
        return this;
    }

    /// <summary>Adds a clause.</summary>
    /// <param name="id">The clause id.</param>
    /// <param name="summary">One line saying what it promises.</param>
    /// <param name="text">The clause in full, when longer than the summary.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder AddClause(string id, string summary, string? text = null)
    {
        Clauses.Add(new PolicyClause(new ClauseId(id), summary, text));
        return this;
    }

    /// <summary>Adds a permission.</summary>
    /// <param name="ruleId">The rule id, unique within the policy.</param>
    /// <param name="configure">Says what the rule covers and which clause it cites.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder Permit(string ruleId, Action<RuleBuilder> configure) => AddRule(ruleId, RuleEffect.Permit, configure);

    /// <summary>Adds a prohibition, which overrides every permission.</summary>
    /// <param name="ruleId">The rule id, unique within the policy.</param>
    /// <param name="configure">Says what the rule covers and which clause it cites.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder Prohibit(string ruleId, Action<RuleBuilder> configure) => AddRule(ruleId, RuleEffect.Prohibit, configure);

    /// <summary>Adds a rule built elsewhere.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder AddRule(PolicyRule rule)
    {
        Rules.Add(Preconditions.CheckNotNull(rule, nameof(rule)));
        return this;
    }

    /// <summary>Removes every rule with the given id.</summary>
    /// <param name="ruleId">The rule id.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder RemoveRule(string ruleId)
    {
        Rules.RemoveAll(r => string.Equals(r.Id, ruleId, StringComparison.Ordinal));
        return this;
    }

    /// <summary>Sets the clause cited when no rule permits an action.</summary>
    /// <param name="action">The action.</param>
    /// <param name="clause">The clause id.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder DenyByDefault(PrivacyAction action, string clause)
    {
        DefaultDenials[Preconditions.CheckDefined(action, nameof(action))] = new ClauseId(clause);
        return this;
    }

    /// <summary>Sets the clause cited when no rule permits, for every action that has none yet.</summary>
    /// <param name="clause">The clause id.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder DenyByDefault(string clause)
    {
        foreach (var action in Enum.GetValues<PrivacyAction>())
        {
            DefaultDenials.TryAdd(action, new ClauseId(clause));
        }

        return this;
    }

    /// <summary>Sets (or replaces) the retention rule of a category.</summary>
    /// <param name="category">The category id; the rule is inherited below it.</param>
    /// <param name="period">How long data may be kept after collection.</param>
    /// <param name="clause">The clause the decision cites.</param>
    /// <param name="allowsGrounds">Whether retention grounds may keep it longer.</param>
    /// <param name="anchor">The event the period is counted from; collection by default.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder Retain(string category, RetentionPeriod period, string clause, bool allowsGrounds = true, RetentionAnchor anchor = RetentionAnchor.Collection)
    {
        var id = new DataCategoryId(category);
        var rule = new RetentionRule(id, period, new ClauseId(clause), allowsGrounds, anchor);
        var existing = RetentionRules.FindIndex(r => r.Category == id);
        if (existing >= 0)
        {
            RetentionRules[existing] = rule;
        }
        else
        {
            RetentionRules.Add(rule);
        }

        return this;
    }

    /// <summary>Sets the clause a retain decision cites while a legal hold stands; the retain default clause otherwise.</summary>
    /// <param name="clause">The clause id.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder LegalHold(string clause)
    {
        LegalHoldClause = new ClauseId(clause);
        return this;
    }

    /// <summary>Sets the policy's dates and the controller's contact.</summary>
    /// <param name="lastUpdated">The date the published text gives as its last update.</param>
    /// <param name="effectiveFrom">When this version enters into force.</param>
    /// <param name="contact">How to reach the controller about privacy, such as an email address.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder WithMetadata(LocalDate? lastUpdated, Instant? effectiveFrom, string? contact)
    {
        LastUpdated = lastUpdated;
        EffectiveFrom = effectiveFrom;
        Contact = string.IsNullOrWhiteSpace(contact) ? null : contact;
        return this;
    }

    /// <summary>Adds (or replaces) a retention ground the policy recognises.</summary>
    /// <param name="id">The ground id.</param>
    /// <param name="maximumExtension">How much longer than the normal deadline it allows at most.</param>
    /// <param name="clause">The clause that allows it.</param>
    /// <param name="description">What it means.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder AddGround(string id, RetentionPeriod maximumExtension, string clause, string description = "")
    {
        var ground = new RetentionGround(new RetentionGroundId(id), maximumExtension, new ClauseId(clause), description);
        Grounds.RemoveAll(g => g.Id == ground.Id);
        Grounds.Add(ground);
        return this;
    }

    /// <summary>Says how erasure requests are answered.</summary>
    /// <param name="period">How long after the request the data must be gone.</param>
    /// <param name="clause">The clause an erasure deadline cites.</param>
    /// <param name="classes">The data classes an erasure request reaches; personal data when none are given.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder Erasure(RetentionPeriod period, string clause, params DataClass[] classes)
    {
        ErasurePeriod = period;
        ErasureClause = new ClauseId(clause);
        ErasureClasses.Clear();
        ErasureClasses.AddRange(classes.Length == 0 ? [DataClass.Personal] : classes);
        return this;
    }

    /// <summary>Sets how long after an erasure request the data must be gone.</summary>
    /// <param name="period">The period.</param>
    /// <returns>This builder.</returns>
    public PolicyBuilder WithErasurePeriod(RetentionPeriod period)
    {
        ErasurePeriod = period;
        return this;
    }

    /// <summary>Checks the policy and builds it.</summary>
    /// <returns>The immutable policy.</returns>
    /// <exception cref="PolicyValidationException">Something does not resolve; every problem is listed.</exception>
    public PrivacyPolicy Build()
    {
        var problems = PolicyChecks.Validate(this);
        if (problems.Count > 0)
        {
            throw new PolicyValidationException(problems);
        }

        return new PrivacyPolicy(this);
    }

    private PolicyBuilder AddRule(string ruleId, RuleEffect effect, Action<RuleBuilder> configure)
    {
        Preconditions.CheckNotNull(configure, nameof(configure));
        var rule = new RuleBuilder(ruleId, effect);
        configure(rule);
        Rules.Add(rule.Build());
        return this;
    }
}
