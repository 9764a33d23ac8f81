using System;
using System.Collections.Immutable;
using System.Linq;
using Privacy.Internal;

namespace Privacy.Versioning;

/// <summary>The differences between two versions of a policy, each classed significant or editorial.</summary>
/// <remarks>Immutable and thread-safe. Equal by value: the same labels and the same changes in the same order.</remarks>
public sealed class PolicyDiff : IEquatable<PolicyDiff>
{
    /// <summary>Creates a diff.</summary>
    /// <param name="olderVersion">The old version's label.</param>
    /// <param name="newerVersion">The new version's label.</param>
    /// <param name="changes">The changes, in the order found.</param>
    /// <exception cref="System.ArgumentNullException">A version label is null.</exception>
    public PolicyDiff(string olderVersion, string newerVersion, ImmutableArray<PolicyChange> changes)
        : this(null, olderVersion, null, newerVersion, changes)
    {
    }

    /// <summary>Creates a diff of two versions that names the policies compared.</summary>
    /// <param name="olderPolicyId">The old version's policy id; null when not known.</param>
    /// <param name="olderVersion">The old version's label.</param>
    /// <param name="newerPolicyId">The new version's policy id; null when not known.</param>
    /// <param name="newerVersion">The new version's label.</param>
    /// <param name="changes">The changes, in the order found.</param>
    /// <exception cref="System.ArgumentNullException">A version label is null.</exception>
    public PolicyDiff(string? olderPolicyId, string olderVersion, string? newerPolicyId, string newerVersion, ImmutableArray<PolicyChange> changes)
    {
        OlderPolicyId = olderPolicyId;
        OlderVersion = Preconditions.CheckNotNull(olderVersion, nameof(olderVersion));
        NewerPolicyId = newerPolicyId;
        NewerVersion = Preconditions.CheckNotNull(newerVersion, nameof(newerVersion));
        Changes = changes.IsDefault ? [] : changes;
    }

    /// <summary>Gets the id of the old version's policy.</summary>
    /// <value>Such as <c>ismartviewpro-2018</c>, as <see cref="PolicyDiffer"/> gives it; null when the diff was made without it.</value>
    public string? OlderPolicyId { get; }

    /// <summary>Gets the id of the new version's policy.</summary>
    /// <value>Usually the same as <see cref="OlderPolicyId"/>; null when the diff was made without it.</value>
    public string? NewerPolicyId { get; }

    /// <summary>Gets the old version's label.</summary>
    /// <value>For example <c>001</c>.</value>
    public string OlderVersion { get; }

    /// <summary>Gets the new version's label.</summary>
    /// <value>For example <c>002</c>.</value>
    public string NewerVersion { get; }

    /// <summary>Gets every change, significant ones and editorial ones.</summary>
    /// <value>Empty when the two versions say the same thing.</value>
    public ImmutableArray<PolicyChange> Changes { get; }

    /// <summary>Gets a value indicating whether any change is significant, so subjects must be told before the new version binds them.</summary>
    /// <value>True when at least one change is significant.</value>
    public bool IsSignificant => Changes.Any(c => c.IsSignificant);

    /// <summary>Gets a value indicating whether the versions are the same in every respect the differ compares.</summary>
    /// <value>True when there is no change at all.</value>
    public bool IsEmpty => Changes.IsEmpty;

    /// <inheritdoc/>
    public bool Equals(PolicyDiff? other)
        => other is not null
            && string.Equals(OlderPolicyId, other.OlderPolicyId, StringComparison.Ordinal)
            && string.Equals(OlderVersion, other.OlderVersion, StringComparison.Ordinal)
            && string.Equals(NewerPolicyId, other.NewerPolicyId, StringComparison.Ordinal)
            && string.Equals(NewerVersion, other.NewerVersion, StringComparison.Ordinal)
            && ValueEquality.SequenceEqual(Changes, other.Changes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PolicyDiff);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(OlderPolicyId, StringComparer.Ordinal);
        hash.Add(OlderVersion, StringComparer.Ordinal);
        hash.Add(NewerPolicyId, StringComparer.Ordinal);
        hash.Add(NewerVersion, StringComparer.Ordinal);
        ValueEquality.Add(ref hash, Changes);
        return hash.ToHashCode();
    }
}
