using System;
using System.Linq;
using System.Runtime.CompilerServices;
using NodaTime;
using Privacy.Internal;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.Compilation;

/// <summary>
/// A policy compiled into dense, immutable tables: the evaluator hosts call.
/// </summary>
/// <remarks>
/// <para>Compile once with <see cref="Compile(PrivacyPolicy)"/> and share the result: it is immutable
/// and safe to use from any number of threads without locks.</para>
/// <para>There are two ways to ask. The <see cref="IPrivacyEvaluator"/> methods take typed ids and
/// a <see cref="SubjectState"/> (null for a subject with no history). The hot-path methods (<see cref="DecideUse"/> and its siblings) take
/// dense ids resolved once through <see cref="Vocabulary"/> and a <see cref="SubjectFacts"/> folded
/// once through <see cref="Fold(SubjectState)"/>; they are a few array reads and allocate nothing
/// (retention with several grounds at once excepted).</para>
/// <para>Decisions follow the policy's rules only: anything no rule permits is denied, a
/// prohibition overrides every permission, and every decision cites at least one clause.</para>
/// </remarks>
public sealed class CompiledPolicy : IPrivacyEvaluator
{
    private readonly ActionTable[] _tables;
    private readonly RetentionTable _retention;

    private CompiledPolicy(PrivacyPolicy policy)
    {
        Policy = policy;
        TimeZone = DateTimeZoneProviders.Tzdb[policy.TimeZoneId];
        Vocabulary = new CompiledVocabulary(policy);
        var compiler = new PolicyCompiler();
        _tables =
        [
            compiler.Build(PrivacyAction.Collect, policy, Vocabulary),
            compiler.Build(PrivacyAction.Use, policy, Vocabulary),
            compiler.Build(PrivacyAction.Disclose, policy, Vocabulary),
            compiler.Build(PrivacyAction.Communicate, policy, Vocabulary),
        ];
        _retention = CompileRetention(policy, Vocabulary, TimeZone);
    }

    /// <summary>Resolves the policy's retention rules to dense category ids: each category inherits its nearest ancestor's rule.</summary>
    private static RetentionTable CompileRetention(PrivacyPolicy policy, CompiledVocabulary v, DateTimeZone zone)
    {
        RetentionRule[] rules = [.. policy.RetentionRules];
        var ruleIndex = rules.Select((r, i) => (r.Category.Value, i)).ToDictionary(x => x.Value, x => x.i, StringComparer.Ordinal);
        var ruleOf = new int[v.Categories.Count];
        for (var c = 0; c < ruleOf.Length; c++)
        {
            ruleOf[c] = -1;
            for (var a = c; a >= 0; a = v.Categories.ParentOf(a))
            {
                if (ruleIndex.TryGetValue(v.Categories[a], out var r))
                {
                    ruleOf[c] = r;
                    break;
                }
            }
        }

        var erasureApplies = Enumerable.Range(0, v.Categories.Count).Select(c => policy.ErasureClasses.Contains(v.ClassOf(c))).ToArray();
        var clauses = new RetentionClauses(policy.ErasureClause, policy.DefaultDenials[PrivacyAction.Retain], policy.LegalHoldClause);
        return new RetentionTable(rules, ruleOf, erasureApplies, [.. policy.Grounds], clauses, policy.ErasurePeriod, zone);
    }

    /// <summary>Gets the policy this was compiled from.</summary>
    /// <value>The source policy.</value>
    public PrivacyPolicy Policy { get; }

    /// <inheritdoc/>
    public string PolicyId => Policy.Id;

    /// <summary>Gets the controller's time zone, in which calendar retention periods are counted.</summary>
    /// <value>From <see cref="PrivacyPolicy.TimeZoneId"/>.</value>
    public DateTimeZone TimeZone { get; }

    /// <summary>Gets the dense ids of the policy's vocabulary, for resolving string ids once.</summary>
    /// <value>The compiled vocabulary.</value>
    public CompiledVocabulary Vocabulary { get; }

    /// <summary>Compiles a policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The compiled policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static CompiledPolicy Compile(PrivacyPolicy policy) => new(Preconditions.CheckNotNull(policy, nameof(policy)));

