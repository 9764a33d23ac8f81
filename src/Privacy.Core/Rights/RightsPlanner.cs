using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using Privacy.Compilation;
using Privacy.Internal;
using Privacy.Retention;

namespace Privacy.Rights;

/// <summary>
/// Plans access, erasure, rectification and marketing opt-out requests against the policy in force,
/// record by record, from the same rules <see cref="CompiledPolicy"/> decides with.
/// </summary>
/// <remarks>Pure and thread-safe: the plan depends only on the policy, the subject, the records and the instants given.</remarks>
public sealed class RightsPlanner : IRightsPlanner
{
    private readonly Func<CompiledPolicy> _policy;
    private readonly RightsPlannerOptions _options;
    private readonly ContactHasher? _hasher;

    /// <summary>Creates a planner over the policy in force.</summary>
    /// <param name="policies">Supplies the compiled policy.</param>
    /// <param name="options">Timing and clause settings; the defaults when null.</param>
    /// <param name="hasher">Hashes contact addresses for suppression entries; erasure plans that name an address need it.</param>
    public RightsPlanner(IPrivacyPolicyProvider policies, RightsPlannerOptions? options = null, ContactHasher? hasher = null)
    {
        Preconditions.CheckNotNull(policies, nameof(policies));
        _policy = () => policies.Current;
        _options = options ?? new RightsPlannerOptions();
        _hasher = hasher;
    }

    /// <summary>Creates a planner over one compiled policy.</summary>
    /// <param name="policy">The compiled policy.</param>
    /// <param name="options">Timing and clause settings; the defaults when null.</param>
    /// <param name="hasher">Hashes contact addresses for suppression entries; erasure plans that name an address need it.</param>
    public RightsPlanner(CompiledPolicy policy, RightsPlannerOptions? options = null, ContactHasher? hasher = null)
    {
        Preconditions.CheckNotNull(policy, nameof(policy));
        _policy = () => policy;
        _options = options ?? new RightsPlannerOptions();
        _hasher = hasher;
    }

    /// <inheritdoc/>
    /// <exception cref="PrivacyRequestException">The subject's history names an id the policy does not know.</exception>
    /// <exception cref="InvalidOperationException">Contact addresses were given for an erasure but no suppression key is configured.</exception>
    public RightsPlan Plan(RightKind right, DataSubject subject, IEnumerable<StoredRecord> records, Instant receivedAt, IEnumerable<string>? contactAddresses = null)
    {
        Preconditions.CheckDefined(right, nameof(right));
        Preconditions.CheckNotNull(subject, nameof(subject));
        Preconditions.CheckNotNull(records, nameof(records));
        using var activity = Telemetry.PrivacyTelemetry.Source.StartActivity("privacy.rights.plan");
        activity?.SetTag("privacy.right", right.ToString());
        var started = Telemetry.PrivacyTelemetry.StartTiming(Telemetry.PrivacyTelemetry.PlanDuration);
        var plan = PlanCore(right, subject, records, receivedAt, contactAddresses);
        Telemetry.PrivacyTelemetry.RecordPlan(right, started);
        activity?.SetTag("privacy.plan.items", plan.Items.Length);
        activity?.SetTag("privacy.plan.problems", plan.Problems.Length);
        return plan;
    }

    private RightsPlan PlanCore(RightKind right, DataSubject subject, IEnumerable<StoredRecord> records, Instant receivedAt, IEnumerable<string>? contactAddresses)
    {
        var policy = _policy();
        var zone = policy.TimeZone;
        var respondBy = RetentionPeriod.FromPeriod(_options.ResponsePeriod).AddTo(receivedAt, zone);
        var extended = RetentionPeriod.FromPeriod(_options.ResponsePeriod + _options.ResponseExtension).AddTo(receivedAt, zone);

        var effective = right switch
        {
            RightKind.Erasure => subject.WithEvent(PrivacyEvent.ErasureRequested(receivedAt)),
            RightKind.MarketingOptOut => subject.WithEvent(PrivacyEvent.MarketingOptOut(receivedAt)),
            _ => subject,
        };
        var before = policy.Fold(subject.StateAt(receivedAt));
        var after = policy.Fold(effective.StateAt(receivedAt));

        var items = ImmutableArray.CreateBuilder<RightsPlanItem>();
        var problems = ImmutableArray.CreateBuilder<RecordProblem>();
        foreach (var record in records)
        {
            if (record is null)
            {
                problems.Add(new RecordProblem(null, "missing-record", null, "A record is null."));
                continue;
            }

            try
            {
                items.Add(PlanRecord(right, policy, record, receivedAt, before, after));
            }
            catch (PrivacyRequestException e)
            {
                problems.Add(new RecordProblem(record.Id, e.Code, e.Field, e.Message));
            }
        }

        var suppressions = right == RightKind.Erasure ? Suppress(contactAddresses, after.ErasureRequestedAtOrNull() ?? receivedAt) : [];
        var optOut = right == RightKind.MarketingOptOut ? OptOutScope(policy, before, after, receivedAt) : null;
        return new RightsPlan(right, receivedAt, respondBy, extended, items.ToImmutable(), problems.ToImmutable(), PlanClauses(right, policy, optOut, after), suppressions, optOut);
    }

