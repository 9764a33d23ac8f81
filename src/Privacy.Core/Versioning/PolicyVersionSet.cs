using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using Privacy.Compilation;
using Privacy.Internal;
using Privacy.Policies;

namespace Privacy.Versioning;

/// <summary>
/// Several versions of one policy, each with its entry into force, and the rules for which version
/// decides for a subject at an instant.
/// </summary>
/// <remarks>
/// <para>A version is <em>in force</em> at an instant when its <see cref="PrivacyPolicy.EffectiveFrom"/>
/// is at or before it (a version without one is in force from the start of time). A subject is
/// <em>bound</em> by a version once they accepted it (<see cref="SubjectState.HasAccepted(string, Instant)"/>:
/// a <c>policy-accepted</c> event naming it, or use of the service at or after its entry into force
/// after a <c>policy-notified</c> event naming it).</para>
/// <para>The <see cref="BoundVersion"/> of a subject is the latest version in force they are bound by;
/// when they are bound by none, the earliest version in force, the one every subject of the service
/// agreed to when they joined. Before any version is in force, the earliest version applies.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class PolicyVersionSet
{
    /// <summary>Creates a set from compiled versions of one policy.</summary>
    /// <param name="versions">The versions, in any order; at least one, all with the same policy id, distinct version labels and distinct entries into force.</param>
    /// <exception cref="ArgumentException">The versions are empty, mix policy ids, repeat a label, or share an entry into force.</exception>
    public PolicyVersionSet(IEnumerable<CompiledPolicy> versions)
    {
        Preconditions.CheckNotNull(versions, nameof(versions));
        var list = versions.ToList();
        Preconditions.CheckArgument(list.Count > 0 && !list.Contains(null!), nameof(versions), "A version set needs at least one version and no null versions.");
        var id = list[0].Policy.Id;
        Preconditions.CheckArgument(list.All(v => v.Policy.Id == id), nameof(versions), $"Every version must be of policy '{id}'.");
        Preconditions.CheckArgument(list.Select(v => v.Policy.Version).Distinct(StringComparer.Ordinal).Count() == list.Count, nameof(versions), "Two versions share a version label.");
        Preconditions.CheckArgument(list.Select(EntryIntoForce).Distinct().Count() == list.Count, nameof(versions), "Two versions share an entry into force.");
        Versions = [.. list.OrderBy(EntryIntoForce)];
        PolicyId = id;
    }

    /// <summary>Gets the policy's id, shared by every version.</summary>
    /// <value>For example <c>ismartviewpro-2018</c>.</value>
    public string PolicyId { get; }

    /// <summary>Gets the versions, earliest entry into force first.</summary>
    /// <value>At least one version.</value>
    public ImmutableArray<CompiledPolicy> Versions { get; }

    /// <summary>Creates a set by compiling versions of one policy.</summary>
    /// <param name="versions">The versions.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentException">See <see cref="PolicyVersionSet(IEnumerable{CompiledPolicy})"/>.</exception>
    public static PolicyVersionSet Create(params PrivacyPolicy[] versions)
        => new(Preconditions.CheckNotNull(versions, nameof(versions)).Select(CompiledPolicy.Compile));

    /// <summary>When a version enters into force.</summary>
    /// <param name="version">The version.</param>
    /// <returns><see cref="PrivacyPolicy.EffectiveFrom"/>, or <see cref="Instant.MinValue"/> when the version does not say.</returns>
    public static Instant EntryIntoForce(CompiledPolicy version)
        => Preconditions.CheckNotNull(version, nameof(version)).Policy.EffectiveFrom ?? Instant.MinValue;

    /// <summary>Finds a version by its label.</summary>
    /// <param name="version">The label, such as <c>002</c>.</param>
    /// <returns>The version, or null when the set has none with that label.</returns>
    public CompiledPolicy? Find(string version)
        => Versions.FirstOrDefault(v => string.Equals(v.Policy.Version, version, StringComparison.Ordinal));

    /// <summary>The latest version in force at an instant.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The version; the earliest one when none is in force yet.</returns>
    public CompiledPolicy LatestInForce(Instant at)
    {
        var latest = Versions[0];
        foreach (var v in Versions)
        {
            if (EntryIntoForce(v) <= at)
            {
                latest = v;
            }
        }

        return latest;
    }

    /// <summary>The version a subject is bound by at the state's instant.</summary>
    /// <param name="subject">The subject's state.</param>
    /// <returns>The latest version in force the subject accepted; the earliest version in force when they accepted none.</returns>
    public CompiledPolicy BoundVersion(SubjectState subject)
    {
        Preconditions.CheckNotNull(subject, nameof(subject));
        for (var i = Versions.Length - 1; i >= 0; i--)
        {
            var v = Versions[i];
            var entry = EntryIntoForce(v);
            if (entry <= subject.At && subject.HasAccepted(v.Policy.Version, entry))
            {
                return v;
            }
        }

        return Versions[0];
    }

    /// <summary>Which subjects have accepted a version at an instant, and how.</summary>
    /// <param name="version">The version's label.</param>
    /// <param name="subjects">The subjects to ask about.</param>
    /// <param name="at">The instant.</param>
    /// <returns>One entry per subject, in the order given.</returns>
    /// <exception cref="ArgumentException">The set has no such version.</exception>
    public AcceptanceReport Acceptance(string version, IEnumerable<DataSubject> subjects, Instant at)
    {
        Preconditions.CheckNotNull(subjects, nameof(subjects));
        var v = Find(version) ?? throw new ArgumentException($"The set has no version '{version}'; it has {string.Join(", ", Versions.Select(x => x.Policy.Version))}.", nameof(version));
        return AcceptanceReport.Create(version, EntryIntoForce(v), subjects, at);
    }
}
