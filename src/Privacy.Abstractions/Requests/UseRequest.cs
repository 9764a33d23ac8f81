using NodaTime;

namespace Privacy;

/// <summary>"May I use (process) data of this category for this purpose?"</summary>
/// <param name="Category">The data category.</param>
/// <param name="Purpose">The purpose of processing.</param>
/// <param name="At">The decision's instant.</param>
/// <param name="Context">Circumstances rules may require.</param>
public readonly record struct UseRequest(DataCategoryId Category, PurposeId Purpose, Instant At, RequestContext Context = default);
