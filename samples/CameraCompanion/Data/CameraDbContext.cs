using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Privacy.EntityFrameworkCore;

namespace CameraCompanion.Data;

/// <summary>The companion's database: accounts, cameras, clips, shares, tickets, the ledger, the audit and the outbox.</summary>
/// <param name="options">The options.</param>
public sealed class CameraDbContext(DbContextOptions<CameraDbContext> options) : DbContext(options)
{
    /// <summary>Gets the accounts.</summary>
    public DbSet<Account> Accounts => Set<Account>();

    /// <summary>Gets the cameras.</summary>
    public DbSet<Camera> Cameras => Set<Camera>();

    /// <summary>Gets the clips.</summary>
    public DbSet<Clip> Clips => Set<Clip>();

    /// <summary>Gets the shares.</summary>
    public DbSet<ClipShare> Shares => Set<ClipShare>();

    /// <summary>Gets the support tickets.</summary>
    public DbSet<SupportTicket> SupportTickets => Set<SupportTicket>();

    /// <summary>Gets the ledger.</summary>
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();

    /// <summary>Gets the disclosure audit.</summary>
    public DbSet<DisclosureAudit> Audit => Set<DisclosureAudit>();

    /// <summary>Gets the outbox.</summary>
    public DbSet<SentMessage> Outbox => Set<SentMessage>();

    /// <inheritdoc/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardLedger();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc/>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardLedger();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <inheritdoc/>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Instant>().HaveConversion<InstantToUnixTicksConverter>();
    }

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Account>(account =>
        {
            account.Property(a => a.Email).HasPrivacyCategory("personal.email");
            account.Property(a => a.DisplayName).HasPrivacyCategory("personal.name");
        });
        modelBuilder.Entity<Camera>(camera =>
        {
            camera.HasPrivacyCategory("personal.device.pairing");
            camera.HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId);
        });
        modelBuilder.Entity<Clip>(clip =>
        {
            clip.Property(c => c.Category).IsPrivacyCategory();
            clip.HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId);
            clip.HasIndex(c => new { c.Category, c.RecordedAt });
            clip.HasIndex(c => c.AccountId);
        });
        modelBuilder.Entity<ClipShare>(share => share.HasOne<Clip>().WithMany().HasForeignKey(s => s.ClipId).OnDelete(DeleteBehavior.Cascade));
        modelBuilder.Entity<SupportTicket>(ticket =>
        {
            ticket.HasPrivacyCategory("personal.support-ticket");
            ticket.HasOne(t => t.Account).WithMany().HasForeignKey(t => t.AccountId);
        });
        modelBuilder.Entity<LedgerEntry>(ledger => ledger.HasIndex(l => l.SubjectId));
        modelBuilder.Entity<DisclosureAudit>(audit => audit.HasIndex(a => a.SubjectId));
        modelBuilder.Entity<SentMessage>(outbox => outbox.HasIndex(m => m.SubjectId));
    }

    /// <summary>The ledger is append-only: an entry is never changed or removed.</summary>
    private void GuardLedger()
    {
        if (ChangeTracker.Entries<LedgerEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The privacy ledger is append-only: entries are never changed or deleted.");
        }
    }
}
