using System.Collections.Generic;
using NodaTime;

namespace Privacy;

/// <summary>
/// Plans the answer to a data-subject request from the subject's history and the host's stored
/// records: access, erasure, rectification and marketing opt-out, record by record, with reasons.
/// </summary>
/// <remarks>
/// Planning is pure: the same policy, subject, records and instants give the same plan. A record
/// the policy cannot place (unknown category, purpose, recipient or ground) is reported in
/// <see cref="RightsPlan.Problems"/> and the others are still planned. Implementations are thread-safe.
/// </remarks>
public interface IRightsPlanner
{
    /// <summary>Plans a response to a data-subject request.</summary>
    /// <param name="right">Which right the subject exercises.</param>
    /// <param name="subject">The subject and their history.</param>
    /// <param name="records">The records the host holds about the subject.</param>
    /// <param name="receivedAt">When the request was received; erasure and opt-out take effect from then.</param>
    /// <param name="contactAddresses">Erasure: the subject's contact addresses to suppress (hashed, never kept); may be empty.</param>
    /// <returns>The plan.</returns>
    RightsPlan Plan(RightKind right, DataSubject subject, IEnumerable<StoredRecord> records, Instant receivedAt, IEnumerable<string>? contactAddresses = null);
}
