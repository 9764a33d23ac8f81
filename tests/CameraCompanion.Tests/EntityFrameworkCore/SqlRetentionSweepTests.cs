using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CameraCompanion.Data;
using CameraCompanion.Privacy;
using CameraCompanion.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Privacy;
using Privacy.Compilation;
using Privacy.Documents;
using Privacy.EntityFrameworkCore;
using Privacy.Retention;

namespace CameraCompanion.Tests.EntityFrameworkCore;

/// <summary>The set-based SQL sweep deletes exactly the records <see cref="RetentionSweep.SweepRetention"/> says are due.</summary>
public sealed class SqlRetentionSweepTests : IClassFixture<SweepDatabases>
{
    private static readonly string ProfileJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "ismartviewpro-camera.policy.json"));
    private static readonly CompiledPolicy Utc = CompiledPolicy.Compile(PolicyDocument.Parse(ProfileJson));
    private static readonly CompiledPolicy Oslo = CompiledPolicy.Compile(PolicyDocument.Parse(ProfileJson.Replace("\"timeZone\": \"UTC\"", "\"timeZone\": \"Europe/Oslo\"", StringComparison.Ordinal)));

    private readonly TestDatabase _sqlite;
    private readonly TestDatabase? _postgres;

    public SqlRetentionSweepTests(SweepDatabases databases)
    {
        _sqlite = databases.Sqlite;
        _postgres = databases.Postgres;
    }

    /// <summary>A generated case: subjects with histories, records of every category, a sweep instant.</summary>
    public sealed record Case(bool InOslo, Instant At, SubjectSpec[] Subjects, RecordSpec[] Records)
    {
        public override string ToString() => $"{(InOslo ? "Europe/Oslo" : "UTC")} at {At}, {Subjects.Length} subjects, {Records.Length} records";
    }

    public sealed record SubjectSpec(Instant? LastActivity, Instant? Erased, bool Held, Instant? Closed);

    public sealed record RecordSpec(int Subject, string Category, Instant CollectedAt, string? Ground);

    private static Gen<Instant?> Maybe(Instant at, int maxDays, int percent)
        => Gen.Choose(0, 99).SelectMany(p => Gen.Choose(0, maxDays * 24).Select(h => p < percent ? at - Duration.FromHours(h) : (Instant?)null));

    public static Gen<Case> Cases()
    {
        var categories = Utc.Policy.Categories.Select(c => c.Id.Value).ToArray();
        var grounds = Utc.Policy.Grounds.Select(g => g.Id.Value).Append(null).Append(null).Append(null).ToArray();
        return
            from oslo in Gen.Elements(false, true)
            from days in Gen.Choose(0, 800)
            from hour in Gen.Choose(0, 23)
            let at = Instant.FromUtc(2025, 1, 1, 0, 0) + Duration.FromDays(days) + Duration.FromHours(hour)
            from subjects in Gen.ArrayOf(
                from last in Maybe(at, 1400, 60)
                from erased in Maybe(at, 200, 25)
                from held in Gen.Choose(0, 9).Select(h => h == 0)
                from closed in Maybe(at, 90, 20)
                select new SubjectSpec(last, erased, held, closed), 6)
            from records in Gen.ArrayOf(
                from subject in Gen.Choose(-1, 5)
                from category in Gen.Elements(categories)
                from age in Gen.OneOf(Gen.Choose(0, 72), Gen.Choose(0, 24 * 4000))
                from minutes in Gen.Choose(0, 59)
                from ground in Gen.Elements(grounds)
                select new RecordSpec(subject, category, at - Duration.FromHours(age) + Duration.FromMinutes(minutes), ground), 60)
            select new Case(oslo, at, subjects, records);
    }

    [Property(MaxTest = 30)]
    public Property DeleteDueRecordsAsync_GeneratedRecords_DeletesExactlyWhatSweepRetentionDeletes_Sqlite()
        => Prop.ForAll(Cases().ToArbitrary(), c => CheckAsync(_sqlite, c).GetAwaiter().GetResult());

    [SkippableFact]
    public void DeleteDueRecordsAsync_GeneratedRecords_DeletesExactlyWhatSweepRetentionDeletes_PostgreSql()
    {
        Skip.If(_postgres is null, TestDatabase.SkipReason);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(15), Prop.ForAll(Cases().ToArbitrary(), c => CheckAsync(_postgres!, c).GetAwaiter().GetResult()));
    }

    [Fact]
    public async Task DeleteDueRecordsAsync_AroundTheAutumnClockChange_MatchesTheExactDecision()
    {
        // Records collected every 10 minutes across the night Oslo's clocks go back, swept 30 days later (P30D):
        // the local time of later instants is earlier, so the due set is not one range.
        var at = Instant.FromUtc(2025, 11, 25, 1, 5);
        var start = Instant.FromUtc(2025, 10, 25, 22, 0);
        var records = Enumerable.Range(0, 48).Select(i => new RecordSpec(-1, "personal.camera.video", start + Duration.FromMinutes(10 * i), null)).ToArray();
        await CheckAsync(_sqlite, new Case(true, at, [], records));
    }

    [Fact]
    public void DueCollectedAt_Utc_IsOneRangeEndingThirtyDaysBeforeTheSweep()
    {
        var at = Instant.FromUtc(2026, 3, 1, 0, 0);
        var due = Assert.Single(RetentionCutoffs.Compute(Utc, at).DueCollectedAt(new DataCategoryId("personal.camera.video")));
        Assert.False(due.HasStart);
        Assert.Equal(at - Duration.FromDays(30) + Duration.FromTicks(1), due.End);
    }

    [Fact]
    public void DueCollectedAt_CastBackToAListAndCleared_LeavesTheSweepsCutoffsAlone()
    {
        var cutoffs = RetentionCutoffs.Compute(Utc, Instant.FromUtc(2026, 3, 1, 0, 0));
        var category = new DataCategoryId("personal.camera.video");
        var due = cutoffs.DueCollectedAt(category);
        var expected = due.ToArray();
        var list = Assert.IsAssignableFrom<IList<NodaTime.Interval>>(due);
        Assert.Throws<NotSupportedException>(() => list.Clear());
        Assert.Throws<NotSupportedException>(() => list[0] = new NodaTime.Interval(null, null));
        Assert.Equal(expected, cutoffs.DueCollectedAt(category));
    }

    [Fact]
    public void DueCollectedAt_AnchoredOnAccountClosure_IsEmpty()
        => Assert.Empty(RetentionCutoffs.Compute(Utc, Instant.FromUtc(2026, 3, 1, 0, 0)).DueCollectedAt(new DataCategoryId("personal.device.pairing")));

    [Fact]
    public async Task DeleteDueRecordsAsync_EntityWithoutCategory_FailsClosed()
    {
        await using var db = _sqlite.Context();
        var columns = new RetentionColumns<LedgerEntry>(e => e.At);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.DeleteDueRecordsAsync(RetentionCutoffs.Compute(Utc, Instant.FromUtc(2026, 3, 1, 0, 0)), columns));
        Assert.Equal(0, await db.Ledger.CountAsync());
    }

    [Fact]
    public async Task DeleteDueRecordsAsync_UnknownCategoryOrGround_KeepsTheRow()
    {
        await using var db = _sqlite.Context();
        await ClearAsync(db);
        var old = Instant.FromUtc(2000, 1, 1, 0, 0);
        db.Accounts.Add(new Account { Id = "s0", CreatedAt = old });
        db.Clips.AddRange(
            new Clip { Id = "unknown-category", AccountId = "s0", Category = "personal.camera.hologram", RecordedAt = old },
            new Clip { Id = "unknown-ground", AccountId = "s0", Category = "personal.camera.video", RecordedAt = old, Ground = "sentimental-value" },
            new Clip { Id = "due", AccountId = "s0", Category = "personal.camera.video", RecordedAt = old });
        await db.SaveChangesAsync();
        var deleted = await db.DeleteDueRecordsAsync(RetentionCutoffs.Compute(Utc, Instant.FromUtc(2026, 3, 1, 0, 0)), RetentionJob.ClipColumns);
        Assert.Equal(1, deleted);
        Assert.Equal(["unknown-category", "unknown-ground"], (await db.Clips.Select(c => c.Id).ToListAsync()).Order(StringComparer.Ordinal));
    }

    private static async Task ClearAsync(CameraDbContext db)
    {
        await db.Clips.ExecuteDeleteAsync();
        await db.Accounts.ExecuteDeleteAsync();
    }

    private static async Task<bool> CheckAsync(TestDatabase database, Case c)
    {
        var policy = c.InOslo ? Oslo : Utc;
        await using var db = database.Context();
        await ClearAsync(db);
        var old = Instant.FromUtc(2000, 1, 1, 0, 0);
        var facts = new SubjectFacts[c.Subjects.Length];
        for (var s = 0; s < c.Subjects.Length; s++)
        {
            var spec = c.Subjects[s];
            db.Accounts.Add(new Account
            {
                Id = "s" + s,
                CreatedAt = old,
                LastActivityAt = spec.LastActivity,
                ErasureRequestedAt = spec.Erased,
                UnderLegalHold = spec.Held,
                AccountClosedAt = spec.Closed,
            });
            var events = new List<PrivacyEvent>();
            if (spec.LastActivity is { } used) { events.Add(PrivacyEvent.ServiceUsed(used)); }
            if (spec.Erased is { } erased) { events.Add(PrivacyEvent.ErasureRequested(erased)); }
            if (spec.Held) { events.Add(PrivacyEvent.LegalHoldPlaced(old)); }
            if (spec.Closed is { } closed) { events.Add(PrivacyEvent.AccountClosed(closed)); }
            facts[s] = policy.Fold(new DataSubject("s" + s, events: events), c.At);
        }

        // Records without a subject belong to an account with no history.
        db.Accounts.Add(new Account { Id = "nobody", CreatedAt = old });
        var records = new RetentionRecord[c.Records.Length];
        for (var i = 0; i < c.Records.Length; i++)
        {
            var r = c.Records[i];
            db.Clips.Add(new Clip { Id = "r" + i, AccountId = r.Subject < 0 ? "nobody" : "s" + r.Subject, Category = r.Category, RecordedAt = r.CollectedAt, Ground = r.Ground });
            records[i] = new RetentionRecord(
                policy.Vocabulary.Categories.GetIndex(r.Category),
                Instant.FromUnixTimeTicks(r.CollectedAt.ToUnixTimeTicks()),
                r.Subject,
                r.Ground is null ? -1 : policy.Vocabulary.Grounds.GetIndex(r.Ground));
        }

        await db.SaveChangesAsync();
        var verdicts = new PrivacyDecision[records.Length];
        policy.SweepRetention(records, facts, c.At, verdicts);
        var expected = Enumerable.Range(0, records.Length).Where(i => verdicts[i].Effect == Effect.Retain).Select(i => "r" + i).Order(StringComparer.Ordinal).ToList();

        var deleted = await db.DeleteDueRecordsAsync(RetentionCutoffs.Compute(policy, c.At), RetentionJob.ClipColumns);
        var kept = (await db.Clips.Select(x => x.Id).ToListAsync()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, kept);
        Assert.Equal(records.Length - expected.Count, deleted);
        return true;
    }
}

/// <summary>One SQLite file and, when configured, one PostgreSQL database for the whole class.</summary>
public sealed class SweepDatabases : IDisposable
{
    public SweepDatabases()
    {
        using (var db = Sqlite.Context())
        {
            db.Database.EnsureCreated();
        }

        if (Postgres is not null)
        {
            using var db = Postgres.Context();
            db.Database.EnsureCreated();
        }
    }

    public TestDatabase Sqlite { get; } = TestDatabase.Sqlite();

    public TestDatabase? Postgres { get; } = TestDatabase.PostgresServer is null ? null : TestDatabase.Postgres();

    public void Dispose()
    {
        Sqlite.Dispose();
        Postgres?.Dispose();
    }
}
