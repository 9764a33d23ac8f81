using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.Reference;

/// <summary>
/// The simplest correct reading of a policy's rules, written for clarity, not speed: every request
/// walks the rules of the policy, with no tables, no dense ids and no caching. The compiled
/// evaluator must agree with it on every request (see the differential tests); the benchmarks
/// link this file to show how much compilation buys.
/// </summary>
/// <remarks>
/// The rules, as the policy model documents them:
/// <list type="number">
/// <item>Which rules apply to a request, and which of their selectors and exceptions it meets, is
/// <see cref="RuleSemantics"/>: the one reading the compiler and the analyzer share (a permission
/// that names a selector its action does not carry does not apply to that action; a prohibition
/// applies with that selector left out; selectors match the ids below the ones they list).</item>
/// <item>Its conditions hold when every condition it names holds.</item>
/// <item>Matching rules are ordered most specific first, then in declaration order.</item>
/// <item>A matching prohibition whose conditions hold denies, unless the request falls under its
/// exceptions; then its exemption clause joins a permit.</item>
/// <item>Otherwise a matching permission whose conditions hold permits, with its clause and obligations.</item>
/// <item>Otherwise the request is denied, citing the permissions that matched but whose conditions
/// did not hold, then the action's default clause.</item>
/// </list>
/// Retention follows the nearest retention rule up the category hierarchy, its anchor, erasure,
/// retention grounds and legal holds.
/// </remarks>
public sealed class ReferenceEvaluator : IPrivacyEvaluator
{
    private readonly PrivacyPolicy _policy;
    private readonly DateTimeZone _zone;

    /// <summary>Creates a reference evaluator for a policy.</summary>
    public ReferenceEvaluator(PrivacyPolicy policy)
    {
        _policy = policy;
        _zone = DateTimeZoneProviders.Tzdb[policy.TimeZoneId];
    }

    /// <inheritdoc/>
    public string PolicyId => _policy.Id;

    /// <inheritdoc/>
    public PrivacyDecision Decide(in CollectRequest request, SubjectState? subject)
        => DecidePurpose(PrivacyAction.Collect, request.Category.Value, request.Purpose.Value, subject ?? SubjectState.Empty(request.At), request.Context);

    /// <inheritdoc/>
    public PrivacyDecision Decide(in UseRequest request, SubjectState? subject)
        => DecidePurpose(PrivacyAction.Use, request.Category.Value, request.Purpose.Value, subject ?? SubjectState.Empty(request.At), request.Context);

    /// <inheritdoc/>
    public PrivacyDecision Decide(in DiscloseRequest request, SubjectState? subject)
    {
        subject ??= SubjectState.Empty(request.At);
        var category = Category(request.Category.Value);
        var recipient = request.Recipient.Value;
        var reason = request.Reason.Value;
        Require(_policy.Recipients.Any(r => r.Id.Value == recipient), "recipient", recipient);
        Require(_policy.Reasons.Any(r => r.Id.Value == reason), "reason", reason);
        var holds = Holds(subject, subject.HasConsent(new RecipientId(recipient)), request.Context);
        return Combine(Matching(PrivacyAction.Disclose, new RuleRequest(category, null, recipient, reason, null, null)), holds, PrivacyAction.Disclose);
    }

    /// <inheritdoc/>
    public PrivacyDecision Decide(in CommunicateRequest request, SubjectState? subject)
    {
        subject ??= SubjectState.Empty(request.At);
        var message = request.Message.Value;
        var channel = request.Channel.Value;
        Require(_policy.Messages.Any(m => m.Id.Value == message), "message", message);
        Require(_policy.Channels.Any(c => c.Id.Value == channel), "channel", channel);

        // Messages read no consent.
        var holds = Holds(subject, consent: false, request.Context);
        return Combine(Matching(PrivacyAction.Communicate, new RuleRequest(null, null, null, null, message, channel)), holds, PrivacyAction.Communicate);
    }

    /// <inheritdoc/>
    public PrivacyDecision Decide(in RetainRequest request, SubjectState? subject)
    {
        subject ??= SubjectState.Empty(request.At);
        var category = Category(request.Category.Value);
        var claimed = request.Grounds.IsDefault ? [] : request.Grounds.Select(g => g.Value).ToList();
        foreach (var ground in claimed)
        {
            Require(_policy.Grounds.Any(g => g.Id.Value == ground), "ground", ground);
        }

        // The rule of the category, or else of its nearest ancestor that has one.
        RetentionRule? rule = null;
        for (DataCategoryId? c = category.Id; c is { } id && rule is null; c = id.Parent)
        {
            rule = _policy.RetentionRules.FirstOrDefault(r => r.Category == id);
        }

        if (subject.IsUnderLegalHold && (rule is null || rule.AllowsGrounds))
        {
            return new PrivacyDecision(Effect.Retain, [_policy.LegalHoldClause]);
        }

        if (rule is null)
        {
            return new PrivacyDecision(Effect.Delete, [_policy.DefaultDenials[PrivacyAction.Retain]], deadline: request.CollectedAt);
        }

        var erased = subject.ErasureRequestedAt is { } asked && asked <= request.At && _policy.ErasureClasses.Contains(category.Class);
        Instant? anchor = rule.Anchor switch
        {
            RetentionAnchor.Collection => request.CollectedAt,
            RetentionAnchor.LastActivity => subject.LastActivityAt is { } used && used > request.CollectedAt ? used : request.CollectedAt,
            RetentionAnchor.AccountClosure => subject.AccountClosedAt,
            _ => subject.ErasureRequestedAt,
        };
        if (anchor is null && !erased)
        {
            return new PrivacyDecision(Effect.Retain, [rule.Clause]);
        }

        var deadline = anchor is { } start ? Add(rule.Period, start) : Instant.MaxValue;
        if (erased)
        {
            var eraseBy = Add(_policy.ErasurePeriod, subject.ErasureRequestedAt!.Value);
            deadline = eraseBy < deadline ? eraseBy : deadline;
        }

        // Data is never due before it was collected.
        deadline = deadline < request.CollectedAt ? request.CollectedAt : deadline;

        var basis = erased ? _policy.ErasureClause : rule.Clause;
        if (rule.AllowsGrounds)
        {
            // Grounds that really extend the deadline, in declaration order.
            var extending = _policy.Grounds.Where(g => claimed.Contains(g.Id.Value) && Add(g.MaximumExtension, deadline) > deadline).ToList();
            if (extending.Count > 0)
            {
                var until = extending.Max(g => Add(g.MaximumExtension, deadline));
                return new PrivacyDecision(
                    request.At < until ? Effect.Retain : Effect.Delete,
                    [.. extending.Select(g => g.Clause).Append(basis).Distinct()],
                    deadline: until,
                    grounds: [.. extending.Select(g => g.Id).OrderBy(g => g.Value, StringComparer.Ordinal)]);
            }
        }

        var effect = erased || request.At >= deadline ? Effect.Delete : Effect.Retain;
        return new PrivacyDecision(effect, [basis], deadline: deadline);
    }

