using System;

namespace Privacy;

/// <summary>
/// A request, subject or document that cannot be decided: an unknown id, a missing field, a bad
/// instant. Carries a stable kebab-case <see cref="Code"/> and the <see cref="Field"/> at fault.
/// </summary>
/// <remarks>Bad input never permits: a host that catches this exception must treat the action as denied.</remarks>
public sealed class PrivacyRequestException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">A stable kebab-case code such as <c>unknown-category</c>.</param>
    /// <param name="field">The request field at fault, such as <c>category</c> or <c>subject.events[2].at</c>.</param>
    /// <param name="message">A message a person can act on.</param>
    public PrivacyRequestException(string code, string? field, string message)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    /// <summary>Gets the stable kebab-case error code.</summary>
    /// <value>For example <c>unknown-category</c>, <c>missing-field</c>, <c>invalid-instant</c>.</value>
    public string Code { get; }

    /// <summary>Gets the request field at fault.</summary>
    /// <value>A dotted path such as <c>subject.events[0].at</c>, or null when the whole input is at fault.</value>
    public string? Field { get; }
}
