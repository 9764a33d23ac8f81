using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CameraCompanion.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Privacy;
using Privacy.EntityFrameworkCore;

namespace CameraCompanion.Privacy;

/// <summary>What one retention run did.</summary>
/// <param name="At">The run's instant.</param>
/// <param name="Clips">Clips, snapshots and audio deleted.</param>
/// <param name="Cameras">Camera pairings deleted.</param>
/// <param name="Tickets">Support tickets deleted.</param>
/// <param name="ErasuresCompleted">Pending erasures completed.</param>
public sealed record RetentionRun(string At, int Clips, int Cameras, int Tickets, int ErasuresCompleted);

/// <summary>
/// The retention job: the policy's retention rules become per-category cut-offs, and each table is
/// swept with set-based deletes in one transaction, with a ledger entry saying what was deleted.
/// It also completes erasures a crash left pending.
/// </summary>
/// <param name="db">The database.</param>
/// <param name="policies">The policy in force.</param>
/// <param name="clock">The clock.</param>
/// <param name="ledger">The ledger.</param>
public sealed class RetentionJob(CameraDbContext db, IPrivacyPolicyProvider policies, IClock clock, Ledger ledger)
{
    /// <summary>Where clips keep what retention needs.</summary>
    public static readonly RetentionColumns<Clip> ClipColumns = new(c => c.RecordedAt)
    {
        Category = c => c.Category,
        Ground = c => c.Ground,
        ErasureRequestedAt = c => c.Account!.ErasureRequestedAt,
        UnderLegalHold = c => c.Account!.UnderLegalHold,
        LastActivityAt = c => c.Account!.LastActivityAt,
        AccountClosedAt = c => c.Account!.AccountClosedAt,
    };

    /// <summary>Where camera pairings keep what retention needs (their category is on the entity).</summary>
    public static readonly RetentionColumns<Camera> CameraColumns = new(c => c.PairedAt)
    {
        ErasureRequestedAt = c => c.Account!.ErasureRequestedAt,
        UnderLegalHold = c => c.Account!.UnderLegalHold,
        LastActivityAt = c => c.Account!.LastActivityAt,
        AccountClosedAt = c => c.Account!.AccountClosedAt,
    };

    /// <summary>Where support tickets keep what retention needs.</summary>
    public static readonly RetentionColumns<SupportTicket> TicketColumns = new(t => t.SubmittedAt)
    {
        ErasureRequestedAt = t => t.Account!.ErasureRequestedAt,
        UnderLegalHold = t => t.Account!.UnderLegalHold,
        LastActivityAt = t => t.Account!.LastActivityAt,
        AccountClosedAt = t => t.Account!.AccountClosedAt,
    };

    /// <summary>Runs the job.</summary>
    /// <param name="cancellationToken">Stops it; nothing is deleted unless all of it commits.</param>
    /// <returns>What it did.</returns>
    public async Task<RetentionRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var cutoffs = RetentionCutoffs.Compute(policies.Current, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var clips = await db.DeleteDueRecordsAsync(cutoffs, ClipColumns, cancellationToken);
        var cameras = await db.DeleteDueRecordsAsync(cutoffs, CameraColumns, cancellationToken);
        var tickets = await db.DeleteDueRecordsAsync(cutoffs, TicketColumns, cancellationToken);

        // Erasures a crash left half done: the records went above; the account's own fields go here.
        var pending = await db.Accounts
            .Where(a => a.ErasureRequestedAt != null && a.ErasureRequestedAt <= now && a.ErasureCompletedAt == null && !a.UnderLegalHold)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in pending)
        {
            ledger.Note(id, Ledger.ErasureExecuted, now, "{\"by\":\"retention-job\"}");
        }

        await db.Accounts.Where(a => pending.Contains(a.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.Email, (string?)null).SetProperty(a => a.DisplayName, (string?)null).SetProperty(a => a.ErasureCompletedAt, (Instant?)now),
            cancellationToken);

        var run = new RetentionRun(now.ToString(), clips, cameras, tickets, pending.Count);
        ledger.Note("*", Ledger.RetentionSwept, now, JsonSerializer.Serialize(run));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run;
    }
}