    private RightsPlanItem PlanRecord(RightKind right, CompiledPolicy policy, StoredRecord record, Instant at, SubjectFacts before, SubjectFacts after)
    {
        var v = policy.Vocabulary;
        var category = v.Categories.GetIndex(record.Category.IsDefault ? null : record.Category.Value);
        var grounds = record.Grounds.Select((g, i) => v.Grounds.GetIndex(g.Value, $"grounds[{i}]")).ToArray();
        var purposes = record.Purposes.Select((p, i) => v.Purposes.GetIndex(p.Value, $"purposes[{i}]")).ToArray();
        for (var i = 0; i < record.DisclosedTo.Length; i++)
        {
            v.Recipients.GetIndex(record.DisclosedTo[i].Value, $"disclosedTo[{i}]");
        }

        var retention = policy.DecideRetain(category, record.CollectedAt, at, after, grounds);

        // A record the policy says is due for deletion is planned for deletion, whatever the right:
        // rectifying or restricting data that must go would keep it (sensitive and device-local data,
        // records past their retention deadline). Access still reports it as held.
        if (right != RightKind.Access && retention.Effect == Effect.Delete)
        {
            return new RightsPlanItem(record.Id, record.Category, PlanAction.Delete, retention.Deadline, retention.Grounds, retention.Clauses, [], []);
        }

        switch (right)
        {
            case RightKind.Access:
                var used = purposes.Length > 0
                    ? record.Purposes
                    : [.. Enumerable.Range(0, v.Purposes.Count).Where(p => IsLeaf(v.Purposes, p) && policy.DecideUse(category, p, after).Effect == Effect.Permit).Select(p => new PurposeId(v.Purposes[p]))];
                return new RightsPlanItem(record.Id, record.Category, PlanAction.Held, retention.Deadline, retention.Grounds,
                    Cite(policy, [_options.AccessClause], retention.Clauses), used, record.DisclosedTo);

            case RightKind.Erasure:
                return new RightsPlanItem(record.Id, record.Category, PlanAction.Retain, retention.Deadline, retention.Grounds, retention.Clauses, [], []);

            case RightKind.Rectification:
                var activeBy = RetentionPeriod.FromPeriod(_options.RectificationPeriod).AddTo(at, policy.TimeZone);
                var backup = policy.Policy.Grounds.FirstOrDefault(g => g.Id.Value == _options.BackupGround);
                var backupsBy = backup is null ? activeBy : backup.MaximumExtension.AddTo(activeBy, policy.TimeZone);
                return new RightsPlanItem(record.Id, record.Category, PlanAction.Rectify, activeBy, [],
                    Cite(policy, [_options.RectificationClause], []), [], [], backupsBy);

            default:
                var candidates = purposes.Length > 0 ? purposes : Enumerable.Range(0, v.Purposes.Count).ToArray();
                var stopped = candidates
                    .Where(p => policy.DecideUse(category, p, before).Effect == Effect.Permit && policy.DecideUse(category, p, after).Effect != Effect.Permit)
                    .Select(p => new PurposeId(v.Purposes[p]))
                    .ToImmutableArray();
                return stopped.IsEmpty
                    ? new RightsPlanItem(record.Id, record.Category, PlanAction.Retain, retention.Deadline, retention.Grounds, retention.Clauses, [], [])
                    : new RightsPlanItem(record.Id, record.Category, PlanAction.Restrict, retention.Deadline, retention.Grounds,
                        Cite(policy, [_options.OptOutClause], [.. candidates.Select(p => policy.DecideUse(category, p, after)).Where(d => d.Effect != Effect.Permit).SelectMany(d => d.Clauses)]),
                        stopped, []);
        }
    }

