using System;
using System.Collections.Immutable;
using System.Linq;
using Privacy.Internal;

namespace Privacy.Policies;

/// <summary>
/// One rule of a policy: for some actions, on some data, purposes, recipients, reasons, messages
/// or channels, under some conditions, permit or prohibit, citing a clause.
/// </summary>
/// <remarks>
/// <para>An empty selector matches anything: a rule with no purposes applies to every purpose.
/// A data category matches when it lies within one of <see cref="Categories"/> or its class is one
/// of <see cref="DataClasses"/>; every selector matches the ids below the ones it lists.</para>
/// <para>Each action reads only some selectors (collect and use: data and purposes; disclose: data,
/// recipients and reasons; communicate: messages and channels; rules do not decide retain). For an
/// action that lacks one of a rule's selectors, a permission does not apply and a prohibition
/// applies with that selector left out; <see cref="Analysis.PolicyAnalyzer"/> reports both as
/// <c>ignored-selector</c>.</para>
/// <para>A prohibition with exceptions (<see cref="ExceptPurposes"/>, <see cref="ExceptReasons"/>)
/// does not apply to the excepted requests; when such a request is then permitted by another rule,
/// the decision also cites <see cref="ExemptionClause"/>.</para>
/// <para>Build rules with <see cref="PolicyBuilder"/>. Immutable.</para>
/// </remarks>
public sealed class PolicyRule
{
    internal PolicyRule(
        string id,
        RuleEffect effect,
        ImmutableArray<PrivacyAction> actions,
        ImmutableArray<DataCategoryId> categories,
        ImmutableArray<DataClass> dataClasses,
        ImmutableArray<PurposeId> purposes,
        ImmutableArray<RecipientId> recipients,
        ImmutableArray<DisclosureReasonId> reasons,
        ImmutableArray<MessageKindId> messages,
        ImmutableArray<ChannelId> channels,
        RuleConditions conditions,
        ImmutableArray<PurposeId> exceptPurposes,
        ImmutableArray<DisclosureReasonId> exceptReasons,
        ClauseId? exemptionClause,
        ClauseId clause,
        ImmutableArray<ObligationId> obligations)
    {
        Preconditions.CheckNotEmpty(id, nameof(id));
        Preconditions.CheckArgument(!actions.IsDefaultOrEmpty, nameof(actions), $"Rule '{id}' names no action.");
        Preconditions.CheckArgument(!clause.IsDefault, nameof(clause), $"Rule '{id}' cites no clause.");
        Id = id;
        Effect = effect;
        Actions = actions;
        Categories = categories;
        DataClasses = dataClasses;
        Purposes = purposes;
        Recipients = recipients;
        Reasons = reasons;
        Messages = messages;
        Channels = channels;
        Conditions = conditions;
        ExceptPurposes = exceptPurposes;
        ExceptReasons = exceptReasons;
        ExemptionClause = exemptionClause;
        Clause = clause;
        Obligations = obligations;
    }

    /// <summary>Gets the rule's id, unique within its policy.</summary>
    /// <value>For example <c>use.contact.identity</c>.</value>
    public string Id { get; }

    /// <summary>Gets whether the rule permits or prohibits.</summary>
    /// <value>The effect.</value>
    public RuleEffect Effect { get; }

    /// <summary>Gets the actions the rule governs.</summary>
    /// <value>At least one action.</value>
    public ImmutableArray<PrivacyAction> Actions { get; }

    /// <summary>Gets the data categories the rule covers, with their descendants.</summary>
    /// <value>Empty, together with <see cref="DataClasses"/>, for every category.</value>
    public ImmutableArray<DataCategoryId> Categories { get; }

    /// <summary>Gets the data classes the rule covers.</summary>
    /// <value>Empty, together with <see cref="Categories"/>, for every category.</value>
    public ImmutableArray<DataClass> DataClasses { get; }

    /// <summary>Gets the purposes the rule covers, with their descendants (collect, use).</summary>
    /// <value>Empty for every purpose.</value>
    public ImmutableArray<PurposeId> Purposes { get; }

    /// <summary>Gets the recipients the rule covers (disclose).</summary>
    /// <value>Empty for every recipient.</value>
    public ImmutableArray<RecipientId> Recipients { get; }

    /// <summary>Gets the disclosure reasons the rule covers (disclose).</summary>
    /// <value>Empty for every reason.</value>
    public ImmutableArray<DisclosureReasonId> Reasons { get; }

    /// <summary>Gets the message kinds the rule covers (communicate).</summary>
    /// <value>Empty for every kind.</value>
    public ImmutableArray<MessageKindId> Messages { get; }

    /// <summary>Gets the channels the rule covers (communicate).</summary>
    /// <value>Empty for every channel.</value>
    public ImmutableArray<ChannelId> Channels { get; }

    /// <summary>Gets the facts that must all hold for the rule to apply.</summary>
    /// <value><see cref="RuleConditions.None"/> for an unconditional rule.</value>
    public RuleConditions Conditions { get; }

    /// <summary>Gets purposes a prohibition does not reach.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<PurposeId> ExceptPurposes { get; }

    /// <summary>Gets disclosure reasons a prohibition does not reach.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<DisclosureReasonId> ExceptReasons { get; }

    /// <summary>Gets the clause a permit cites when it passed this prohibition through one of its exceptions.</summary>
    /// <value>Null when the exceptions need no citation.</value>
    public ClauseId? ExemptionClause { get; }

    /// <summary>Gets the clause the rule cites when it decides.</summary>
    /// <value>The clause id.</value>
    public ClauseId Clause { get; }

    /// <summary>Gets the obligations a permit by this rule carries.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<ObligationId> Obligations { get; }

    /// <summary>Whether the rule governs an action.</summary>
    /// <param name="action">The action.</param>
    /// <returns>True when <see cref="Actions"/> contains it.</returns>
    internal bool Governs(PrivacyAction action) => Actions.Contains(action);

    /// <summary>Whether the rule's category selectors cover a category.</summary>
    /// <param name="category">The category's id.</param>
    /// <param name="class">The category's class.</param>
    /// <returns>True when the category lies within a listed category or has a listed class, or when no category is listed.</returns>
    internal bool CoversCategory(DataCategoryId category, DataClass @class)
        => (Categories.IsEmpty && DataClasses.IsEmpty)
            || Categories.Any(c => category.IsWithin(c))
            || DataClasses.Contains(@class);

    /// <summary>How specific the rule is; more specific rules are cited first.</summary>
    /// <value>The sum, over the rule's selectors, of the depth of its deepest id (a class counts one half-level).</value>
    internal int Specificity
    {
        get
        {
            static int Depth(string id) => 2 * (id.Count(c => c == '.') + 1);
            var category = Math.Max(Categories.Select(c => Depth(c.Value)).DefaultIfEmpty(0).Max(), DataClasses.IsEmpty ? 0 : 1);
            return category
                + Purposes.Select(p => Depth(p.Value)).DefaultIfEmpty(0).Max()
                + Recipients.Select(r => Depth(r.Value)).DefaultIfEmpty(0).Max()
                + Reasons.Select(r => Depth(r.Value)).DefaultIfEmpty(0).Max()
                + Messages.Select(m => Depth(m.Value)).DefaultIfEmpty(0).Max()
                + Channels.Select(c => Depth(c.Value)).DefaultIfEmpty(0).Max();
        }
    }

    /// <summary>Describes the rule, for logs and analysis findings.</summary>
    /// <returns>For example <c>prohibit sensitive.none [collect, use, …]</c>.</returns>
    public override string ToString() => $"{Effect.ToString().ToLowerInvariant()} {Id} ({Clause})";
}
