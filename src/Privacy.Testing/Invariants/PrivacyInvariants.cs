using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Privacy.Compilation;
using Privacy.Policies;
using Privacy.Testing.Generators;
using Privacy.Verification;

namespace Privacy.Testing.Invariants;

/// <summary>
/// The engine's invariants as assertions a host can run against its own code: pass the
/// <see cref="IPrivacyEvaluator"/> the host's code decides with (a compiled policy, or the host's
/// wrapper around one) and generated requests and subjects. Each throws
/// <see cref="PrivacyAssertionException"/> when the invariant does not hold, so it works as the
/// body of an FsCheck property under any test framework.
/// </summary>
public static class PrivacyInvariants
{
    /// <summary>Every decision cites at least one clause the policy defines, and a denial carries no obligation.</summary>
    /// <param name="policy">The policy whose clauses may be cited.</param>
    /// <param name="decision">The decision.</param>
    /// <exception cref="PrivacyAssertionException">The decision is not explained.</exception>
    public static void Explainable(PrivacyPolicy policy, PrivacyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (decision.Clauses.IsDefaultOrEmpty)
        {
            throw new PrivacyAssertionException($"The decision {decision} cites no clause.");
        }

        foreach (var clause in decision.Clauses.Where(c => !policy.Clauses.Any(d => d.Id == c)))
        {
            throw new PrivacyAssertionException($"The decision {decision} cites '{clause}', which policy {policy.Id} does not define.");
        }

        if (decision.Effect == Effect.Deny && !decision.Obligations.IsDefaultOrEmpty)
        {
            throw new PrivacyAssertionException($"The denial {decision} carries obligations.");
        }
    }

    /// <summary>Asking the same question twice gives the same answer.</summary>
    /// <param name="evaluator">The evaluator under test.</param>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject.</param>
    /// <exception cref="PrivacyAssertionException">The answers differ.</exception>
    public static void Deterministic(IPrivacyEvaluator evaluator, PolicyRequest request, DataSubject subject)
        => Same(Try(evaluator, request, subject), Try(evaluator, request, subject), $"{request} asked twice");

    /// <summary>The order in which a subject's history is stored never changes a decision (tried reversed and sorted both ways).</summary>
    /// <param name="evaluator">The evaluator under test.</param>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject.</param>
    /// <exception cref="PrivacyAssertionException">Some order changes the answer.</exception>
    public static void OrderIndependent(IPrivacyEvaluator evaluator, PolicyRequest request, DataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var expected = Try(evaluator, request, subject);
        foreach (var order in new[] { subject.Events.Reverse(), subject.Events.OrderBy(e => e.At), subject.Events.OrderByDescending(e => e.At) })
        {
            Same(expected, Try(evaluator, request, new DataSubject(subject.Id, subject.HasEmail, order)), $"{request} with the history reordered");
        }
    }

    /// <summary>The order in which a subject's history is stored never changes a decision.</summary>
    /// <param name="evaluator">The evaluator under test.</param>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="reordered">The same events in another order (for example from <c>Gen.Shuffle</c>).</param>
    /// <exception cref="PrivacyAssertionException">The reordered history changes the answer.</exception>
    public static void OrderIndependent(IPrivacyEvaluator evaluator, PolicyRequest request, DataSubject subject, IEnumerable<PrivacyEvent> reordered)
    {
        ArgumentNullException.ThrowIfNull(subject);
        Same(Try(evaluator, request, subject), Try(evaluator, request, new DataSubject(subject.Id, subject.HasEmail, reordered)), $"{request} with the history reordered");
    }

