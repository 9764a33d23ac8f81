using System;
using NodaTime;
using Privacy.Internal;

namespace Privacy;

/// <summary>Overloads of <see cref="IPrivacyEvaluator"/> that take a <see cref="DataSubject"/> and fold its history at the request's instant.</summary>
/// <remarks>
/// A bare <c>null</c> subject (<c>evaluator.Decide(request, null)</c>) binds to the evaluator's own
/// <see cref="SubjectState"/> overload, which reads it as a subject with no history; a null
/// <see cref="DataSubject"/> passed here means the same.
/// </remarks>
public static class PrivacyEvaluatorExtensions
{
    /// <summary>Decides a collection for a subject.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject, or null for one with no history.</param>
    /// <returns>The decision.</returns>
    public static PrivacyDecision Decide(this IPrivacyEvaluator evaluator, in CollectRequest request, DataSubject? subject)
        => Checked(evaluator).Decide(request, StateAt(subject, request.At));

    /// <summary>Decides a use for a subject.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject, or null for one with no history.</param>
    /// <returns>The decision.</returns>
    public static PrivacyDecision Decide(this IPrivacyEvaluator evaluator, in UseRequest request, DataSubject? subject)
        => Checked(evaluator).Decide(request, StateAt(subject, request.At));

    /// <summary>Decides a disclosure for a subject.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject, or null for one with no history.</param>
    /// <returns>The decision.</returns>
    public static PrivacyDecision Decide(this IPrivacyEvaluator evaluator, in DiscloseRequest request, DataSubject? subject)
        => Checked(evaluator).Decide(request, StateAt(subject, request.At));

    /// <summary>Decides a message for a subject.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject, or null for one with no history.</param>
    /// <returns>The decision.</returns>
    public static PrivacyDecision Decide(this IPrivacyEvaluator evaluator, in CommunicateRequest request, DataSubject? subject)
        => Checked(evaluator).Decide(request, StateAt(subject, request.At));

    /// <summary>Decides retention of a record about a subject.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject, or null for one with no history.</param>
    /// <returns>The decision.</returns>
    public static PrivacyDecision Decide(this IPrivacyEvaluator evaluator, in RetainRequest request, DataSubject? subject)
        => Checked(evaluator).Decide(request, StateAt(subject, request.At));

    /// <summary>Decides a request of any action for its subject, as <c>privacy decide</c> decides a line.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="request">The request; its subject, or one with no history when it has none, is folded at its instant.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="PrivacyRequestException">The request names an id the policy does not know.</exception>
    public static PrivacyDecision Decide(this IPrivacyEvaluator evaluator, PrivacyRequest request)
        => Preconditions.CheckNotNull(request, nameof(request)).DecideWith(Checked(evaluator));

    private static IPrivacyEvaluator Checked(IPrivacyEvaluator evaluator) => Preconditions.CheckNotNull(evaluator, nameof(evaluator));

    private static SubjectState? StateAt(DataSubject? subject, Instant at) => subject?.StateAt(at);
}
