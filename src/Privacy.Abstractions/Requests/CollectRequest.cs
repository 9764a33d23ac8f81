using NodaTime;

namespace Privacy;

/// <summary>"May I collect data of this category for this purpose?"</summary>
/// <param name="Category">The data category.</param>
/// <param name="Purpose">The purpose of collection.</param>
/// <param name="At">The decision's instant.</param>
/// <param name="Context">Circumstances rules may require.</param>
public readonly record struct CollectRequest(DataCategoryId Category, PurposeId Purpose, Instant At, RequestContext Context = default);