    private static OptOutScope OptOutScope(CompiledPolicy policy, in SubjectFacts before, in SubjectFacts after, Instant from)
    {
        var v = policy.Vocabulary;
        var stopped = ImmutableArray.CreateBuilder<MessageKindId>();
        var continuing = ImmutableArray.CreateBuilder<MessageKindId>();
        for (var m = 0; m < v.Messages.Count; m++)
        {
            var allowedAfter = false;
            var allowedBefore = false;
            for (var ch = 0; ch < v.Channels.Count; ch++)
            {
                allowedBefore |= policy.DecideCommunicate(m, ch, before).Effect == Effect.Permit;
                allowedAfter |= policy.DecideCommunicate(m, ch, after).Effect == Effect.Permit;
            }

            if (allowedAfter)
            {
                continuing.Add(new MessageKindId(v.Messages[m]));
            }
            else if (allowedBefore)
            {
                stopped.Add(new MessageKindId(v.Messages[m]));
            }
        }

        var stoppedPurposes = new SortedSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < v.Categories.Count; c++)
        {
            for (var p = 0; p < v.Purposes.Count; p++)
            {
                if (policy.DecideUse(c, p, before).Effect == Effect.Permit && policy.DecideUse(c, p, after).Effect != Effect.Permit)
                {
                    stoppedPurposes.Add(v.Purposes[p]);
                }
            }
        }

        return new OptOutScope(
            from,
            stopped.ToImmutable(),
            continuing.ToImmutable(),
            [.. Enumerable.Range(0, v.Channels.Count).Select(ch => new ChannelId(v.Channels[ch]))],
            [.. stoppedPurposes.Select(p => new PurposeId(p))]);
    }

    private ImmutableArray<ClauseId> PlanClauses(RightKind right, CompiledPolicy policy, OptOutScope? optOut, in SubjectFacts after)
    {
        ImmutableArray<ClauseId> more = [];
        if (optOut is not null)
        {
            var v = policy.Vocabulary;
            var facts = after;
            more = [.. optOut.ContinuingMessages.SelectMany(m => policy.DecideCommunicate(v.Messages.GetIndex(m.Value), 0, facts).Clauses)];
        }

        string[] own = right switch
        {
            RightKind.Access => [_options.AccessClause],
            RightKind.Erasure => [policy.Policy.ErasureClause.Value],
            RightKind.Rectification => [_options.RectificationClause],
            _ => [_options.OptOutClause],
        };
        return Cite(policy, own, more);
    }

    private ImmutableArray<SuppressionEntry> Suppress(IEnumerable<string>? contactAddresses, Instant since)
    {
        var addresses = contactAddresses?.Where(a => !string.IsNullOrWhiteSpace(a)).ToList() ?? [];
        if (addresses.Count == 0)
        {
            return [];
        }

        if (_hasher is null)
        {
            throw new InvalidOperationException("Suppressing a contact address needs a suppression key (PrivacyOptions.SuppressionKey) to hash it with.");
        }

        return [.. addresses.Select(a => _hasher.Hash(a)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(h => new SuppressionEntry(h, since, _hasher.KeyId))];
    }

    /// <summary>Whether no other id lies below this one: access reports the most specific purposes only.</summary>
    private static bool IsLeaf(IdTable table, int index)
    {
        for (var i = 0; i < table.Count; i++)
        {
            if (table.ParentOf(i) == index)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The named clauses the policy defines, then the decision's own, without repeats.</summary>
    private static ImmutableArray<ClauseId> Cite(CompiledPolicy policy, string[] named, IEnumerable<ClauseId> decided)
        => [.. named.Where(id => policy.Policy.Clauses.Any(c => c.Id.Value == id)).Select(id => new ClauseId(id)).Concat(decided).Distinct()];
}

internal static class SubjectFactsExtensions
{
    public static Instant? ErasureRequestedAtOrNull(this in SubjectFacts facts) => facts.IsErased ? facts.ErasureRequestedAt : null;
}
