using NodaTime;

namespace Privacy;

/// <summary>"May I disclose data of this category to this recipient for this reason?"</summary>
/// <param name="Category">The data category.</param>
/// <param name="Recipient">Who would receive the data.</param>
/// <param name="Reason">The lawful reason claimed for the disclosure.</param>
/// <param name="At">The decision's instant.</param>
/// <param name="Context">Circumstances rules may require, such as a confidentiality agreement.</param>
public readonly record struct DiscloseRequest(DataCategoryId Category, RecipientId Recipient, DisclosureReasonId Reason, Instant At, RequestContext Context = default);
