using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace Privacy.Retention;

/// <summary>The compiled retention rules: per category the rule it inherits, and every clause list a retention decision can cite, built once.</summary>
internal sealed class RetentionTable
{
    private readonly int[] _ruleOf;
    private readonly RetentionRule[] _rules;
    private readonly ImmutableArray<ClauseId>[] _regularClauses;
    private readonly ImmutableArray<ClauseId>[] _groundClauses;
    private readonly bool[] _erasureApplies;
    private readonly RetentionGround[] _grounds;
    private readonly ImmutableArray<RetentionGroundId>[] _singleGround;
    private readonly ImmutableArray<ClauseId> _erasureClauses;
    private readonly ImmutableArray<ClauseId> _noRuleClauses;
    private readonly ImmutableArray<ClauseId> _holdClauses;
    private readonly RetentionPeriod _erasurePeriod;
    private readonly ZoneCalendar _calendar;

    /// <summary>Builds the table from the policy's retention rules, resolved to dense category ids by the compiler.</summary>
    /// <param name="rules">The retention rules, in policy order.</param>
    /// <param name="ruleOf">Per dense category id, the index in <paramref name="rules"/> of the rule it inherits, or -1.</param>
    /// <param name="erasureApplies">Per dense category id, whether an erasure request shortens its retention.</param>
    /// <param name="grounds">The retention grounds, by dense id.</param>
    /// <param name="clauses">The clauses cited for erasure, for data no rule keeps, and for a legal hold.</param>
    /// <param name="erasurePeriod">How long after an erasure request data may still be held.</param>
    /// <param name="zone">The zone calendar periods are counted in.</param>
    public RetentionTable(RetentionRule[] rules, int[] ruleOf, bool[] erasureApplies, RetentionGround[] grounds, RetentionClauses clauses, RetentionPeriod erasurePeriod, DateTimeZone zone)
    {
        _calendar = new ZoneCalendar(zone);
        _rules = rules;
        _ruleOf = ruleOf;
        _erasureApplies = erasureApplies;
        _grounds = grounds;
        _singleGround = _grounds.Select(g => ImmutableArray.Create(g.Id)).ToArray();
        _erasureClauses = [clauses.Erasure];
        _noRuleClauses = [clauses.NoRule];
        _holdClauses = [clauses.LegalHold];
        _regularClauses = _rules.Select(r => ImmutableArray.Create(r.Clause)).ToArray();

        // Per (erased?, rule, ground): the ground's clause first, then what it overrides.
        _groundClauses = new ImmutableArray<ClauseId>[2 * _rules.Length * _grounds.Length];
        for (var r = 0; r < _rules.Length; r++)
        {
            for (var g = 0; g < _grounds.Length; g++)
            {
                _groundClauses[GroundSlot(false, r, g)] = [.. new[] { _grounds[g].Clause, _rules[r].Clause }.Distinct()];
                _groundClauses[GroundSlot(true, r, g)] = [.. new[] { _grounds[g].Clause, clauses.Erasure }.Distinct()];
            }
        }

        _erasurePeriod = erasurePeriod;
    }

    public PrivacyDecision Decide(int category, Instant collectedAt, Instant at, in RetentionSubject subject, ReadOnlySpan<int> grounds)
    {
        var r = _ruleOf[category];
        if (subject.IsUnderLegalHold && (r < 0 || _rules[r].AllowsGrounds))
        {
            // Nothing is deleted while a hold stands; there is no deadline until it is released.
            // Data no ground may keep (sensitive, device-local) is not kept for a hold either.
            return new PrivacyDecision(Effect.Retain, _holdClauses);
        }

        if (r < 0)
        {
            return new PrivacyDecision(Effect.Delete, _noRuleClauses, deadline: collectedAt);
        }

        var rule = _rules[r];
        var erased = subject.IsErased && subject.ErasureRequestedAt <= at && _erasureApplies[category];
        Instant? anchor = rule.Anchor switch
        {
            RetentionAnchor.Collection => collectedAt,
            RetentionAnchor.LastActivity => subject.LastActivityAt is { } used && used > collectedAt ? used : collectedAt,
            RetentionAnchor.AccountClosure => subject.AccountClosedAt,
            _ => subject.IsErased ? subject.ErasureRequestedAt : null,
        };
        if (anchor is null && !erased)
        {
            // The anchor event has not happened: the period has not started.
            return new PrivacyDecision(Effect.Retain, _regularClauses[r]);
        }

        var deadline = anchor is { } start ? _calendar.Add(rule.Period, start) : Instant.MaxValue;
        if (erased)
        {
            var eraseBy = _calendar.Add(_erasurePeriod, subject.ErasureRequestedAt);
            if (eraseBy < deadline)
            {
                deadline = eraseBy;
            }
        }

        if (deadline < collectedAt)
        {
            // Data is never due before it existed (an anchor or request that predates collection).
            deadline = collectedAt;
        }

        if (rule.AllowsGrounds && grounds.Length > 0)
        {
            var until = deadline;
            var single = -1;
            var several = false;
            foreach (var g in grounds)
            {
                var extended = _calendar.Add(_grounds[g].MaximumExtension, deadline);
                if (extended > deadline)
                {
                    several |= single >= 0 && single != g;
                    single = g;
                    until = extended > until ? extended : until;
                }
            }

            if (single >= 0)
            {
                var effect = at < until ? Effect.Retain : Effect.Delete;
                return several
                    ? SeveralGrounds(effect, r, erased, grounds, deadline, until)
                    : new PrivacyDecision(effect, _groundClauses[GroundSlot(erased, r, single)], deadline: until, grounds: _singleGround[single]);
            }
        }

        if (erased)
        {
            return new PrivacyDecision(Effect.Delete, _erasureClauses, deadline: deadline);
        }

        return new PrivacyDecision(at < deadline ? Effect.Retain : Effect.Delete, _regularClauses[r], deadline: deadline);
    }

