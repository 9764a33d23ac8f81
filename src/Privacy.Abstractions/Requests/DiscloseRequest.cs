using NodaTime;

namespace Privacy;

/// <summary>"May I disclose data of this category to this recipient for this reason?"</summary>
/// <remarks>Immutable and equal by value. Ids the action needs are checked on construction: a default id is a
/// <see cref="PrivacyRequestException"/> with code <c>missing-field</c> naming the field.</remarks>
public readonly record struct DiscloseRequest
{
    private readonly DataCategoryId _category;
    private readonly RecipientId _recipient;
    private readonly DisclosureReasonId _reason;
    private readonly Instant _at;
    private readonly RequestContext _context;

    /// <summary>Creates the request.</summary>
    /// <param name="category">The data category.</param>
    /// <param name="recipient">Who would receive the data.</param>
    /// <param name="reason">The lawful reason claimed for the disclosure.</param>
    /// <param name="at">The decision's instant.</param>
    /// <param name="context">Circumstances rules may require, such as a confidentiality agreement.</param>
    /// <exception cref="PrivacyRequestException">A required id is the default value.</exception>
    public DiscloseRequest(DataCategoryId category, RecipientId recipient, DisclosureReasonId reason, Instant at, RequestContext context = default)
    {
        Category = category;
        Recipient = recipient;
        Reason = reason;
        At = at;
        Context = context;
    }

    /// <summary>Gets the data category.</summary>
    /// <value>Never the default id.</value>
    public DataCategoryId Category { get => _category; init => _category = RequestFields.Required(value, "category"); }

    /// <summary>Gets who would receive the data.</summary>
    /// <value>Never the default id.</value>
    public RecipientId Recipient { get => _recipient; init => _recipient = RequestFields.Required(value, "recipient"); }

    /// <summary>Gets the lawful reason claimed for the disclosure.</summary>
    /// <value>Never the default id.</value>
    public DisclosureReasonId Reason { get => _reason; init => _reason = RequestFields.Required(value, "reason"); }

    /// <summary>Gets the decision's instant.</summary>
    /// <value>As given.</value>
    public Instant At { get => _at; init => _at = value; }

    /// <summary>Gets circumstances rules may require, such as a confidentiality agreement.</summary>
    /// <value>As given.</value>
    public RequestContext Context { get => _context; init => _context = value; }
}
