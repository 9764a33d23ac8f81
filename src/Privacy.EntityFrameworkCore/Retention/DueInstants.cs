using System;
using System.Collections.Generic;
using NodaTime;
using Privacy.Retention;

namespace Privacy.EntityFrameworkCore;

/// <summary>
/// Works out which anchor instants a chain of retention periods has run out for at a given
/// instant: the set { a | periods added one after the other to a end at or before the instant }.
/// </summary>
/// <remarks>
/// Calendar arithmetic is monotonic except where the controller's clock goes back (an overlap):
/// there the local time of later instants is earlier. So the anchor range is cut at every such
/// point, the chain is monotonic within each piece, and each piece contributes a prefix found by
/// bisection on ticks. For a zone without transitions, such as UTC, the answer is one range.
/// </remarks>
internal static class DueInstants
{
    private static readonly Duration Margin = Duration.FromDays(2);

    /// <summary>The due anchors as half-open intervals, sorted and disjoint; the first has no start. Read-only.</summary>
    public static IReadOnlyList<Interval> Compute(IReadOnlyList<RetentionPeriod> chain, DateTimeZone zone, Instant at)
    {
        if (chain.Count == 0)
        {
            return [new Interval(null, at + Duration.FromTicks(1))];
        }

        Instant Apply(Instant anchor, int stages)
        {
            for (var i = 0; i < stages; i++)
            {
                anchor = chain[i].AddTo(anchor, zone);
            }

            return anchor;
        }

        // Below lo every anchor is due: the chain ends at least two days before `at` (more than any clock change).
        var bound = Duration.FromDays(1);
        while (Apply(at - bound, chain.Count) > at - Margin)
        {
            bound += bound;
        }

        var lo = (at - bound).ToUnixTimeTicks();
        var hi = at.ToUnixTimeTicks();

        // Pieces on which every stage's start lies in one zone interval, so the chain is monotonic.
        var cuts = new SortedSet<long>();
        for (var stage = 0; stage < chain.Count; stage++)
        {
            if (!chain[stage].IsCalendar || zone.MinOffset == zone.MaxOffset)
            {
                continue;
            }

            var pieces = Pieces(lo, hi, cuts);
            foreach (var (start, end) in pieces)
            {
                var from = Apply(Instant.FromUnixTimeTicks(start), stage);
                var to = Apply(Instant.FromUnixTimeTicks(end), stage);
                if (from >= to)
                {
                    continue;
                }

                foreach (var transition in zone.GetZoneIntervals(new Interval(from, to + Duration.FromTicks(1))))
                {
                    if (!transition.HasStart || transition.Start <= from)
                    {
                        continue;
                    }

                    // The first anchor of the piece whose value at this stage reaches the transition.
                    var cut = FirstAtLeast(start, end, t => Apply(Instant.FromUnixTimeTicks(t), stage) >= transition.Start);
                    if (cut > start)
                    {
                        cuts.Add(cut);
                    }
                }
            }
        }

        // Inclusive tick ranges; everything below lo is due.
        var ranges = new List<(long Start, long End)> { (long.MinValue, lo - 1) };
        foreach (var (start, end) in Pieces(lo, hi, cuts))
        {
            if (Apply(Instant.FromUnixTimeTicks(start), chain.Count) > at)
            {
                continue;
            }

            // The last due anchor of the piece: the chain is monotonic here.
            var last = FirstAtLeast(start, end + 1, t => t > end || Apply(Instant.FromUnixTimeTicks(t), chain.Count) > at) - 1;
            if (ranges[^1].End + 1 == start)
            {
                ranges[^1] = (ranges[^1].Start, last);
            }
            else
            {
                ranges.Add((start, last));
            }
        }

        var result = new List<Interval>(ranges.Count);
        foreach (var (start, end) in ranges)
        {
            result.Add(new Interval(start == long.MinValue ? null : Instant.FromUnixTimeTicks(start), Instant.FromUnixTimeTicks(end + 1)));
        }

        // Cached by the cut-offs and handed to callers: read-only, so that a cast back to a list cannot change a later sweep.
        return result.AsReadOnly();
    }

    private static List<(long Start, long End)> Pieces(long lo, long hi, SortedSet<long> cuts)
    {
        var pieces = new List<(long, long)>();
        var start = lo;
        foreach (var cut in cuts)
        {
            if (cut > start && cut <= hi)
            {
                pieces.Add((start, cut - 1));
                start = cut;
            }
        }

        pieces.Add((start, hi));
        return pieces;
    }

    /// <summary>The least tick in [start, end] for which <paramref name="reached"/> holds, given that it is monotonic; end when none below.</summary>
    private static long FirstAtLeast(long start, long end, Func<long, bool> reached)
    {
        var low = start;
        var high = end;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (reached(mid))
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }
}