    private int GroundSlot(bool erased, int rule, int ground) => (((erased ? 1 : 0) * _rules.Length) + rule) * _grounds.Length + ground;

    /// <summary>The rare case of several grounds extending one record; allocates its lists.</summary>
    private PrivacyDecision SeveralGrounds(Effect effect, int rule, bool erased, ReadOnlySpan<int> grounds, Instant deadline, Instant until)
    {
        var used = new SortedSet<int>();
        foreach (var g in grounds)
        {
            if (_calendar.Add(_grounds[g].MaximumExtension, deadline) > deadline)
            {
                used.Add(g);
            }
        }

        var clauses = used.Select(g => _grounds[g].Clause).Append(erased ? _erasureClauses[0] : _rules[rule].Clause).Distinct();
        return new PrivacyDecision(effect, [.. clauses], deadline: until, grounds: [.. used.Select(g => _grounds[g].Id).Order()]);
    }

    /// <summary>
    /// For a subject with no history and no ground: which collection instants of a category are due
    /// at <paramref name="at"/>. Calendar periods are not strictly monotonic (month ends clamp, clock
    /// changes shift), so a week either side of the boundary is left to the exact decision.
    /// </summary>
    internal RetentionCutoff CutoffFor(int category, Instant at)
    {
        var r = _ruleOf[category];
        if (r < 0)
        {
            return new RetentionCutoff(RetentionCutoffKind.AlwaysDelete, default, default);
        }

        var rule = _rules[r];
        if (rule.Anchor is RetentionAnchor.AccountClosure or RetentionAnchor.ErasureRequest)
        {
            return new RetentionCutoff(RetentionCutoffKind.AlwaysRetain, default, default);
        }

        if (!rule.Period.IsCalendar)
        {
            // Due exactly when collectedAt + duration <= at.
            var exact = at - rule.Period.Exact;
            return new RetentionCutoff(RetentionCutoffKind.Compare, exact, exact);
        }

        // The latest collection instant whose deadline has passed, by bisection on ticks.
        var lo = at.ToUnixTimeTicks() - ((RetentionPeriod.ApproximateMaximum(rule.Period) + (3 * 86_400L)) * NodaConstants.TicksPerSecond);
        var hi = at.ToUnixTimeTicks();
        while (lo < hi)
        {
            var mid = lo + ((hi - lo + 1) / 2);
            if (_calendar.Add(rule.Period, Instant.FromUnixTimeTicks(mid)) <= at)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        var boundary = Instant.FromUnixTimeTicks(lo);
        var window = Duration.FromDays(7);
        return new RetentionCutoff(RetentionCutoffKind.Compare, boundary - window, boundary + window);
    }
}

/// <summary>How a sweep classifies a category's records without computing each deadline.</summary>
internal enum RetentionCutoffKind : byte
{
    Compare = 0,
    AlwaysDelete = 1,
    AlwaysRetain = 2,
}

/// <summary>Records collected at or before <see cref="DueUpTo"/> are due; after <see cref="KeptAfter"/> they are kept; in between, decide exactly.</summary>
internal readonly record struct RetentionCutoff(RetentionCutoffKind Kind, Instant DueUpTo, Instant KeptAfter);

/// <summary>The clauses a retention decision cites when no rule's own clause decides it.</summary>
/// <param name="Erasure">Cited when an erasure request shortens retention.</param>
/// <param name="NoRule">Cited when no retention rule keeps a category (the policy's default for retain).</param>
/// <param name="LegalHold">Cited while a legal hold keeps everything.</param>
internal readonly record struct RetentionClauses(ClauseId Erasure, ClauseId NoRule, ClauseId LegalHold);

/// <summary>What retention reads of a subject at an instant; the default is a subject with no history.</summary>
/// <param name="IsUnderLegalHold">Whether a legal hold stands.</param>
/// <param name="IsErased">Whether the subject has asked for erasure.</param>
/// <param name="ErasureRequestedAt">When erasure was asked for; meaningful only when <paramref name="IsErased"/>.</param>
/// <param name="LastActivityAt">When the subject last used the service, if known.</param>
/// <param name="AccountClosedAt">When the account was closed, if it was.</param>
internal readonly record struct RetentionSubject(bool IsUnderLegalHold, bool IsErased, Instant ErasureRequestedAt, Instant? LastActivityAt, Instant? AccountClosedAt);
