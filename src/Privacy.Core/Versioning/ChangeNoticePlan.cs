using System;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using Privacy.Internal;

namespace Privacy.Versioning;

/// <summary>The notices a significant change needs: per subject, how, by when and whether the policy lets it be sent.</summary>
/// <remarks>Immutable. Equal by value: the arrays compare element by element, in order.</remarks>
/// <param name="Diff">The changes from the current version to the new one.</param>
/// <param name="Deadline">When the new version enters into force: every notice must reach its subject before then. Null when no notice is needed.</param>
/// <param name="At">When the notices would go out.</param>
/// <param name="Notices">One notice per subject, in the order given; empty when nothing significant changed.</param>
public sealed record ChangeNoticePlan(PolicyDiff Diff, Instant? Deadline, Instant At, ImmutableArray<ChangeNotice> Notices)
{
    /// <summary>Gets a value indicating whether subjects must be told: some change is significant.</summary>
    /// <value>The diff's <see cref="PolicyDiff.IsSignificant"/>.</value>
    public bool IsRequired => Diff.IsSignificant;

    /// <summary>Gets a value indicating whether the plan comes too late: notices would go out at or after the entry into force.</summary>
    /// <value>True when <see cref="At"/> is not before <see cref="Deadline"/>.</value>
    public bool IsOverdue => Deadline is { } d && At >= d;

    /// <summary>Gets the notices the policy lets the host send.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<ChangeNotice> ToSend => [.. Notices.Where(n => n.Send)];

    /// <inheritdoc/>
    public bool Equals(ChangeNoticePlan? other)
        => other is not null
            && Equals(Diff, other.Diff)
            && Deadline == other.Deadline
            && At == other.At
            && ValueEquality.SequenceEqual(Notices, other.Notices);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Diff);
        hash.Add(Deadline);
        hash.Add(At);
        ValueEquality.Add(ref hash, Notices);
        return hash.ToHashCode();
    }
}

/// <summary>One subject's notice of a policy change.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Channel">Email when an address is on file, otherwise a pop-up at the subject's next visit.</param>
/// <param name="Message">The message kind, <c>policy-change</c> by default.</param>
/// <param name="Deadline">When it must have reached the subject: the new version's entry into force.</param>
/// <param name="Decision">The current version's decision on sending it; an erased subject is denied, one who opted out of marketing is not.</param>
public sealed record ChangeNotice(DataSubject Subject, ChannelId Channel, MessageKindId Message, Instant Deadline, PrivacyDecision Decision)
{
    /// <summary>Gets a value indicating whether the notice may be sent.</summary>
    /// <value>True when <see cref="Decision"/> permits it.</value>
    public bool Send => Decision.IsAllowed;
}