    /// <summary>Folds a subject's state into facts for the hot-path methods.</summary>
    /// <param name="state">The subject's state at the decision's instant.</param>
    /// <returns>The facts.</returns>
    /// <exception cref="PrivacyRequestException">A consent names a purpose or recipient the policy does not know.</exception>
    public SubjectFacts Fold(SubjectState state)
    {
        Preconditions.CheckNotNull(state, nameof(state));
        var flags = (state.IsErased ? RuleConditions.ErasureRequested : 0) | (state.IsOptedOutOfMarketing ? RuleConditions.MarketingOptedOut : 0);
        var consents = state.Consents.IsEmpty
            ? null
            : state.Consents.Select(e => new ConsentFact(
                e.Purpose is { } p ? Vocabulary.Purposes.GetIndex(p.Value, "subject.events.purpose") : -1,
                e.Recipient is { } r ? Vocabulary.Recipients.GetIndex(r.Value, "subject.events.recipient") : -1,
                e.At,
                e.Kind == PrivacyEventKind.ConsentGranted)).ToArray();
        return new SubjectFacts(state.At, flags, state.ErasureRequestedAt ?? default, consents, state, consents is null ? null : Granted(consents));
    }

    /// <summary>Folds a subject's history at an instant into facts for the hot-path methods.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="at">The decision's instant.</param>
    /// <returns>The facts.</returns>
    /// <exception cref="PrivacyRequestException">A consent names a purpose or recipient the policy does not know.</exception>
    public SubjectFacts Fold(DataSubject subject, Instant at) => Fold(Preconditions.CheckNotNull(subject, nameof(subject)).StateAt(at));

    /// <summary>Decides a collection on dense ids. Allocates nothing.</summary>
    /// <param name="category">The category's dense id.</param>
    /// <param name="purpose">The purpose's dense id.</param>
    /// <param name="subject">The subject's facts at the decision's instant.</param>
    /// <param name="context">The request's circumstances.</param>
    /// <returns>The decision.</returns>
    public PrivacyDecision DecideCollect(int category, int purpose, in SubjectFacts subject, RequestContext context = default)
        => DecidePurpose(_tables[(int)PrivacyAction.Collect], category, purpose, subject, context);

    /// <summary>Decides a use on dense ids. Allocates nothing.</summary>
    /// <param name="category">The category's dense id.</param>
    /// <param name="purpose">The purpose's dense id.</param>
    /// <param name="subject">The subject's facts at the decision's instant.</param>
    /// <param name="context">The request's circumstances.</param>
    /// <returns>The decision.</returns>
    public PrivacyDecision DecideUse(int category, int purpose, in SubjectFacts subject, RequestContext context = default)
        => DecidePurpose(_tables[(int)PrivacyAction.Use], category, purpose, subject, context);

    /// <summary>Decides a disclosure on dense ids. Allocates nothing.</summary>
    /// <param name="category">The category's dense id.</param>
    /// <param name="recipient">The recipient's dense id.</param>
    /// <param name="reason">The reason's dense id.</param>
    /// <param name="subject">The subject's facts at the decision's instant.</param>
    /// <param name="context">The request's circumstances.</param>
    /// <returns>The decision.</returns>
    public PrivacyDecision DecideDisclose(int category, int recipient, int reason, in SubjectFacts subject, RequestContext context = default)
    {
        var table = _tables[(int)PrivacyAction.Disclose];
        CheckIndex(category, Vocabulary.Categories);
        CheckIndex(recipient, Vocabulary.Recipients);
        var consent = table.UsesConsent && HasRecipientConsent(subject, recipient);
        return table.Lookup(category, (recipient * Vocabulary.Reasons.Count) + CheckIndex(reason, Vocabulary.Reasons), Bits(subject, consent, context));
    }

    /// <summary>Decides a message on dense ids. Allocates nothing.</summary>
    /// <param name="message">The message kind's dense id.</param>
    /// <param name="channel">The channel's dense id.</param>
    /// <param name="subject">The subject's facts at the decision's instant.</param>
    /// <param name="context">The request's circumstances.</param>
    /// <returns>The decision.</returns>
    public PrivacyDecision DecideCommunicate(int message, int channel, in SubjectFacts subject, RequestContext context = default)
        => _tables[(int)PrivacyAction.Communicate].Lookup(CheckIndex(message, Vocabulary.Messages), CheckIndex(channel, Vocabulary.Channels), Bits(subject, consent: false, context));

