using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Privacy.Compilation;
using Privacy.Retention;

namespace Privacy.Tests.Compilation;

public class RetentionSweepProperties
{
    /// <summary>Around month ends and clock changes a calendar deadline is not monotonic; the fast sweep must still agree with every exact decision.</summary>
    [Property(MaxTest = 100)]
    public Property SweepRetentionEffects_AgreesWithExactDecisions_OnGeneratedPolicies()
        => Prop.ForAll(
            GeneratedPolicies.Arbitrary(),
            Gen.Choose(0, 60 * 24 * 365 * 3).ToArbitrary(),
            (generated, minutes) =>
            {
                var policy = CompiledPolicy.Compile(generated.Policy);
                var at = Instant.FromUtc(2026, 3, 29, 1, 30) + Duration.FromMinutes(minutes);
                var count = policy.Vocabulary.Categories.Count;

                // Records every hour across three years before the sweep, so every boundary is crossed.
                var records = Enumerable.Range(0, 24 * 365 * 3).Select(h => new RetentionRecord(h % count, at - Duration.FromHours(h) - Duration.FromMinutes(h % 61))).ToArray();
                var decisions = new PrivacyDecision[records.Length];
                var effects = new Effect[records.Length];
                policy.SweepRetention(records, [], at, decisions);
                policy.SweepRetentionEffects(records, [], at, effects);
                return decisions.Select(d => d.Effect).SequenceEqual(effects);
            });
}
