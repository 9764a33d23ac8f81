using System.Collections.Immutable;
using NodaTime;

namespace Privacy;

/// <summary>
/// Asks the policy about now: "may I use this data for this purpose? send this subject a marketing
/// email now? keep this record?" The instant comes from the injected NodaTime <see cref="IClock"/>.
/// </summary>
/// <remarks>
/// Registered by <c>AddPrivacy()</c>. Use <see cref="IPrivacyEvaluator"/> to ask about another
/// instant. Every answer cites the clauses that decided it; anything not permitted is denied.
/// Implementations are thread-safe.
/// </remarks>
public interface IPrivacyGate
{
    /// <summary>Gets the current instant, as the gate sees it.</summary>
    /// <value>From the injected clock.</value>
    Instant Now { get; }

    /// <summary>May data of this category be collected from the subject for this purpose now?</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="category">The data category.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="context">Circumstances rules may require.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="PrivacyRequestException">An id is unknown to the policy.</exception>
    PrivacyDecision MayCollect(DataSubject subject, DataCategoryId category, PurposeId purpose, RequestContext context = default);

    /// <summary>May the subject's data of this category be used for this purpose now?</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="category">The data category.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="context">Circumstances rules may require.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="PrivacyRequestException">An id is unknown to the policy.</exception>
    PrivacyDecision MayUse(DataSubject subject, DataCategoryId category, PurposeId purpose, RequestContext context = default);

    /// <summary>May the subject's data of this category be disclosed to this recipient for this reason now?</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="category">The data category.</param>
    /// <param name="recipient">The recipient.</param>
    /// <param name="reason">The reason.</param>
    /// <param name="context">Circumstances rules may require.</param>
    /// <returns>The decision, with obligations for a permit.</returns>
    /// <exception cref="PrivacyRequestException">An id is unknown to the policy.</exception>
    PrivacyDecision MayDisclose(DataSubject subject, DataCategoryId category, RecipientId recipient, DisclosureReasonId reason, RequestContext context = default);

    /// <summary>May this message be sent to the subject over this channel now?</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="message">The message kind.</param>
    /// <param name="channel">The channel.</param>
    /// <returns>The decision, with obligations for a permit.</returns>
    /// <exception cref="PrivacyRequestException">An id is unknown to the policy.</exception>
    PrivacyDecision MaySend(DataSubject subject, MessageKindId message, ChannelId channel);

    /// <summary>
    /// May this message be sent to this contact address now? An address on the suppression list is
    /// treated as erased from its entry's instant, even when the subject's data and history are gone.
    /// </summary>
    /// <param name="subject">The subject, as far as the host still knows them.</param>
    /// <param name="message">The message kind.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="contactAddress">The address the message would go to.</param>
    /// <returns>The decision, with obligations for a permit.</returns>
    /// <exception cref="PrivacyRequestException">An id is unknown to the policy.</exception>
    PrivacyDecision MaySend(DataSubject subject, MessageKindId message, ChannelId channel, string contactAddress);

    /// <summary>May this record be kept now, and until when; or by when must it be gone?</summary>
    /// <param name="subject">The subject the record is about.</param>
    /// <param name="category">The record's data category.</param>
    /// <param name="collectedAt">When the data was collected.</param>
    /// <param name="grounds">Retention grounds the host claims; default for none.</param>
    /// <returns>Retain or delete, with the deadline.</returns>
    /// <exception cref="PrivacyRequestException">An id is unknown to the policy.</exception>
    PrivacyDecision Retention(DataSubject subject, DataCategoryId category, Instant collectedAt, ImmutableArray<RetentionGroundId> grounds = default);
}