    /// <summary>Decides retention of a record on dense ids.</summary>
    /// <param name="category">The category's dense id.</param>
    /// <param name="collectedAt">When the data was collected.</param>
    /// <param name="at">The decision's instant.</param>
    /// <param name="subject">The subject's facts at the decision's instant.</param>
    /// <param name="grounds">Dense ids of the retention grounds the host claims; may be empty.</param>
    /// <returns>Retain or delete, with the deadline. Allocates only when several grounds extend one record.</returns>
    public PrivacyDecision DecideRetain(int category, Instant collectedAt, Instant at, in SubjectFacts subject, ReadOnlySpan<int> grounds = default)
        => _retention.Decide(CheckIndex(category, Vocabulary.Categories), collectedAt, at, subject.ForRetention(), grounds);

    internal RetentionCutoff RetentionCutoff(int category, Instant at) => _retention.CutoffFor(CheckIndex(category, Vocabulary.Categories), at);

    /// <inheritdoc/>
    public PrivacyDecision Decide(in CollectRequest request, SubjectState? subject)
    {
        CheckState(subject, request.At);
        var purpose = ResolvePurpose(request.Purpose);
        return DecidePurpose(_tables[(int)PrivacyAction.Collect], ResolveCategory(request.Category), purpose, subject, request.Purpose, request.Context);
    }

    /// <inheritdoc/>
    public PrivacyDecision Decide(in UseRequest request, SubjectState? subject)
    {
        CheckState(subject, request.At);
        var purpose = ResolvePurpose(request.Purpose);
        return DecidePurpose(_tables[(int)PrivacyAction.Use], ResolveCategory(request.Category), purpose, subject, request.Purpose, request.Context);
    }

    /// <inheritdoc/>
    public PrivacyDecision Decide(in DiscloseRequest request, SubjectState? subject)
    {
        CheckState(subject, request.At);
        var category = ResolveCategory(request.Category);
        var recipient = Vocabulary.Recipients.GetIndex(request.Recipient.IsDefault ? null : request.Recipient.Value);
        var reason = Vocabulary.Reasons.GetIndex(request.Reason.IsDefault ? null : request.Reason.Value);
        var table = _tables[(int)PrivacyAction.Disclose];
        var consent = table.UsesConsent && subject is not null && subject.HasConsent(request.Recipient);
        return table.Lookup(category, (recipient * Vocabulary.Reasons.Count) + reason, Bits(subject, consent, request.Context));
    }

    /// <inheritdoc/>
    public PrivacyDecision Decide(in CommunicateRequest request, SubjectState? subject)
    {
        CheckState(subject, request.At);
        var message = Vocabulary.Messages.GetIndex(request.Message.IsDefault ? null : request.Message.Value);
        var channel = Vocabulary.Channels.GetIndex(request.Channel.IsDefault ? null : request.Channel.Value);
        return _tables[(int)PrivacyAction.Communicate].Lookup(message, channel, Bits(subject, consent: false, request.Context));
    }

