using System;
using System.IO;
using CameraCompanion.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CameraCompanion.Tests.Infrastructure;

/// <summary>A real database for one test class: a SQLite file in a temporary folder, or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>The environment variable with a PostgreSQL connection string (a user that may create databases).</summary>
    public const string PostgresVariable = "PRIVACY_TEST_POSTGRES";

    private readonly string? _folder;

    private TestDatabase(string provider, string connection, string? folder)
    {
        Provider = provider;
        ConnectionString = connection;
        _folder = folder;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static string SkipReason => $"{PostgresVariable} is not set: the PostgreSQL run was SKIPPED (bash .ci/run installs and starts PostgreSQL and sets it).";

    public static TestDatabase Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("camera-companion-tests-").FullName;
        return new TestDatabase("Sqlite", $"Data Source={Path.Combine(folder, "camera.db")}", folder);
    }

    public static TestDatabase Postgres()
    {
        var server = PostgresServer ?? throw new InvalidOperationException(SkipReason);
        var name = "camera_test_" + Guid.NewGuid().ToString("N")[..12];
        return new TestDatabase("PostgreSql", new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null);
    }

    public static TestDatabase Create(string provider) => provider == "PostgreSql" ? Postgres() : Sqlite();

    public CameraDbContext Context()
    {
        var options = new DbContextOptionsBuilder<CameraDbContext>();
        if (Provider == "PostgreSql")
        {
            options.UseNpgsql(ConnectionString);
        }
        else
        {
            options.UseSqlite(ConnectionString);
        }

        return new CameraDbContext(options.Options);
    }

    public void Dispose()
    {
        if (Provider == "PostgreSql")
        {
            using var db = Context();
            db.Database.EnsureDeleted();
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            if (_folder is not null && Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }
}
