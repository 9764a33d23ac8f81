using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CameraCompanion.Tests.Infrastructure;

/// <summary>Simulates a crash: when armed, the next command whose SQL starts with the given verb and mentions the table fails before it reaches the database.</summary>
public sealed class CrashSwitch : DbCommandInterceptor
{
    private string? _verb;
    private string? _table;

    public int Crashes { get; private set; }

    public void Arm(string verb, string table)
    {
        _verb = verb;
        _table = table;
    }

    public void Disarm() => _verb = _table = null;

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    private void Check(DbCommand command)
    {
        if (_verb is null || _table is null)
        {
            return;
        }

        var sql = command.CommandText.TrimStart();
        if (sql.StartsWith(_verb, StringComparison.OrdinalIgnoreCase) && sql.Contains(_table, StringComparison.Ordinal))
        {
            Crashes++;
            throw new SimulatedCrashException($"Simulated crash before: {sql[..Math.Min(80, sql.Length)]}");
        }
    }
}

/// <summary>The failure a <see cref="CrashSwitch"/> raises.</summary>
public sealed class SimulatedCrashException(string message) : Exception(message);
