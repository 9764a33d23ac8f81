using Privacy.Internal;

namespace Privacy.Versioning;

/// <summary>
/// One difference between two versions of a policy: what changed, from what to what, and whether
/// the change is significant (subjects must be told before it binds them) or editorial.
/// </summary>
/// <remarks>Immutable and equal by value.</remarks>
public sealed record PolicyChange
{
    /// <summary>Creates a change.</summary>
    /// <param name="kind">A stable kebab-case kind, such as <c>purpose-added</c> or <c>retention-period-changed</c>.</param>
    /// <param name="path">Where in the policy the change is, as a JSON Pointer into its document with items named by id, such as <c>/vocabulary/purposes/marketing.partners</c> or <c>/retention/rules/personal.log/period</c>.</param>
    /// <param name="old">The old value in words; null when the item is new.</param>
    /// <param name="new">The new value in words; null when the item was removed.</param>
    /// <param name="isSignificant">Whether the change is significant.</param>
    /// <param name="reason">Why the change is classed as it is, for a person.</param>
    /// <exception cref="System.ArgumentException"><paramref name="kind"/>, <paramref name="path"/> or <paramref name="reason"/> is empty.</exception>
    public PolicyChange(string kind, string path, string? old, string? @new, bool isSignificant, string reason)
    {
        Kind = Preconditions.CheckNotEmpty(kind, nameof(kind));
        Path = Preconditions.CheckNotEmpty(path, nameof(path));
        Old = old;
        New = @new;
        IsSignificant = isSignificant;
        Reason = Preconditions.CheckNotEmpty(reason, nameof(reason));
    }

    /// <summary>Gets the kind of change.</summary>
    /// <value>A stable kebab-case id such as <c>purpose-added</c>, <c>rule-removed</c> or <c>clause-text-changed</c>.</value>
    public string Kind { get; }

    /// <summary>Gets where in the policy the change is.</summary>
    /// <value>A JSON Pointer into the policy, naming the item by its id: <c>/rules/logs/purposes</c>.</value>
    public string Path { get; }

    /// <summary>Gets the old value in words.</summary>
    /// <value>Null when the item is new.</value>
    public string? Old { get; }

    /// <summary>Gets the new value in words.</summary>
    /// <value>Null when the item was removed.</value>
    public string? New { get; }

    /// <summary>Gets a value indicating whether the change is significant: it lets the controller do more with personal data, or weakens a right.</summary>
    /// <value>False for an editorial change (wording, dates, narrowing).</value>
    public bool IsSignificant { get; }

    /// <summary>Gets why the change is classed as it is.</summary>
    /// <value>One sentence, such as "a new purpose for processing personal data".</value>
    public string Reason { get; }

    /// <summary>Describes the change, for logs and test failures.</summary>
    /// <returns>For example <c>significant purpose-added /vocabulary/purposes/x: (none) -> x</c>.</returns>
    public override string ToString()
        => $"{(IsSignificant ? "significant" : "editorial")} {Kind} {Path}: {Old ?? "(none)"} -> {New ?? "(none)"} ({Reason})";
}
