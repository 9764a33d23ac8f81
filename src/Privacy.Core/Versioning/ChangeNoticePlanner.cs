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
/// The standard <see cref="IChangeNoticePlanner"/>: for a significant change, a <c>policy-change</c>
/// message per subject, by email where an address is on file and otherwise by pop-up at the next
/// visit, due before the new version's entry into force, each checked against the version in force.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class ChangeNoticePlanner : IChangeNoticePlanner
{
    private readonly IPolicyDiffer _differ;
    private readonly MessageKindId _message;
    private readonly ChannelId _email;
    private readonly ChannelId _popup;

    /// <summary>Creates the planner.</summary>
    /// <param name="differ">Tells significant changes from editorial ones; <see cref="PolicyDiffer.Instance"/> when null.</param>
    /// <param name="message">The message kind of the notice; <c>policy-change</c> by default.</param>
    /// <param name="email">The channel for subjects with an email address; <c>email</c> by default.</param>
    /// <param name="popup">The channel for the others, shown at their next visit; <c>popup</c> by default.</param>
    public ChangeNoticePlanner(IPolicyDiffer? differ = null, string message = "policy-change", string email = "email", string popup = "popup")
    {
        _differ = differ ?? PolicyDiffer.Instance;
        _message = new MessageKindId(message);
        _email = new ChannelId(email);
        _popup = new ChannelId(popup);
    }

    /// <inheritdoc/>
    public ChangeNoticePlan Plan(CompiledPolicy current, PrivacyPolicy next, IEnumerable<DataSubject> subjects, Instant at)
    {
        Preconditions.CheckNotNull(current, nameof(current));
        Preconditions.CheckNotNull(next, nameof(next));
        Preconditions.CheckNotNull(subjects, nameof(subjects));
        var diff = _differ.Diff(current.Policy, next);
        if (!diff.IsSignificant)
        {
            return new ChangeNoticePlan(diff, null, at, []);
        }

        var deadline = next.EffectiveFrom
            ?? throw new ArgumentException($"Version '{next.Version}' changes the policy significantly but states no entry into force; notices are due before it.", nameof(next));
        var notices = subjects.Select(subject =>
        {
            Preconditions.CheckNotNull(subject, nameof(subjects));
            var channel = subject.HasEmail ? _email : _popup;
            var decision = current.Decide(new CommunicateRequest(_message, channel, at), subject.StateAt(at));
            return new ChangeNotice(subject, channel, _message, deadline, decision);
        }).ToImmutableArray();
        return new ChangeNoticePlan(diff, deadline, at, notices);
    }
}
