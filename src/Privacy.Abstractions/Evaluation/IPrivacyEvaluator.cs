namespace Privacy;

/// <summary>
/// Decides requests against a privacy policy at the instant each request names.
/// </summary>
/// <remarks>
/// <para>Implementations are pure: the same policy, request, subject state and instant always give
/// the same decision, and nothing reads the wall clock. Anything the policy does not explicitly
/// permit is denied. Every decision cites at least one clause.</para>
/// <para>The subject state must describe the request's instant (<see cref="SubjectState.At"/> equal
/// to the request's <c>At</c>); fold it with <see cref="DataSubject.StateAt(NodaTime.Instant)"/>. A null
/// state means a subject with no history and no email address on file, the same decision as
/// <see cref="SubjectState.Empty(NodaTime.Instant, bool)"/> at the request's instant, so
/// <c>evaluator.Decide(request, null)</c> asks about a subject the host knows nothing about.</para>
/// <para>Implementations are thread-safe.</para>
/// </remarks>
/// <example>
/// <code>
/// IPrivacyEvaluator evaluator = BuiltInPolicies.IsmartviewPro2018Compiled;
/// var at = Instant.FromUtc(2026, 3, 1, 9, 0);
/// var request = new UseRequest(new("personal.email"), new("marketing.own"), at);
/// PrivacyDecision anyone = evaluator.Decide(request, null);       // a subject with no history
/// PrivacyDecision jane = evaluator.Decide(request, new DataSubject("u-17", hasEmail: true,
///     [PrivacyEvent.MarketingOptOut(at - Duration.FromDays(30))]));  // the history, folded at the request's instant
/// </code>
/// </example>
public interface IPrivacyEvaluator
{
    /// <summary>Gets the id of the policy this evaluator applies.</summary>
    /// <value>For example <c>ismartviewpro-2018</c>.</value>
    string PolicyId { get; }

    /// <summary>Decides whether data may be collected for a purpose.</summary>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject's state at the request's instant, or null for a subject with no history.</param>
    /// <returns>Permit or deny, with the deciding clauses.</returns>
    /// <exception cref="PrivacyRequestException">The request names an id the policy does not know, or a required id is missing.</exception>
    PrivacyDecision Decide(in CollectRequest request, SubjectState? subject);

    /// <summary>Decides whether data may be used for a purpose.</summary>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject's state at the request's instant, or null for a subject with no history.</param>
    /// <returns>Permit or deny, with the deciding clauses.</returns>
    /// <exception cref="PrivacyRequestException">The request names an id the policy does not know, or a required id is missing.</exception>
    PrivacyDecision Decide(in UseRequest request, SubjectState? subject);

    /// <summary>Decides whether data may be disclosed to a recipient for a reason.</summary>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject's state at the request's instant, or null for a subject with no history.</param>
    /// <returns>Permit or deny, with the deciding clauses and, for a permit, the obligations.</returns>
    /// <exception cref="PrivacyRequestException">The request names an id the policy does not know, or a required id is missing.</exception>
    PrivacyDecision Decide(in DiscloseRequest request, SubjectState? subject);

    /// <summary>Decides whether a message may be sent to the subject.</summary>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject's state at the request's instant, or null for a subject with no history.</param>
    /// <returns>Permit or deny, with the deciding clauses and, for a permit, the obligations.</returns>
    /// <exception cref="PrivacyRequestException">The request names an id the policy does not know, or a required id is missing.</exception>
    PrivacyDecision Decide(in CommunicateRequest request, SubjectState? subject);

    /// <summary>Decides whether a stored record may be kept, and until when.</summary>
    /// <param name="request">The request.</param>
    /// <param name="subject">The subject's state at the request's instant, or null for a subject with no history.</param>
    /// <returns>Retain or delete, with the deadline, the grounds used and the deciding clauses.</returns>
    /// <exception cref="PrivacyRequestException">The request names an id the policy does not know, or a required id is missing.</exception>
    PrivacyDecision Decide(in RetainRequest request, SubjectState? subject);
}