    /// <inheritdoc/>
    public PrivacyDecision Decide(in RetainRequest request, SubjectState? subject)
    {
        CheckState(subject, request.At);
        var category = ResolveCategory(request.Category);
        var grounds = request.Grounds.IsDefaultOrEmpty ? [] : new int[request.Grounds.Length];
        for (var i = 0; i < grounds.Length; i++)
        {
            grounds[i] = Vocabulary.Grounds.GetIndex(request.Grounds[i].IsDefault ? null : request.Grounds[i].Value, $"grounds[{i}]");
        }

        // Retention reads no consent, so unknown ids in consent events do not matter here.
        var facts = subject is null
            ? new SubjectFacts(request.At, 0, default, null)
            : new SubjectFacts(subject.At, subject.IsErased ? RuleConditions.ErasureRequested : 0, subject.ErasureRequestedAt ?? default, null, subject);
        return _retention.Decide(category, request.CollectedAt, request.At, facts.ForRetention(), grounds);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bits(in SubjectFacts subject, bool consent, RequestContext context)
        => (int)subject.Flags
            | (consent ? (int)RuleConditions.Consent : 0)
            | (context.LocationFeatureInUse ? (int)RuleConditions.LocationFeatureInUse : 0)
            | (context.ConfidentialityAgreement ? (int)RuleConditions.ConfidentialityAgreement : 0);

    /// <summary>The condition bits of a request; a null subject (no history) is neither erased nor opted out.</summary>
    private static int Bits(SubjectState? subject, bool consent, RequestContext context)
        => (subject is { IsErased: true } ? (int)RuleConditions.ErasureRequested : 0)
            | (subject is { IsOptedOutOfMarketing: true } ? (int)RuleConditions.MarketingOptedOut : 0)
            | (consent ? (int)RuleConditions.Consent : 0)
            | (context.LocationFeatureInUse ? (int)RuleConditions.LocationFeatureInUse : 0)
            | (context.ConfidentialityAgreement ? (int)RuleConditions.ConfidentialityAgreement : 0);

    private static int CheckIndex(int index, IdTable table)
        => (uint)index < (uint)table.Count
            ? index
            : throw new PrivacyRequestException($"unknown-{table.Kind}", table.Field, $"{index} is not a dense {table.Kind} id of this policy (0..{table.Count - 1}).");

    /// <summary>A state must describe the request's instant; null (no history) describes every instant.</summary>
    private static void CheckState(SubjectState? subject, Instant at)
    {
        if (subject is not null && subject.At != at)
        {
            throw new PrivacyRequestException("state-instant-mismatch", "subject", $"The subject state describes {subject.At} but the request is at {at}; fold the subject at the request's instant.");
        }
    }

    private PrivacyDecision DecidePurpose(ActionTable table, int category, int purpose, in SubjectFacts subject, RequestContext context)
    {
        CheckIndex(category, Vocabulary.Categories);
        CheckIndex(purpose, Vocabulary.Purposes);
        var consent = table.UsesConsent && HasPurposeConsent(subject, purpose);
        return table.Lookup(category, purpose, Bits(subject, consent, context));
    }

    private PrivacyDecision DecidePurpose(ActionTable table, int category, int purpose, SubjectState? subject, PurposeId purposeId, RequestContext context)
        => table.Lookup(category, purpose, Bits(subject, table.UsesConsent && subject is not null && subject.HasConsent(purposeId), context));

    private int ResolveCategory(DataCategoryId category) => Vocabulary.Categories.GetIndex(category.IsDefault ? null : category.Value);

    private int ResolvePurpose(PurposeId purpose) => Vocabulary.Purposes.GetIndex(purpose.IsDefault ? null : purpose.Value);

    private bool HasRecipientConsent(in SubjectFacts subject, int recipient)
    {
        if (subject.Granted is { } granted)
        {
            return IsSet(granted, Vocabulary.Purposes.Count + recipient);
        }

        return subject.Consents is { } consents && HasRecipientConsent(consents, recipient);
    }

    private static bool HasRecipientConsent(ConsentFact[] consents, int recipient)
    {
        var found = false;
        ConsentFact latest = default;
        foreach (var fact in consents)
        {
            if (fact.Recipient == recipient && (!found || Supersedes(fact, latest)))
            {
                latest = fact;
                found = true;
            }
        }

        return found && latest.Granted;
    }

    private bool HasPurposeConsent(in SubjectFacts subject, int purpose)
    {
        if (subject.Granted is { } granted)
        {
            return IsSet(granted, purpose);
        }

        return subject.Consents is { } consents && HasPurposeConsent(consents, purpose);
    }

    private bool HasPurposeConsent(ConsentFact[] consents, int purpose)
    {
        var found = false;
        ConsentFact latest = default;
        foreach (var fact in consents)
        {
            if (fact.Purpose >= 0 && Vocabulary.Purposes.IsWithin(purpose, fact.Purpose) && (!found || Supersedes(fact, latest)))
            {
                latest = fact;
                found = true;
            }
        }

        return found && latest.Granted;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSet(ulong[] bits, int index) => (bits[index >> 6] & (1UL << index)) != 0;

    /// <summary>Resolves consent once per purpose and recipient: purposes below a consented purpose, and consented recipients; the rest stay unset.</summary>
    private ulong[] Granted(ConsentFact[] consents)
    {
        var purposes = Vocabulary.Purposes.Count;
        var bits = new ulong[(purposes + Vocabulary.Recipients.Count + 63) / 64];
        foreach (var fact in consents)
        {
            if (fact.Purpose >= 0)
            {
                foreach (var purpose in Vocabulary.PurposeSubtree(fact.Purpose))
                {
                    if (HasPurposeConsent(consents, purpose))
                    {
                        bits[purpose >> 6] |= 1UL << purpose;
                    }
                }
            }

            if (fact.Recipient >= 0 && HasRecipientConsent(consents, fact.Recipient))
            {
                var index = purposes + fact.Recipient;
                bits[index >> 6] |= 1UL << index;
            }
        }

        return bits;
    }

    private static bool Supersedes(ConsentFact candidate, ConsentFact current)
        => candidate.At > current.At || (candidate.At == current.At && !candidate.Granted && current.Granted);
}
