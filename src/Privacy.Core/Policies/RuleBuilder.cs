using System;
using System.Collections.Generic;
using System.Linq;
using Privacy.Internal;

namespace Privacy.Policies;

/// <summary>Says what one rule covers; used through <see cref="PolicyBuilder.Permit"/> and <see cref="PolicyBuilder.Prohibit"/>.</summary>
/// <remarks>Every selector left unset matches anything. Not thread-safe.</remarks>
public sealed class RuleBuilder
{
    private readonly List<PrivacyAction> _actions = [];
    private readonly List<DataCategoryId> _categories = [];
    private readonly List<DataClass> _classes = [];
    private readonly List<PurposeId> _purposes = [];
    private readonly List<RecipientId> _recipients = [];
    private readonly List<DisclosureReasonId> _reasons = [];
    private readonly List<MessageKindId> _messages = [];
    private readonly List<ChannelId> _channels = [];
    private readonly List<PurposeId> _exceptPurposes = [];
    private readonly List<DisclosureReasonId> _exceptReasons = [];
    private readonly List<ObligationId> _obligations = [];
    private RuleConditions _conditions;
    private ClauseId? _clause;
    private ClauseId? _exemptionClause;

    internal RuleBuilder(string id, RuleEffect effect)
    {
        Id = Preconditions.CheckNotEmpty(id, nameof(id));
        Effect = effect;
    }

    /// <summary>Gets the id of the rule being built.</summary>
    /// <value>The rule id.</value>
    internal string Id { get; }

    /// <summary>Gets whether the rule permits or prohibits.</summary>
    /// <value>The effect.</value>
    internal RuleEffect Effect { get; }

    /// <summary>Names the actions the rule governs.</summary>
    /// <param name="actions">One or more actions.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder On(params PrivacyAction[] actions)
    {
        _actions.AddRange(actions.Select(a => Preconditions.CheckDefined(a, nameof(actions))));
        return this;
    }

    /// <summary>Makes the rule govern every action.</summary>
    /// <returns>This builder.</returns>
    public RuleBuilder OnAllActions()
    {
        _actions.AddRange(Enum.GetValues<PrivacyAction>());
        return this;
    }

    /// <summary>Limits the rule to data categories (and their descendants).</summary>
    /// <param name="categories">Category ids.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Categories(params string[] categories)
    {
        _categories.AddRange(categories.Select(c => new DataCategoryId(c)));
        return this;
    }

    /// <summary>Limits the rule to data classes.</summary>
    /// <param name="classes">Data classes.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Classes(params DataClass[] classes)
    {
        _classes.AddRange(classes.Select(c => Preconditions.CheckDefined(c, nameof(classes))));
        return this;
    }

    /// <summary>Limits the rule to purposes (and their descendants).</summary>
    /// <param name="purposes">Purpose ids.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Purposes(params string[] purposes)
    {
        _purposes.AddRange(purposes.Select(p => new PurposeId(p)));
        return this;
    }

    /// <summary>Limits the rule to recipients.</summary>
    /// <param name="recipients">Recipient ids.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Recipients(params string[] recipients)
    {
        _recipients.AddRange(recipients.Select(r => new RecipientId(r)));
        return this;
    }

    /// <summary>Limits the rule to disclosure reasons.</summary>
    /// <param name="reasons">Reason ids.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Reasons(params string[] reasons)
    {
        _reasons.AddRange(reasons.Select(r => new DisclosureReasonId(r)));
        return this;
    }

    /// <summary>Limits the rule to message kinds.</summary>
    /// <param name="messages">Message kind ids.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Messages(params string[] messages)
    {
        _messages.AddRange(messages.Select(m => new MessageKindId(m)));
        return this;
    }

    /// <summary>Limits the rule to channels.</summary>
    /// <param name="channels">Channel ids.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Channels(params string[] channels)
    {
        _channels.AddRange(channels.Select(c => new ChannelId(c)));
        return this;
    }

    /// <summary>Makes the rule apply only when all the given facts hold.</summary>
    /// <param name="conditions">The facts.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder When(RuleConditions conditions)
    {
        _conditions |= conditions;
        return this;
    }

    /// <summary>Exempts purposes from a prohibition.</summary>
    /// <param name="purposes">Purpose ids the prohibition does not reach.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder ExceptPurposes(params string[] purposes)
    {
        _exceptPurposes.AddRange(purposes.Select(p => new PurposeId(p)));
        return this;
    }

    /// <summary>Exempts disclosure reasons from a prohibition.</summary>
    /// <param name="reasons">Reason ids the prohibition does not reach.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder ExceptReasons(params string[] reasons)
    {
        _exceptReasons.AddRange(reasons.Select(r => new DisclosureReasonId(r)));
        return this;
    }

    /// <summary>Names the clause a permit cites when it passed this prohibition through an exception.</summary>
    /// <param name="clause">The clause id.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder ExemptionCites(string clause)
    {
        _exemptionClause = new ClauseId(clause);
        return this;
    }

    /// <summary>Names the clause the rule cites.</summary>
    /// <param name="clause">The clause id.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Cites(string clause)
    {
        _clause = new ClauseId(clause);
        return this;
    }

    /// <summary>Adds obligations a permit by this rule carries.</summary>
    /// <param name="obligations">Obligation ids.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Requires(params string[] obligations)
    {
        _obligations.AddRange(obligations.Select(o => new ObligationId(o)));
        return this;
    }

    internal PolicyRule Build()
    {
        if (_clause is not { } clause)
        {
            throw new PolicyValidationException([new PolicyProblem(PolicyPaths.ById(PolicyPaths.Rules, Id), "missing-clause", $"Rule '{Id}' cites no clause; call Cites(\"clause-id\").")]);
        }

        if (_actions.Count == 0)
        {
            throw new PolicyValidationException([new PolicyProblem(PolicyPaths.ById(PolicyPaths.Rules, Id), "missing-action", $"Rule '{Id}' names no action; call On(...) or OnAllActions().")]);
        }

        return new PolicyRule(
            Id, Effect, [.. _actions.Distinct()], [.. _categories.Distinct()], [.. _classes.Distinct()], [.. _purposes.Distinct()],
            [.. _recipients.Distinct()], [.. _reasons.Distinct()], [.. _messages.Distinct()], [.. _channels.Distinct()],
            _conditions, [.. _exceptPurposes.Distinct()], [.. _exceptReasons.Distinct()], _exemptionClause, clause, [.. _obligations.Distinct()]);
    }
}
