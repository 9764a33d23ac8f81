using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using Privacy.Compilation;
using Privacy.Retention;

namespace Privacy.EntityFrameworkCore;

/// <summary>
/// A compiled policy's retention rules turned into instants for one sweep: per category, which
/// collection (or other anchor) instants have run out, so that a database can delete by a range
/// comparison instead of deciding row by row.
/// </summary>
/// <remarks>
/// Worked out once per sweep, in a few milliseconds, from the policy alone. The ranges are exact:
/// they give the same keep-or-delete as <see cref="RetentionSweep.SweepRetention"/> for every
/// record, including calendar periods across month ends and clock changes in the controller's
/// time zone. Immutable and thread-safe.
/// </remarks>
public sealed class RetentionCutoffs
{
    private readonly Dictionary<(int Group, int Stage, int Ground), IReadOnlyList<Interval>> _cache = [];
    private readonly object _gate = new();

    private RetentionCutoffs(CompiledPolicy policy, Instant at)
    {
        Policy = policy;
        At = at;
        var vocabulary = policy.Vocabulary;
        var rules = policy.Policy.RetentionRules;
        var ruleIndex = rules.Select((r, i) => (r.Category.Value, i)).ToDictionary(x => x.Value, x => x.i, StringComparer.Ordinal);
        var groups = new Dictionary<(int Rule, bool Erasure), List<string>>();
        for (var c = 0; c < vocabulary.Categories.Count; c++)
        {
            var rule = -1;
            for (var a = c; a >= 0; a = vocabulary.Categories.ParentOf(a))
            {
                if (ruleIndex.TryGetValue(vocabulary.Categories[a], out rule))
                {
                    break;
                }

                rule = -1;
            }

            var erasure = policy.Policy.ErasureClasses.Contains(vocabulary.ClassOf(c));
            if (!groups.TryGetValue((rule, erasure), out var list))
            {
                groups[(rule, erasure)] = list = [];
            }

            list.Add(vocabulary.Categories[c]);
        }

        Groups = groups
            .Select(g => new CategoryGroup([.. g.Value], g.Key.Rule >= 0 ? rules[g.Key.Rule] : null, g.Key.Erasure))
            .ToImmutableArray();
        Grounds = policy.Policy.Grounds
            .Select(g => new GroundCutoff(g.Id.Value, g.MaximumExtension, g.MaximumExtension.AddTo(at, policy.TimeZone) > at))
            .ToImmutableArray();
    }

    /// <summary>Gets the policy the cut-offs come from.</summary>
    /// <value>The compiled policy.</value>
    public CompiledPolicy Policy { get; }

    /// <summary>Gets the sweep's instant.</summary>
    /// <value>The instant the cut-offs are for.</value>
    public Instant At { get; }

    internal ImmutableArray<CategoryGroup> Groups { get; }

    internal ImmutableArray<GroundCutoff> Grounds { get; }

    /// <summary>Works out the cut-offs of a policy at an instant.</summary>
    /// <param name="policy">The compiled policy.</param>
    /// <param name="at">The sweep's instant.</param>
    /// <returns>The cut-offs.</returns>
    public static RetentionCutoffs Compute(CompiledPolicy policy, Instant at)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new RetentionCutoffs(policy, at);
    }

    /// <summary>
    /// Gets the collection instants at which a category's records, of a subject with no history and
    /// with no retention ground, are due at <see cref="At"/>.
    /// </summary>
    /// <param name="category">A category of the policy.</param>
    /// <returns>Half-open intervals, sorted; the first has no start. Empty when the category's records are kept whatever their age (their anchor is an account closure or an erasure request).</returns>
    /// <exception cref="PrivacyRequestException">The policy does not declare <paramref name="category"/>.</exception>
    public IReadOnlyList<Interval> DueCollectedAt(DataCategoryId category)
    {
        var index = Policy.Vocabulary.Categories.GetIndex(category.Value, "category");
        var name = Policy.Vocabulary.Categories[index];
        var group = Groups.Single(g => g.Categories.Contains(name, StringComparer.Ordinal));
        if (group.Rule is not { } rule)
        {
            return [new Interval(null, null)];
        }

        return rule.Anchor is RetentionAnchor.Collection or RetentionAnchor.LastActivity
            ? Due(group, Stage.Rule, -1)
            : [];
    }

    internal IReadOnlyList<Interval> Due(CategoryGroup group, Stage stage, int ground)
    {
        var key = (Groups.IndexOf(group), (int)stage, ground);
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var due))
            {
                return due;
            }
        }

        var chain = new List<RetentionPeriod>(2);
        switch (stage)
        {
            case Stage.Rule:
                chain.Add(group.Rule!.Period);
                break;
            case Stage.Erasure:
                chain.Add(Policy.Policy.ErasurePeriod);
                break;
        }

        if (ground >= 0)
        {
            chain.Add(Grounds[ground].Extension);
        }

        var computed = DueInstants.Compute(chain, Policy.TimeZone, At);
        lock (_gate)
        {
            _cache[key] = computed;
        }

        return computed;
    }

    /// <summary>Which chain of periods a set of due instants is for.</summary>
    internal enum Stage
    {
        /// <summary>No period: the record itself (collected at or before the sweep, or within a ground's extension).</summary>
        None = 0,

        /// <summary>The category's retention period from its anchor.</summary>
        Rule = 1,

        /// <summary>The erasure period from the erasure request.</summary>
        Erasure = 2,
    }

    /// <summary>Categories that share a retention rule and erasure reach, so they share cut-offs.</summary>
    internal sealed record CategoryGroup(ImmutableArray<string> Categories, RetentionRule? Rule, bool Erasure);

    /// <summary>A retention ground and whether it extends a deadline at all.</summary>
    internal sealed record GroundCutoff(string Id, RetentionPeriod Extension, bool Extends);
}