    private static void Require(bool known, string kind, string id)
    {
        if (!known)
        {
            throw new PrivacyRequestException($"unknown-{kind}", kind, $"Unknown {kind} '{id}'.");
        }
    }

    /// <summary>Calendar periods count on the controller's local calendar; a time in a gap moves forward, in an overlap the earlier instant counts.</summary>
    private Instant Add(RetentionPeriod period, Instant start)
        => period.Calendar is { } calendar
            ? _zone.AtLeniently(start.InZone(_zone).LocalDateTime + calendar).ToInstant()
            : start + period.Exact;

    private DataCategory Category(string id)
    {
        var category = _policy.Categories.FirstOrDefault(c => c.Id.Value == id);
        Require(category is not null, "category", id);
        return category!;
    }

    private PrivacyDecision DecidePurpose(PrivacyAction action, string categoryId, string purposeId, SubjectState subject, RequestContext context)
    {
        var category = Category(categoryId);
        Require(_policy.Purposes.Any(p => p.Id.Value == purposeId), "purpose", purposeId);
        var purpose = new PurposeId(purposeId);
        var holds = Holds(subject, subject.HasConsent(purpose), context);
        return Combine(Matching(action, new RuleRequest(category, purposeId, null, null, null, null)), holds, action);
    }

    /// <summary>The rules that match a request, most specific first, then in declaration order, each with whether its exceptions exempt the request.</summary>
    private List<(PolicyRule Rule, bool Exempt)> Matching(PrivacyAction action, RuleRequest request)
        => [.. _policy.Rules
            .Where(rule => RuleSemantics.Matches(rule, action, request))
            .OrderByDescending(rule => rule.Specificity) // OrderBy is stable: ties keep declaration order.
            .Select(rule => (rule, RuleSemantics.Exempts(rule, action, request)))];

    private static RuleConditions Holds(SubjectState subject, bool consent, RequestContext context)
    {
        var holds = RuleConditions.None;
        if (subject.IsErased)
        {
            holds |= RuleConditions.ErasureRequested;
        }

        if (subject.IsOptedOutOfMarketing)
        {
            holds |= RuleConditions.MarketingOptedOut;
        }

        if (consent)
        {
            holds |= RuleConditions.Consent;
        }

        if (context.LocationFeatureInUse)
        {
            holds |= RuleConditions.LocationFeatureInUse;
        }

        if (context.ConfidentialityAgreement)
        {
            holds |= RuleConditions.ConfidentialityAgreement;
        }

        return holds;
    }

    private PrivacyDecision Combine(List<(PolicyRule Rule, bool Exempt)> matches, RuleConditions holds, PrivacyAction action)
    {
        bool ConditionsHold(PolicyRule rule) => (rule.Conditions & holds) == rule.Conditions;

        var denying = matches.Where(m => m.Rule.Effect == RuleEffect.Prohibit && !m.Exempt && ConditionsHold(m.Rule)).ToList();
        if (denying.Count > 0)
        {
            return new PrivacyDecision(Effect.Deny, [.. denying.Select(m => m.Rule.Clause).Distinct()]);
        }

        var permitting = matches.Where(m => m.Rule.Effect == RuleEffect.Permit && ConditionsHold(m.Rule)).ToList();
        if (permitting.Count > 0)
        {
            var exemptions = matches
                .Where(m => m.Rule.Effect == RuleEffect.Prohibit && m.Exempt && ConditionsHold(m.Rule) && m.Rule.ExemptionClause is not null)
                .Select(m => m.Rule.ExemptionClause!.Value);
            return new PrivacyDecision(
                Effect.Permit,
                [.. permitting.Select(m => m.Rule.Clause).Concat(exemptions).Distinct()],
                [.. permitting.SelectMany(m => m.Rule.Obligations).Distinct()]);
        }

        var nearMisses = matches.Where(m => m.Rule.Effect == RuleEffect.Permit).Select(m => m.Rule.Clause);
        return new PrivacyDecision(Effect.Deny, [.. nearMisses.Append(_policy.DefaultDenials[action]).Distinct()]);
    }
}
