// A measured harness, not BenchmarkDotNet: the subject is a destructive delete over millions of
// rows, so every run needs a freshly seeded database (minutes at 10M rows), and what matters is
// wall-clock time and the process's peak memory of one sweep, not nanosecond means over many
// iterations. Each measurement runs in a child process of its own, so its peak working set is
// its own.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CameraCompanion.Data;
using CameraCompanion.Privacy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;
using Privacy;
using Privacy.Compilation;
using Privacy.Documents;
using Privacy.EntityFrameworkCore;
using Privacy.Retention;

var at = Instant.FromUtc(2026, 3, 1, 0, 0);
var policy = CompiledPolicy.Compile(PolicyDocument.Load(Path.Combine(AppContext.BaseDirectory, "ismartviewpro-camera.policy.json")));
const int Accounts = 10_000;

if (args.Length > 0 && args[0] == "measure")
{
    // measure METHOD DB CONNECTION
    var method = args[1];
    await using var db = Context(args[2], args[3]);
    GC.Collect();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var deleted = method == "sql" ? await SqlAsync(db) : await LoadAndSweepAsync(db);
    watch.Stop();
    using var self = Process.GetCurrentProcess();
    self.Refresh();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{deleted} {watch.Elapsed.TotalSeconds:F2} {self.PeakWorkingSet64 / 1048576.0:F0} {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:F0}"));
    return 0;
}

// run [--rows 1000000,10000000] [--db sqlite,postgres] [--output FILE]
var rows = Option("--rows", "1000000,10000000").Split(',').Select(long.Parse).ToArray();
var dbs = Option("--db", "sqlite,postgres").Split(',');
var output = Option("--output", "retention-sql.md");
var postgres = Environment.GetEnvironmentVariable("PRIVACY_TEST_POSTGRES");
var lines = new List<string>
{
    "| database | rows | method | deleted | time (s) | peak working set (MB) | allocated (MB) | time ratio | memory ratio |",
    "|---|---:|---|---:|---:|---:|---:|---:|---:|",
};
var work = Directory.CreateTempSubdirectory("retention-sql-");
foreach (var n in rows)
{
    foreach (var kind in dbs)
    {
        if (kind == "postgres" && string.IsNullOrEmpty(postgres))
        {
            Console.Error.WriteLine("PRIVACY_TEST_POSTGRES is not set: PostgreSQL skipped.");
            continue;
        }

        var seedWatch = Stopwatch.StartNew();
        var template = kind == "sqlite" ? $"Data Source={Path.Combine(work.FullName, $"template-{n}.db")}" : Database(postgres!, $"retention_template_{n}");
        await SeedAsync(kind, template, n);
        Console.Error.WriteLine($"{kind} {n:N0}: seeded in {seedWatch.Elapsed.TotalSeconds:F0} s");
        var results = new Dictionary<string, string[]>();
        foreach (var method in new[] { "sql", "load" })
        {
            var connection = await CopyAsync(kind, template, $"work_{n}_{method}", work.FullName, postgres);
            var info = new ProcessStartInfo("dotnet", ["exec", System.Reflection.Assembly.GetEntryAssembly()!.Location, "measure", method, kind, connection]) { RedirectStandardOutput = true };
            using var child = Process.Start(info)!;
            var answer = (await child.StandardOutput.ReadToEndAsync()).Trim();
            await child.WaitForExitAsync();
            results[method] = answer.Split(' ');
            Console.Error.WriteLine($"{kind} {n:N0} {method}: {answer}");
            await DropAsync(kind, connection, postgres);
        }

        if (results["sql"][0] != results["load"][0])
        {
            Console.Error.WriteLine($"MISMATCH: the SQL sweep deleted {results["sql"][0]} rows, the per-record sweep {results["load"][0]}.");
            return 1;
        }

        foreach (var method in new[] { "sql", "load" })
        {
            var r = results[method];
            var timeRatio = double.Parse(r[1], CultureInfo.InvariantCulture) / double.Parse(results["sql"][1], CultureInfo.InvariantCulture);
            var memoryRatio = double.Parse(r[2], CultureInfo.InvariantCulture) / double.Parse(results["sql"][2], CultureInfo.InvariantCulture);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {n:N0} | {(method == "sql" ? "`DeleteDueRecordsAsync` (set-based SQL)" : "load rows + `SweepRetention` + delete by id")} | {long.Parse(r[0], CultureInfo.InvariantCulture):N0} | {r[1]} | {r[2]} | {r[3]} | {timeRatio:F2} | {memoryRatio:F2} |"));
        }

        await DropAsync(kind, template, postgres);
    }
}

