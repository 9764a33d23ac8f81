using Privacy.Internal;

namespace Privacy.Policies;

/// <summary>One thing wrong with a policy: where it is, a stable code, and a message a person can act on.</summary>
/// <remarks>Immutable and equal by value.</remarks>
public sealed record PolicyProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="path">Where in the policy, as a JSON Pointer into its document form (<c>/rules/3/categories/0</c>).</param>
    /// <param name="code">A stable kebab-case code, such as <c>unknown-category</c>.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public PolicyProblem(string path, string code, string message)
    {
        Path = Preconditions.CheckNotNull(path, nameof(path));
        Code = Preconditions.CheckNotEmpty(code, nameof(code));
        Message = Preconditions.CheckNotEmpty(message, nameof(message));
    }

    /// <summary>Gets where the problem is, as a JSON Pointer.</summary>
    /// <value>The empty string for the whole policy.</value>
    public string Path { get; }

    /// <summary>Gets the stable problem code.</summary>
    /// <value>Kebab-case text.</value>
    public string Code { get; }

    /// <summary>Gets what is wrong and how to fix it.</summary>
    /// <value>Plain text.</value>
    public string Message { get; }

    /// <summary>Formats the problem as <c>path: message (code)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{(Path.Length == 0 ? "/" : Path)}: {Message} ({Code})";
}