    /// <summary>Events after the decision's instant change nothing.</summary>
    /// <param name="evaluator">The evaluator under test.</param>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="later">Events of any kind; each is moved to one minute or more after the request's instant.</param>
    /// <exception cref="PrivacyAssertionException">A later event changes the answer.</exception>
    public static void IgnoresLaterEvents(IPrivacyEvaluator evaluator, PolicyRequest request, DataSubject subject, IEnumerable<PrivacyEvent> later)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(later);
        var future = later.Select((e, i) => new PrivacyEvent(e.Kind, request.At + Duration.FromMinutes(1 + i), e.Purpose, e.Recipient, e.Version));
        Same(Try(evaluator, request, subject), Try(evaluator, request, new DataSubject(subject.Id, subject.HasEmail, subject.Events.Concat(future))), $"{request} with events after its instant");
    }

    /// <summary>Adding consent (to the request's purpose or recipient, at its instant) never turns a permit into a denial.</summary>
    /// <param name="evaluator">The evaluator under test.</param>
    /// <param name="request">The request; only collect, use and disclose read consent.</param>
    /// <param name="subject">The subject.</param>
    /// <exception cref="PrivacyAssertionException">The consent denies what was permitted.</exception>
    public static void ConsentNeverDeniesMore(IPrivacyEvaluator evaluator, PolicyRequest request, DataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(subject);
        PrivacyEvent? consent = request.Action switch
        {
            PrivacyAction.Collect or PrivacyAction.Use when !request.Purpose.IsDefault => PrivacyEvent.ConsentGranted(request.Purpose, request.At),
            PrivacyAction.Disclose when !request.Recipient.IsDefault => PrivacyEvent.ConsentGranted(request.Recipient, request.At),
            _ => null,
        };
        if (consent is null)
        {
            return;
        }

        var before = Try(evaluator, request, subject);
        var after = Try(evaluator, request, subject.WithEvent(consent));
        if (before.Decision is { Effect: Effect.Permit } && after.Decision is not { Effect: Effect.Permit })
        {
            throw new PrivacyAssertionException($"Adding consent denied more: {request} for {Describe(subject)} was {before}, with {GeneratedSubject.Describe(consent)} it is {after}.");
        }
    }

    /// <summary>Adding a marketing opt-out (at the request's instant) never turns a denial into a permit.</summary>
    /// <param name="evaluator">The evaluator under test.</param>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject.</param>
    /// <exception cref="PrivacyAssertionException">The opt-out permits what was denied.</exception>
    public static void OptOutNeverPermitsMore(IPrivacyEvaluator evaluator, PolicyRequest request, DataSubject subject)
        => NeverPermitsMore(evaluator, request, subject, PrivacyEvent.MarketingOptOut(request?.At ?? default), "a marketing opt-out");

    /// <summary>Adding an erasure request (at the request's instant) never turns a denial into a permit.</summary>
    /// <param name="evaluator">The evaluator under test.</param>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject.</param>
    /// <exception cref="PrivacyAssertionException">The erasure request permits what was denied.</exception>
    public static void ErasureNeverPermitsMore(IPrivacyEvaluator evaluator, PolicyRequest request, DataSubject subject)
        => NeverPermitsMore(evaluator, request, subject, PrivacyEvent.ErasureRequested(request?.At ?? default), "an erasure request");

    /// <summary>Unknown ids never permit: each id the action reads, replaced by one the policy does not know, gives an error or a denial.</summary>
    /// <param name="evaluator">The evaluator under test.</param>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject.</param>
    /// <exception cref="PrivacyAssertionException">An unknown id was permitted.</exception>
    public static void FailsClosed(IPrivacyEvaluator evaluator, PolicyRequest request, DataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Unknown = "zz-not-in-this-policy";
        var mangled = new List<PolicyRequest>();
        switch (request.Action)
        {
            case PrivacyAction.Collect or PrivacyAction.Use:
                mangled.Add(request with { Category = new(Unknown) });
                mangled.Add(request with { Purpose = new(Unknown) });
                mangled.Add(request with { Purpose = default });
                break;
            case PrivacyAction.Disclose:
                mangled.Add(request with { Category = new(Unknown) });
                mangled.Add(request with { Recipient = new(Unknown) });
                mangled.Add(request with { Reason = new(Unknown) });
                break;
            case PrivacyAction.Communicate:
                mangled.Add(request with { Message = new(Unknown) });
                mangled.Add(request with { Channel = new(Unknown) });
                break;
            default:
                mangled.Add(request with { Category = new(Unknown) });
                mangled.Add(request with { Grounds = [new(Unknown)] });
                break;
        }

        foreach (var m in mangled)
        {
            var outcome = Try(evaluator, m, subject);
            if (outcome.Decision is { IsAllowed: true })
            {
                throw new PrivacyAssertionException($"An unknown or missing id was allowed: {m} for {Describe(subject)} gave {outcome}.");
            }
        }
    }

    /// <summary>A prohibition that applies to the request (its selectors cover it, its conditions hold and its exceptions do not pass it) denies.</summary>
    /// <param name="policy">The compiled policy whose rules say what applies.</param>
    /// <param name="evaluator">The evaluator under test.</param>
    /// <param name="request">The request; retention has no prohibitions and passes.</param>
    /// <param name="subject">The subject.</param>
    /// <exception cref="PrivacyAssertionException">An applicable prohibition did not deny.</exception>
    public static void ProhibitionsWin(CompiledPolicy policy, IPrivacyEvaluator evaluator, PolicyRequest request, DataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(subject);
        if (request.Action == PrivacyAction.Retain)
        {
            return;
        }

        var v = policy.Vocabulary;
        int Index(IdTable table, string? id) => table.TryGetIndex(id, out var i) ? i : -1;
        var (c, p, r, s, m, h) = (Index(v.Categories, request.Category.Value), Index(v.Purposes, request.Purpose.Value), Index(v.Recipients, request.Recipient.Value),
            Index(v.Reasons, request.Reason.Value), Index(v.Messages, request.Message.Value), Index(v.Channels, request.Channel.Value));
        var reads = request.Action switch
        {
            PrivacyAction.Collect or PrivacyAction.Use => c >= 0 && p >= 0,
            PrivacyAction.Disclose => c >= 0 && r >= 0 && s >= 0,
            _ => m >= 0 && h >= 0,
        };
        if (!reads)
        {
            return;
        }

        var state = subject.StateAt(request.At);
        var holding = (state.IsErased ? RuleConditions.ErasureRequested : 0)
            | (state.IsOptedOutOfMarketing ? RuleConditions.MarketingOptedOut : 0)
            | (request.Action switch
            {
                PrivacyAction.Collect or PrivacyAction.Use => state.HasConsent(request.Purpose),
                PrivacyAction.Disclose => state.HasConsent(request.Recipient),
                _ => false,
            } ? RuleConditions.Consent : 0)
            | (request.Context.LocationFeatureInUse ? RuleConditions.LocationFeatureInUse : 0)
            | (request.Context.ConfidentialityAgreement ? RuleConditions.ConfidentialityAgreement : 0);
        var cell = new DecisionCell(
            request.Action,
            request.Action == PrivacyAction.Communicate ? null : request.Category.Value,
            request.Action is PrivacyAction.Collect or PrivacyAction.Use ? request.Purpose.Value : null,
            request.Action == PrivacyAction.Disclose ? request.Recipient.Value : null,
            request.Action == PrivacyAction.Disclose ? request.Reason.Value : null,
            request.Action == PrivacyAction.Communicate ? request.Message.Value : null,
            request.Action == PrivacyAction.Communicate ? request.Channel.Value : null,
            holding);
        if (PolicyVerifier.FindProhibition(policy, cell) is { } prohibition)
        {
            var outcome = Try(evaluator, request, subject);
            if (outcome.Decision is { IsAllowed: true })
            {
                throw new PrivacyAssertionException($"Prohibition '{prohibition.Id}' applies to {request} for {Describe(subject)}, yet the decision is {outcome}.");
            }
        }
    }

    /// <summary>A retention deadline never falls before the data was collected.</summary>
    /// <param name="evaluator">The evaluator under test.</param>
    /// <param name="request">The request; only retention is checked.</param>
    /// <param name="subject">The subject.</param>
    /// <exception cref="PrivacyAssertionException">The deadline is earlier than the collection.</exception>
    public static void NoDeadlineBeforeItsAnchor(IPrivacyEvaluator evaluator, PolicyRequest request, DataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Action == PrivacyAction.Retain && Try(evaluator, request, subject).Decision is { Deadline: { } deadline } decision && deadline < request.CollectedAt)
        {
            throw new PrivacyAssertionException($"{request} for {Describe(subject)}: the deadline {deadline} falls before the data was collected ({decision}).");
        }
    }

    /// <summary>Claiming retention grounds never brings a deadline forward, nor turns retain into delete.</summary>
    /// <param name="evaluator">The evaluator under test.</param>
    /// <param name="request">The request; only retention is checked, against the same request without grounds.</param>
    /// <param name="subject">The subject.</param>
    /// <exception cref="PrivacyAssertionException">The grounds shortened the retention.</exception>
    public static void GroundsNeverShorten(IPrivacyEvaluator evaluator, PolicyRequest request, DataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Action != PrivacyAction.Retain || request.Grounds.IsDefaultOrEmpty)
        {
            return;
        }

        var with = Try(evaluator, request, subject);
        var without = Try(evaluator, request with { Grounds = [] }, subject);
        if (with.Decision is not { } a || without.Decision is not { } b)
        {
            return;
        }

        if ((a.Deadline ?? Instant.MaxValue) < (b.Deadline ?? Instant.MaxValue) || (b.Effect == Effect.Retain && a.Effect != Effect.Retain))
        {
            throw new PrivacyAssertionException($"{request} for {Describe(subject)}: with grounds {a}, without {b}.");
        }
    }

    /// <summary>Runs every invariant that applies to the request.</summary>
    /// <param name="policy">The compiled policy (for its clauses and rules).</param>
    /// <param name="evaluator">The evaluator under test; pass <paramref name="policy"/> itself to test the engine.</param>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject.</param>
    /// <exception cref="PrivacyAssertionException">Some invariant does not hold.</exception>
    public static void All(CompiledPolicy policy, IPrivacyEvaluator evaluator, PolicyRequest request, DataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (Try(evaluator, request, subject).Decision is { } decision)
        {
            Explainable(policy.Policy, decision);
        }

        Deterministic(evaluator, request, subject);
        OrderIndependent(evaluator, request, subject);
        ConsentNeverDeniesMore(evaluator, request, subject);
        OptOutNeverPermitsMore(evaluator, request, subject);
        ErasureNeverPermitsMore(evaluator, request, subject);
        FailsClosed(evaluator, request, subject);
        ProhibitionsWin(policy, evaluator, request, subject);
        NoDeadlineBeforeItsAnchor(evaluator, request, subject);
        GroundsNeverShorten(evaluator, request, subject);
    }

    private static void NeverPermitsMore(IPrivacyEvaluator evaluator, PolicyRequest? request, DataSubject subject, PrivacyEvent added, string what)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(subject);
        if (request.Action == PrivacyAction.Retain)
        {
            return;
        }

        var before = Try(evaluator, request, subject);
        var after = Try(evaluator, request, subject.WithEvent(added));
        if (before.Decision is not { IsAllowed: true } && after.Decision is { IsAllowed: true })
        {
            throw new PrivacyAssertionException($"Adding {what} permitted more: {request} for {Describe(subject)} was {before}, with {GeneratedSubject.Describe(added)} it is {after}.");
        }
    }

    private static void Same(Outcome a, Outcome b, string what)
    {
        if (a != b)
        {
            throw new PrivacyAssertionException($"{what}: {a} then {b}.");
        }
    }

    private static string Describe(DataSubject subject) => $"{subject.Id} [{string.Join("; ", subject.Events.Select(GeneratedSubject.Describe))}]";

    /// <summary>A decision, or the code and field of the request error.</summary>
    private static Outcome Try(IPrivacyEvaluator evaluator, PolicyRequest request, DataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(subject);
        try
        {
            return new Outcome(request.Decide(evaluator, subject), null);
        }
        catch (PrivacyRequestException e)
        {
            return new Outcome(null, $"{e.Code} ({e.Field})");
        }
    }

    private readonly record struct Outcome(PrivacyDecision? Decision, string? Error)
    {
        public override string ToString() => Decision?.ToString() ?? $"error {Error}";
    }
}
