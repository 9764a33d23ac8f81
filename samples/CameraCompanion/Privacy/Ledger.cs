using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CameraCompanion.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Privacy;

namespace CameraCompanion.Privacy;

/// <summary>
/// The append-only privacy ledger: subject events in, the subject's history (a <see cref="DataSubject"/>) out.
/// Appending an event also refreshes the account's privacy columns, in the same unit of work.
/// </summary>
/// <param name="db">The database.</param>
public sealed class Ledger(CameraDbContext db)
{
    /// <summary>Kinds the ledger records about what the service did; they are not subject events.</summary>
    public const string ErasureExecuted = "erasure-executed";

    /// <summary>A retention sweep ran and deleted records of the subject's data (subject "*": all).</summary>
    public const string RetentionSwept = "retention-swept";

    /// <summary>Loads a subject's history.</summary>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The subject, with every event of the ledger.</returns>
    public async Task<DataSubject> SubjectAsync(Account account, CancellationToken cancellationToken = default)
    {
        var entries = await db.Ledger.Where(e => e.SubjectId == account.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return ToSubject(account, entries);
    }

    /// <summary>Adds an event (not saved) and refreshes the account's privacy columns from the whole history.</summary>
    /// <param name="account">The subject's account, tracked.</param>
    /// <param name="privacyEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The subject with the event.</returns>
    public async Task<DataSubject> AppendAsync(Account account, PrivacyEvent privacyEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(privacyEvent);
        db.Ledger.Add(new LedgerEntry
        {
            SubjectId = account.Id,
            Kind = privacyEvent.Kind.ToName(),
            Purpose = privacyEvent.Purpose?.Value,
            Recipient = privacyEvent.Recipient?.Value,
            At = privacyEvent.At,
        });
        var subject = (await SubjectAsync(account, cancellationToken)).WithEvent(privacyEvent);
        var state = subject.StateAt(privacyEvent.At);
        account.LastActivityAt = state.LastActivityAt;
        account.ErasureRequestedAt = state.ErasureRequestedAt;
        account.UnderLegalHold = state.IsUnderLegalHold;
        account.AccountClosedAt = state.AccountClosedAt;
        return subject;
    }

    /// <summary>Adds a record of what the service did (not saved).</summary>
    /// <param name="subjectId">The subject, or "*" for all.</param>
    /// <param name="kind">The kind, such as <see cref="ErasureExecuted"/>.</param>
    /// <param name="at">When.</param>
    /// <param name="detail">What was done.</param>
    public void Note(string subjectId, string kind, Instant at, string detail)
        => db.Ledger.Add(new LedgerEntry { SubjectId = subjectId, Kind = kind, At = at, Detail = detail });

    /// <summary>The subject's history from ledger entries; service records are skipped.</summary>
    /// <param name="account">The account.</param>
    /// <param name="entries">Its entries.</param>
    /// <returns>The subject.</returns>
    public static DataSubject ToSubject(Account account, IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(account);
        var events = new List<PrivacyEvent>();
        foreach (var e in entries)
        {
            if (PrivacyEventKinds.TryParse(e.Kind, out var kind))
            {
                events.Add(new PrivacyEvent(kind, e.At, e.Purpose is null ? null : new PurposeId(e.Purpose), e.Recipient is null ? null : new RecipientId(e.Recipient)));
            }
        }

        return new DataSubject(account.Id, hasEmail: account.Email is not null, events);
    }
}