File.WriteAllLines(output, lines);
Console.WriteLine(string.Join(Environment.NewLine, lines));
work.Delete(recursive: true);
return 0;

string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

static string Database(string server, string name) => new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 0 }.ConnectionString;

static CameraDbContext Context(string kind, string connection)
{
    var options = new DbContextOptionsBuilder<CameraDbContext>();
    options = kind == "sqlite" ? options.UseSqlite(connection, o => o.CommandTimeout(3600)) : options.UseNpgsql(connection, o => o.CommandTimeout(3600));

    return new CameraDbContext(options.Options);
}

async Task SeedAsync(string kind, string connection, long n)
{
    await using var db = Context(kind, connection);
    await db.Database.EnsureDeletedAsync();
    await db.Database.EnsureCreatedAsync();
    var accounts = Enumerable.Range(0, Accounts).Select(i => new Account
    {
        Id = "u" + i,
        Email = $"u{i}@example.com",
        CreatedAt = at - Duration.FromDays(400),
        LastActivityAt = at - Duration.FromDays(i % 90),
        ErasureRequestedAt = i % 100 == 1 ? at - Duration.FromDays(i % 40) : null,
        UnderLegalHold = i % 100 == 2,
        AccountClosedAt = i % 100 == 3 ? at - Duration.FromDays(45) : null,
    });
    db.Accounts.AddRange(accounts);
    await db.SaveChangesAsync();

    string[] categories = ["personal.camera.video", "personal.camera.snapshot", "personal.camera.audio"];
    var span = Duration.FromDays(60).BclCompatibleTicks;
    (string Id, string Account, string Category, long Recorded, string? Ground) Row(long i)
        => ("c" + i.ToString(CultureInfo.InvariantCulture), "u" + (i % Accounts).ToString(CultureInfo.InvariantCulture), categories[i % 3],
            (at - Duration.FromTicks((i * 7_919_000_003L) % span)).ToUnixTimeTicks(),
            (i % 100) switch { 5 or 6 => "fraud-prevention", 7 => "statutory-obligation", _ => null });

    if (kind == "sqlite")
    {
        // Batched raw inserts in one transaction: one prepared statement, re-bound per row.
        await using var connectionObject = new SqliteConnection(connection);
        await connectionObject.OpenAsync();
        await using (var pragma = connectionObject.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var transaction = connectionObject.BeginTransaction();
        await using var insert = connectionObject.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO Clips (Id, AccountId, Category, RecordedAt, Ground, DurationSeconds) VALUES ($id, $account, $category, $recorded, $ground, 10)";
        var p = new[] { "$id", "$account", "$category", "$recorded", "$ground" }.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        insert.Prepare();
        for (long i = 0; i < n; i++)
        {
            var r = Row(i);
            p[0].Value = r.Id;
            p[1].Value = r.Account;
            p[2].Value = r.Category;
            p[3].Value = r.Recorded;
            p[4].Value = (object?)r.Ground ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await connectionObject.CloseAsync();
        SqliteConnection.ClearAllPools();
    }
    else
    {
        await using var connectionObject = new NpgsqlConnection(connection);
        await connectionObject.OpenAsync();
        await using (var import = await connectionObject.BeginBinaryImportAsync("COPY \"Clips\" (\"Id\", \"AccountId\", \"Category\", \"RecordedAt\", \"Ground\", \"DurationSeconds\") FROM STDIN (FORMAT BINARY)"))
        {
            for (long i = 0; i < n; i++)
            {
                var r = Row(i);
                await import.StartRowAsync();
                await import.WriteAsync(r.Id);
                await import.WriteAsync(r.Account);
                await import.WriteAsync(r.Category);
                await import.WriteAsync(r.Recorded);
                if (r.Ground is null)
                {
                    await import.WriteNullAsync();
                }
                else
                {
                    await import.WriteAsync(r.Ground);
                }

                await import.WriteAsync(10);
            }

            await import.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE", connectionObject);
        await analyze.ExecuteNonQueryAsync();
        await connectionObject.CloseAsync();
        NpgsqlConnection.ClearAllPools();
    }
}

static async Task<string> CopyAsync(string kind, string template, string name, string folder, string? server)
{
    if (kind == "sqlite")
    {
        var source = new SqliteConnectionStringBuilder(template).DataSource;
        var target = Path.Combine(folder, name + ".db");
        File.Copy(source, target, overwrite: true);
        return $"Data Source={target}";
    }

    await using var connection = new NpgsqlConnection(Database(server!, "postgres"));
    await connection.OpenAsync();
    var templateName = new NpgsqlConnectionStringBuilder(template).Database;
    await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}", connection))
    {
        await drop.ExecuteNonQueryAsync();
    }

    await using (var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {templateName}", connection))
    {
        await create.ExecuteNonQueryAsync();
    }

    return Database(server!, name);
}

static async Task DropAsync(string kind, string connection, string? server)
{
    if (kind == "sqlite")
    {
        SqliteConnection.ClearAllPools();
        File.Delete(new SqliteConnectionStringBuilder(connection).DataSource);
        return;
    }

    NpgsqlConnection.ClearAllPools();
    await using var admin = new NpgsqlConnection(Database(server!, "postgres"));
    await admin.OpenAsync();
    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connection).Database} WITH (FORCE)", admin);
    await drop.ExecuteNonQueryAsync();
}

async Task<int> SqlAsync(CameraDbContext db)
{
    var cutoffs = RetentionCutoffs.Compute(policy, at);
    await using var transaction = await db.Database.BeginTransactionAsync();
    var deleted = await db.DeleteDueRecordsAsync(cutoffs, RetentionJob.ClipColumns);
    await transaction.CommitAsync();
    return deleted;
}

async Task<int> LoadAndSweepAsync(CameraDbContext db)
{
    // The per-record way: read every row and its subject, decide each with SweepRetention, delete the due ids.
    var accounts = await db.Accounts.AsNoTracking().ToListAsync();
    var subjectIndex = new Dictionary<string, int>(StringComparer.Ordinal);
    var facts = new SubjectFacts[accounts.Count];
    for (var i = 0; i < accounts.Count; i++)
    {
        var a = accounts[i];
        var events = new List<PrivacyEvent>();
        if (a.LastActivityAt is { } used) { events.Add(PrivacyEvent.ServiceUsed(used)); }
        if (a.ErasureRequestedAt is { } erased) { events.Add(PrivacyEvent.ErasureRequested(erased)); }
        if (a.UnderLegalHold) { events.Add(PrivacyEvent.LegalHoldPlaced(a.CreatedAt)); }
        if (a.AccountClosedAt is { } closed) { events.Add(PrivacyEvent.AccountClosed(closed)); }
        subjectIndex[a.Id] = i;
        facts[i] = policy.Fold(new DataSubject(a.Id, events: events), at);
    }

    var clips = await db.Clips.AsNoTracking().Select(c => new { c.Id, c.Category, c.RecordedAt, c.Ground, c.AccountId }).ToListAsync();
    var records = new RetentionRecord[clips.Count];
    for (var i = 0; i < clips.Count; i++)
    {
        var c = clips[i];
        records[i] = new RetentionRecord(
            policy.Vocabulary.Categories.GetIndex(c.Category),
            c.RecordedAt,
            subjectIndex[c.AccountId],
            c.Ground is null ? -1 : policy.Vocabulary.Grounds.GetIndex(c.Ground));
    }

    var verdicts = new PrivacyDecision[records.Length];
    policy.SweepRetention(records, facts, at, verdicts);
    var due = new List<string>();
    for (var i = 0; i < verdicts.Length; i++)
    {
        if (verdicts[i].Effect == Effect.Delete)
        {
            due.Add(clips[i].Id);
        }
    }

    await using var transaction = await db.Database.BeginTransactionAsync();
    var deleted = 0;
    foreach (var batch in due.Chunk(1000))
    {
        deleted += await db.Clips.Where(c => batch.Contains(c.Id)).ExecuteDeleteAsync();
    }

    await transaction.CommitAsync();
    return deleted;
}
