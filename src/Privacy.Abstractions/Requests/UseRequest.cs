using NodaTime;

namespace Privacy;

/// <summary>"May I use (process) data of this category for this purpose?"</summary>
/// <remarks>Immutable and equal by value. Ids the action needs are checked on construction: a default id is a
/// <see cref="PrivacyRequestException"/> with code <c>missing-field</c> naming the field.</remarks>
public readonly record struct UseRequest
{
    private readonly DataCategoryId _category;
    private readonly PurposeId _purpose;
    private readonly Instant _at;
    private readonly RequestContext _context;

    /// <summary>Creates the request.</summary>
    /// <param name="category">The data category.</param>
    /// <param name="purpose">The purpose of processing.</param>
    /// <param name="at">The decision's instant.</param>
    /// <param name="context">Circumstances rules may require.</param>
    /// <exception cref="PrivacyRequestException">A required id is the default value.</exception>
    public UseRequest(DataCategoryId category, PurposeId purpose, Instant at, RequestContext context = default)
    {
        Category = category;
        Purpose = purpose;
        At = at;
        Context = context;
    }

    /// <summary>Gets the data category.</summary>
    /// <value>Never the default id.</value>
    public DataCategoryId Category { get => _category; init => _category = RequestFields.Required(value, "category"); }

    /// <summary>Gets the purpose of processing.</summary>
    /// <value>Never the default id.</value>
    public PurposeId Purpose { get => _purpose; init => _purpose = RequestFields.Required(value, "purpose"); }

    /// <summary>Gets the decision's instant.</summary>
    /// <value>As given.</value>
    public Instant At { get => _at; init => _at = value; }

    /// <summary>Gets circumstances rules may require.</summary>
    /// <value>As given.</value>
    public RequestContext Context { get => _context; init => _context = value; }
}
