using System.Collections.Generic;
using System.Linq;
using Privacy.Compilation;
using Privacy.Telemetry;

namespace Privacy.DependencyInjection;

/// <summary>
/// An <see cref="IPrivacyEvaluator"/> that always asks the policy in force, so a swapped policy takes effect at
/// once; counts each decision on the <c>Privacy</c> meter, traces it when <see cref="PrivacyOptions.TraceDecisions"/>
/// is set, and tells the registered <see cref="IDecisionObserver"/>s.
/// </summary>
/// <remarks>
/// With no observer, no tracing and nobody listening to the decision counters, a decision is the policy's call
/// returned as it is, after one field and two instrument checks; everything else is out of line.
/// </remarks>
internal sealed class ProviderEvaluator : IPrivacyEvaluator
{
    private readonly IPrivacyPolicyProvider _provider;
    private readonly IDecisionObserver[] _observers;
    private readonly bool _trace;
    private readonly bool _slow;

    public ProviderEvaluator(IPrivacyPolicyProvider provider, IEnumerable<IDecisionObserver>? observers = null, Microsoft.Extensions.Options.IOptions<PrivacyOptions>? options = null)
    {
        _provider = provider;
        _observers = observers?.ToArray() ?? [];
        _trace = options?.Value.TraceDecisions ?? false;
        _slow = _trace || _observers.Length > 0;
    }

    public string PolicyId => _provider.Current.PolicyId;

    public PrivacyDecision Decide(in CollectRequest request, SubjectState? subject)
    {
        if (_slow)
        {
            return DecideObserved(request, subject);
        }

        return PrivacyTelemetry.IsCountingDecisions
            ? Counted(PrivacyAction.Collect, _provider.Current.Decide(request, subject))
            : _provider.Current.Decide(request, subject);
    }

    public PrivacyDecision Decide(in UseRequest request, SubjectState? subject)
    {
        if (_slow)
        {
            return DecideObserved(request, subject);
        }

        return PrivacyTelemetry.IsCountingDecisions
            ? Counted(PrivacyAction.Use, _provider.Current.Decide(request, subject))
            : _provider.Current.Decide(request, subject);
    }

    public PrivacyDecision Decide(in DiscloseRequest request, SubjectState? subject)
    {
        if (_slow)
        {
            return DecideObserved(request, subject);
        }

        return PrivacyTelemetry.IsCountingDecisions
            ? Counted(PrivacyAction.Disclose, _provider.Current.Decide(request, subject))
            : _provider.Current.Decide(request, subject);
    }

    public PrivacyDecision Decide(in CommunicateRequest request, SubjectState? subject)
    {
        if (_slow)
        {
            return DecideObserved(request, subject);
        }

        return PrivacyTelemetry.IsCountingDecisions
            ? Counted(PrivacyAction.Communicate, _provider.Current.Decide(request, subject))
            : _provider.Current.Decide(request, subject);
    }

    public PrivacyDecision Decide(in RetainRequest request, SubjectState? subject)
    {
        if (_slow)
        {
            return DecideObserved(request, subject);
        }

        return PrivacyTelemetry.IsCountingDecisions
            ? Counted(PrivacyAction.Retain, _provider.Current.Decide(request, subject))
            : _provider.Current.Decide(request, subject);
    }

    private PrivacyDecision DecideObserved(in CollectRequest request, SubjectState? subject)
    {
        var policy = _provider.Current;
        using var activity = _trace ? Start(PrivacyAction.Collect, policy) : null;
        var decision = policy.Decide(request, subject);
        Observe(PrivacyAction.Collect, decision, activity);
        if (_observers.Length > 0)
        {
            Notify(new DecisionRecord(PrivacyAction.Collect, request.At, policy.PolicyId, decision, Category: request.Category, Purpose: request.Purpose));
        }

        return decision;
    }

    private PrivacyDecision DecideObserved(in UseRequest request, SubjectState? subject)
    {
        var policy = _provider.Current;
        using var activity = _trace ? Start(PrivacyAction.Use, policy) : null;
        var decision = policy.Decide(request, subject);
        Observe(PrivacyAction.Use, decision, activity);
        if (_observers.Length > 0)
        {
            Notify(new DecisionRecord(PrivacyAction.Use, request.At, policy.PolicyId, decision, Category: request.Category, Purpose: request.Purpose));
        }

        return decision;
    }

    private PrivacyDecision DecideObserved(in DiscloseRequest request, SubjectState? subject)
    {
        var policy = _provider.Current;
        using var activity = _trace ? Start(PrivacyAction.Disclose, policy) : null;
        var decision = policy.Decide(request, subject);
        Observe(PrivacyAction.Disclose, decision, activity);
        if (_observers.Length > 0)
        {
            Notify(new DecisionRecord(PrivacyAction.Disclose, request.At, policy.PolicyId, decision, Category: request.Category, Recipient: request.Recipient, Reason: request.Reason));
        }

        return decision;
    }

    private PrivacyDecision DecideObserved(in CommunicateRequest request, SubjectState? subject)
    {
        var policy = _provider.Current;
        using var activity = _trace ? Start(PrivacyAction.Communicate, policy) : null;
        var decision = policy.Decide(request, subject);
        Observe(PrivacyAction.Communicate, decision, activity);
        if (_observers.Length > 0)
        {
            Notify(new DecisionRecord(PrivacyAction.Communicate, request.At, policy.PolicyId, decision, Message: request.Message, Channel: request.Channel));
        }

        return decision;
    }

    private PrivacyDecision DecideObserved(in RetainRequest request, SubjectState? subject)
    {
        var policy = _provider.Current;
        using var activity = _trace ? Start(PrivacyAction.Retain, policy) : null;
        var decision = policy.Decide(request, subject);
        Observe(PrivacyAction.Retain, decision, activity);
        if (_observers.Length > 0)
        {
            Notify(new DecisionRecord(PrivacyAction.Retain, request.At, policy.PolicyId, decision, Category: request.Category));
        }

        return decision;
    }

    /// <summary>Counts a decision someone listens to; out of line so the path without listeners stays a plain call.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static PrivacyDecision Counted(PrivacyAction action, PrivacyDecision decision)
    {
        PrivacyTelemetry.RecordDecision(action, decision);
        return decision;
    }

    private static System.Diagnostics.Activity? Start(PrivacyAction action, CompiledPolicy policy)
    {
        var activity = PrivacyTelemetry.Source.StartActivity("privacy.decide");
        if (activity is not null)
        {
            activity.SetTag("privacy.action", PrivacyTelemetry.ActionName(action));
            activity.SetTag("privacy.policy.id", policy.PolicyId);
        }

        return activity;
    }

    private static void Observe(PrivacyAction action, in PrivacyDecision decision, System.Diagnostics.Activity? activity)
    {
        PrivacyTelemetry.RecordDecision(action, decision);
        if (activity is not null)
        {
            activity.SetTag("privacy.effect", decision.Effect.ToString());
            activity.SetTag("privacy.clauses", string.Join(",", decision.Clauses.Select(c => c.Value)));
        }
    }

    private void Notify(in DecisionRecord record)
    {
        foreach (var observer in _observers)
        {
            observer.OnDecision(record);
        }
    }
}
