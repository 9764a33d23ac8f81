using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using CameraCompanion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CameraCompanion.Tests.Api;

/// <summary>The service end to end on SQLite (a real file).</summary>
public sealed class SqliteCompanionApiTests() : CompanionApiTests("Sqlite");

/// <summary>The same suite on a real PostgreSQL server; skipped, saying why, when none is configured.</summary>
public sealed class PostgresCompanionApiTests() : CompanionApiTests("PostgreSql");

public abstract class CompanionApiTests(string provider) : IDisposable
{
    private TestDatabase? _database;
    private CompanionFactory? _factory;

    protected CompanionFactory Factory => _factory ?? throw new InvalidOperationException("Call Start() first.");

    protected HttpClient Start()
    {
        Skip.If(provider == "PostgreSql" && TestDatabase.PostgresServer is null, TestDatabase.SkipReason);
        _database = TestDatabase.Create(provider);
        _factory = new CompanionFactory(_database);
        return _factory.CreateClient();
    }

    public void Dispose()
    {
        _factory?.Dispose();
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static async Task<string> RegisterAsync(HttpClient client, string id)
        => (await client.PostAsync("/accounts", new { id, email = $"{id}@example.com", name = id }, HttpStatusCode.Created)).Str("id");

    private static async Task<string> UploadAsync(HttpClient client, string account, string kind = "video", string? ground = null)
        => (await client.PostAsync($"/accounts/{account}/clips", new { kind, durationSeconds = 12, ground }, HttpStatusCode.Created)).Str("id");

    [SkippableFact]
    public async Task Flow_ConsentShareOptOutErase_AsTheReadmeShows()
    {
        var client = Start();
        await client.PostAsync("/accounts", new { id = "jane", email = "jane@example.com", name = "Jane" }, HttpStatusCode.Created);
        await client.PostAsync("/accounts", new { id = "bob", email = "bob@example.com", name = "Bob" }, HttpStatusCode.Created);
        await client.PostAsync("/accounts/jane/cameras", new { id = "cam-1", name = "Porch" }, HttpStatusCode.Created);

        // Consent to cloud storage, then a cloud recording.
        await client.PostAsync("/accounts/jane/events", new { type = "consent-granted", purpose = "service.cloud-storage" }, HttpStatusCode.OK);
        var clip = (await client.PostAsync("/accounts/jane/clips", new { cameraId = "cam-1", kind = "video", durationSeconds = 12, purpose = "service.cloud-storage" }, HttpStatusCode.Created)).Str("id");

        // Share it with Bob: permitted, logged.
        var share = await client.PostAsync($"/clips/{clip}/shares", new { with = "bob" }, HttpStatusCode.OK);
        Assert.Equal("camera.sharing", share.GetProperty("decision").GetProperty("clauses")[0].GetString());
        var audit = await client.GetJsonAsync("/audit?subject=jane");
        Assert.Equal(clip, Assert.Single(audit.EnumerateArray()).Str("recordId"));

        // Opt out: the newsletter stops, motion alerts go on.
        var optOut = await client.PostAsync("/accounts/jane/rights/opt-out", null, HttpStatusCode.OK);
        var stops = optOut.GetProperty("stops").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("marketing", stops);
        Assert.Contains("newsletter", stops);
        Assert.Contains("motion-alert", optOut.GetProperty("continues").EnumerateArray().Select(m => m.GetString()));
        var denied = await client.PostAsync("/accounts/jane/messages", new { message = "newsletter", channel = "email" }, HttpStatusCode.Forbidden);
        Assert.Equal("rights.marketing-opt-out", denied.GetProperty("decision").GetProperty("clauses")[0].GetString());
        await client.PostAsync("/accounts/jane/messages", new { message = "motion-alert", channel = "push" }, HttpStatusCode.Accepted);

        // Erase: the clip and the pairing go, the address goes, and nothing more is sent or shared.
        var erased = await client.PostAsync("/accounts/jane/rights/erase", null, HttpStatusCode.OK);
        Assert.True(erased.GetProperty("completed").GetBoolean());
        Assert.Equal(2, erased.GetProperty("deleted").GetInt32());
        await client.PostAsync("/accounts/jane/messages", new { message = "motion-alert", channel = "push" }, HttpStatusCode.Forbidden);

        await using var db = Factory.Db();
        Assert.False(await db.Clips.AnyAsync(c => c.AccountId == "jane"));
        Assert.False(await db.Cameras.AnyAsync(c => c.AccountId == "jane"));
        Assert.False(await db.Shares.AnyAsync(s => s.AccountId == "jane"));
        var account = await db.Accounts.SingleAsync(a => a.Id == "jane");
        Assert.Null(account.Email);
        Assert.NotNull(account.ErasureCompletedAt);
        var kinds = await db.Ledger.Where(e => e.SubjectId == "jane").OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        Assert.Equal(["service-used", "service-used", "consent-granted", "service-used", "marketing-opt-out", "erasure-requested", "erasure-executed"], kinds);
        Assert.Single(await db.Outbox.Where(m => m.SubjectId == "jane").ToListAsync());
    }

    [SkippableFact]
    public async Task UploadClip_CloudStorageWithoutConsent_IsDeniedAndNotStored()
    {
        var client = Start();
        await RegisterAsync(client, "u-1");
        var denied = await client.PostAsync("/accounts/u-1/clips", new { kind = "video", purpose = "service.cloud-storage" }, HttpStatusCode.Forbidden);
        Assert.Equal("camera.cloud-storage", denied.GetProperty("decision").GetProperty("clauses")[0].GetString());
        await using var db = Factory.Db();
        Assert.Equal(0, await db.Clips.CountAsync());
    }

    [SkippableFact]
    public async Task UploadClip_UnknownGround_IsRefusedNamingTheField()
    {
        var client = Start();
        await RegisterAsync(client, "u-1");
        var error = await client.PostAsync("/accounts/u-1/clips", new { kind = "video", ground = "because" }, HttpStatusCode.BadRequest);
        Assert.Equal("ground", error.Str("field"));
    }

    [SkippableFact]
    public async Task SendMessage_UnknownKind_IsABadRequestNamingTheField()
    {
        var client = Start();
        await RegisterAsync(client, "u-1");
        var error = await client.PostAsync("/accounts/u-1/messages", new { message = "spam", channel = "email" }, HttpStatusCode.BadRequest);
        Assert.Equal("message", error.Str("field"));
    }

    [SkippableFact]
    public async Task SendMessage_MarketingToASubscriber_CarriesOptOutInstructions()
    {
        var client = Start();
        await RegisterAsync(client, "u-1");
        await client.PostAsync("/accounts/u-1/messages", new { message = "marketing", channel = "email", text = "Spring sale" }, HttpStatusCode.Accepted);
        var sent = Assert.Single((await client.GetJsonAsync("/accounts/u-1/messages")).EnumerateArray());
        Assert.Contains("rights/opt-out", sent.Str("body"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Share_WhenTheAuditWriteCrashes_LeavesNeitherShareNorAudit()
    {
        var client = Start();
        await RegisterAsync(client, "u-1");
        var clip = await UploadAsync(client, "u-1");
        Factory.Crash.Arm("INSERT", "Audit");
        await client.PostAsync($"/clips/{clip}/shares", new { with = "public" }, HttpStatusCode.InternalServerError);
        Factory.Crash.Disarm();

        await using var db = Factory.Db();
        Assert.Equal(0, await db.Shares.CountAsync());
        Assert.Equal(0, await db.Audit.CountAsync());
        Assert.Equal(1, Factory.Crash.Crashes);
    }

    [SkippableFact]
    public async Task Erase_CrashBetweenDecidingAndDeleting_KeepsLedgerAndRecordsConsistent()
    {
        var client = Start();
        await RegisterAsync(client, "u-1");
        await client.PostAsync("/accounts/u-1/cameras", new { name = "Hall" }, HttpStatusCode.Created);
        await UploadAsync(client, "u-1");
        await UploadAsync(client, "u-1", "audio");

        // The plan is made, then the first DELETE fails: the process "dies" there.
        Factory.Crash.Arm("DELETE", "Clips");
        await client.PostAsync("/accounts/u-1/rights/erase", null, HttpStatusCode.InternalServerError);
        Factory.Crash.Disarm();

        await using (var db = Factory.Db())
        {
            // The request is on record; nothing claims a deletion that did not happen, and nothing was half deleted.
            var kinds = await db.Ledger.Where(e => e.SubjectId == "u-1").Select(e => e.Kind).ToListAsync();
            Assert.Contains("erasure-requested", kinds);
            Assert.DoesNotContain("erasure-executed", kinds);
            Assert.Equal(2, await db.Clips.CountAsync());
            Assert.Equal(1, await db.Cameras.CountAsync());
            var account = await db.Accounts.SingleAsync();
            Assert.NotNull(account.Email);
            Assert.NotNull(account.ErasureRequestedAt);
            Assert.Null(account.ErasureCompletedAt);
        }

        // Nothing more is sent to the subject while the erasure is pending.
        await client.PostAsync("/accounts/u-1/messages", new { message = "motion-alert", channel = "push" }, HttpStatusCode.Forbidden);

        // The next retention run finishes it.
        var run = await client.PostAsync("/retention/run", null, HttpStatusCode.OK);
        Assert.Equal(2, run.GetProperty("clips").GetInt32());
        Assert.Equal(1, run.GetProperty("erasuresCompleted").GetInt32());
        await using (var db = Factory.Db())
        {
            Assert.Equal(0, await db.Clips.CountAsync());
            Assert.Equal(0, await db.Cameras.CountAsync());
            Assert.Null((await db.Accounts.SingleAsync()).Email);
            Assert.Contains("erasure-executed", await db.Ledger.Where(e => e.SubjectId == "u-1").Select(e => e.Kind).ToListAsync());
        }
    }

    [SkippableFact]
    public async Task RetentionRun_CrashMidway_DeletesNothingAndRecordsNothing()
    {
        var client = Start();
        await RegisterAsync(client, "u-1");
        await UploadAsync(client, "u-1");
        await client.PostAsync("/accounts/u-1/tickets", new { text = "help" }, HttpStatusCode.Created);
        Factory.Clock.Advance(Duration.FromDays(800));
        Factory.Crash.Arm("DELETE", "SupportTickets");
        await client.PostAsync("/retention/run", null, HttpStatusCode.InternalServerError);
        Factory.Crash.Disarm();
        await using var db = Factory.Db();
        Assert.Equal(1, await db.Clips.CountAsync());
        Assert.False(await db.Ledger.AnyAsync(e => e.Kind == "retention-swept"));
    }

    [SkippableFact]
    public async Task RetentionRun_AfterThirtyOneDays_DeletesClipsButKeepsHeldAndGroundedOnes()
    {
        var client = Start();
        await RegisterAsync(client, "plain");
        await RegisterAsync(client, "held");
        await UploadAsync(client, "plain");
        var grounded = await UploadAsync(client, "plain", "snapshot", "fraud-prevention");
        var held = await UploadAsync(client, "held");
        await client.PostAsync("/accounts/held/events", new { type = "legal-hold-placed" }, HttpStatusCode.OK);

        Factory.Clock.Advance(Duration.FromDays(29));
        Assert.Equal(0, (await client.PostAsync("/retention/run", null, HttpStatusCode.OK)).GetProperty("clips").GetInt32());
        Factory.Clock.Advance(Duration.FromDays(2));
        Assert.Equal(1, (await client.PostAsync("/retention/run", null, HttpStatusCode.OK)).GetProperty("clips").GetInt32());

        await using var db = Factory.Db();
        Assert.Equal([grounded, held], (await db.Clips.Select(c => c.Id).ToListAsync()).Order(StringComparer.Ordinal).ToArray().OrderBy(x => x == held).ToArray());
        Assert.True(await db.Ledger.AnyAsync(e => e.Kind == "retention-swept"));
    }

    [SkippableFact]
    public async Task Access_Export_ListsWhatIsHeldAndWhoReceivedIt()
    {
        var client = Start();
        await RegisterAsync(client, "u-1");
        var clip = await UploadAsync(client, "u-1", "snapshot");
        await client.PostAsync($"/clips/{clip}/shares", new { with = "public" }, HttpStatusCode.OK);
        var export = await client.PostAsync("/accounts/u-1/rights/access", null, HttpStatusCode.OK);
        Assert.Equal("u-1@example.com", export.GetProperty("account").Str("email"));
        Assert.Equal(clip, Assert.Single(export.GetProperty("clips").EnumerateArray()).Str("id"));
        Assert.Equal("public", Assert.Single(export.GetProperty("disclosures").EnumerateArray()).Str("recipient"));
        var item = export.GetProperty("items").EnumerateArray().Single(i => i.Str("record") == "clip:" + clip);
        Assert.Equal("public", item.GetProperty("recipients")[0].GetString());
    }

    [SkippableFact]
    public async Task Rectify_NewAddress_IsStoredAndPlanned()
    {
        var client = Start();
        await RegisterAsync(client, "u-1");
        var plan = await client.PostAsync("/accounts/u-1/rights/rectify", new { email = "new@example.com" }, HttpStatusCode.OK);
        Assert.Equal("rectify", Assert.Single(plan.GetProperty("items").EnumerateArray()).Str("action"));
        await using var db = Factory.Db();
        Assert.Equal("new@example.com", (await db.Accounts.SingleAsync()).Email);
    }

    [SkippableFact]
    public async Task Breach_LeakedAddressesOfManyPeople_PlansEveryStepAndNotices()
    {
        var client = Start();
        await RegisterAsync(client, "u-1");
        await RegisterAsync(client, "u-2");
        await client.PostAsync("/accounts/u-2/rights/erase", null, HttpStatusCode.OK);
        var plan = await client.PostAsync("/breach", new { awareAt = "2026-03-01T10:00:00Z", categories = new[] { "personal.email", "personal.name" }, subjects = 4200 }, HttpStatusCode.OK);
        Assert.Equal(["contain", "notify-authority", "notify-subjects"], plan.GetProperty("steps").EnumerateArray().Select(s => s.Str("id")).ToArray());
        Assert.Equal("2026-03-04T10:00:00Z", plan.GetProperty("steps")[1].Str("by"));
        var notices = plan.GetProperty("notices").EnumerateArray().ToDictionary(n => n.Str("subject"), n => n.GetProperty("send").GetBoolean());
        Assert.True(notices["u-1"]);
        Assert.False(notices["u-2"]);
    }

    [SkippableFact]
    public async Task Ledger_ChangingAnEntry_IsRefused()
    {
        var client = Start();
        await RegisterAsync(client, "u-1");
        await using var db = Factory.Db();
        var entry = await db.Ledger.FirstAsync();
        entry.Kind = "marketing-opt-in";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.Ledger.Remove(await db.Ledger.FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [SkippableFact]
    public async Task Privacy_Notice_HasAnAnchorForEveryClause()
    {
        var client = Start();
        var html = await client.GetStringAsync("/privacy");
        foreach (var clause in Profile.CameraProfileTests.Profile.Policy.Clauses)
        {
            Assert.Contains($"<a id=\"{clause.Id}\"></a>", html, StringComparison.Ordinal);
        }
    }
}
