using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Retention;

namespace Privacy.Tests.Compilation;

public class RetentionSweepTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 6, 1, 0, 0);

    private static (RetentionRecord[] Records, Privacy.Compilation.SubjectFacts[] Subjects) Sample()
    {
        var policy = BuiltInPolicies.IsmartviewPro2018Compiled;
        var v = policy.Vocabulary;
        var subjects = new[]
        {
            policy.Fold(new DataSubject("a", true, [PrivacyEvent.ErasureRequested(At - Duration.FromDays(3))]), At),
            policy.Fold(new DataSubject("b", true, [PrivacyEvent.LegalHoldPlaced(At - Duration.FromDays(30))]), At),
        };
        var records = Enumerable.Range(0, 500).Select(i => new RetentionRecord(
            i % v.Categories.Count,
            At - Duration.FromDays(i * 3),
            Subject: (i % 3) - 1,
            Ground: i % 4 == 0 ? i % v.Grounds.Count : -1)).ToArray();
        return (records, subjects);
    }

    [Fact]
    public void SweepRetention_GivesEachRecordTheSingleDecision()
    {
        var policy = BuiltInPolicies.IsmartviewPro2018Compiled;
        var (records, subjects) = Sample();
        var verdicts = new PrivacyDecision[records.Length];
        policy.SweepRetention(records, subjects, At, verdicts);
        for (var i = 0; i < records.Length; i++)
        {
            var r = records[i];
            var subject = r.Subject >= 0 ? subjects[r.Subject] : default;
            int[] grounds = r.Ground >= 0 ? [r.Ground] : [];
            Assert.Equal(policy.DecideRetain(r.Category, r.CollectedAt, At, subject, grounds), verdicts[i]);
        }

        Assert.Contains(verdicts, v => v.Effect == Effect.Delete);
        Assert.Contains(verdicts, v => v.Effect == Effect.Retain && v.Deadline is null);
        Assert.Contains(verdicts, v => !v.Grounds.IsEmpty);
    }

    [Fact]
    public void SweepRetention_ShortVerdictSpan_IsRefused()
    {
        var (records, subjects) = Sample();
        Assert.Throws<System.ArgumentException>(() => BuiltInPolicies.IsmartviewPro2018Compiled.SweepRetention(records, subjects, At, new PrivacyDecision[1]));
    }

    [Fact]
    public async Task SweepRetentionAsync_StreamsTheSameVerdictsInOrder()
    {
        var policy = BuiltInPolicies.IsmartviewPro2018Compiled;
        var (records, subjects) = Sample();
        var expected = new PrivacyDecision[records.Length];
        policy.SweepRetention(records, subjects, At, expected);
        var streamed = new List<PrivacyDecision>();
        await foreach (var verdict in policy.SweepRetentionAsync(Stream(records), subjects, At))
        {
            streamed.Add(verdict);
        }

        Assert.Equal(expected, streamed);
    }

    private static async IAsyncEnumerable<RetentionRecord> Stream(IEnumerable<RetentionRecord> records)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }
}

public class RetentionSweepEffectsTests
{
    [Fact]
    public void SweepRetentionEffects_MatchesTheFullSweep_OnTheBuiltInPolicy()
    {
        var policy = BuiltInPolicies.IsmartviewPro2018Compiled;
        var at = Instant.FromUtc(2026, 3, 1, 2, 30);
        var random = new System.Random(11);
        var subjects = new[]
        {
            policy.Fold(new DataSubject("e", true, [PrivacyEvent.ErasureRequested(at - Duration.FromDays(3))]), at),
            policy.Fold(new DataSubject("p"), at),
        };
        var records = Enumerable.Range(0, 20_000).Select(i => new RetentionRecord(
            random.Next(policy.Vocabulary.Categories.Count),
            at - Duration.FromMinutes(random.NextInt64(60L * 24 * 365 * 6)),
            Subject: random.Next(4) - 2 < 0 ? -1 : random.Next(2),
            Ground: random.Next(10) == 0 ? random.Next(policy.Vocabulary.Grounds.Count) : -1)).ToArray();
        var decisions = new PrivacyDecision[records.Length];
        var effects = new Effect[records.Length];

        policy.SweepRetention(records, subjects, at, decisions);
        var due = policy.SweepRetentionEffects(records, subjects, at, effects);

        Assert.Equal(decisions.Select(d => d.Effect), effects);
        Assert.Equal(decisions.Count(d => d.Effect == Effect.Delete), due);
    }
}
