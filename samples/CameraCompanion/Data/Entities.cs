using NodaTime;

namespace CameraCompanion.Data;

/// <summary>A user of the app: the data subject. The privacy columns are a projection of the ledger, kept in the same transaction.</summary>
public sealed class Account
{
    /// <summary>Gets or sets the account id.</summary>
    public required string Id { get; set; }

    /// <summary>Gets or sets the email address (personal.email); null once erased.</summary>
    public string? Email { get; set; }

    /// <summary>Gets or sets the display name (personal.name); null once erased.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Gets or sets when the account was registered.</summary>
    public Instant CreatedAt { get; set; }

    /// <summary>Gets or sets the last recorded use of the service (from the ledger).</summary>
    public Instant? LastActivityAt { get; set; }

    /// <summary>Gets or sets when erasure was requested (from the ledger).</summary>
    public Instant? ErasureRequestedAt { get; set; }

    /// <summary>Gets or sets when the erasure was carried out; null while it is pending.</summary>
    public Instant? ErasureCompletedAt { get; set; }

    /// <summary>Gets or sets whether a legal hold stands (from the ledger).</summary>
    public bool UnderLegalHold { get; set; }

    /// <summary>Gets or sets when the account was closed (from the ledger).</summary>
    public Instant? AccountClosedAt { get; set; }
}

/// <summary>A camera paired with an account (personal.device.pairing).</summary>
public sealed class Camera
{
    /// <summary>Gets or sets the camera id.</summary>
    public required string Id { get; set; }

    /// <summary>Gets or sets the owner's account id.</summary>
    public required string AccountId { get; set; }

    /// <summary>Gets or sets the owner.</summary>
    public Account? Account { get; set; }

    /// <summary>Gets or sets the camera's name.</summary>
    public required string Name { get; set; }

    /// <summary>Gets or sets when it was paired.</summary>
    public Instant PairedAt { get; set; }
}

/// <summary>A video clip, snapshot or audio recording; its category is in a column.</summary>
public sealed class Clip
{
    /// <summary>Gets or sets the clip id.</summary>
    public required string Id { get; set; }

    /// <summary>Gets or sets the owner's account id.</summary>
    public required string AccountId { get; set; }

    /// <summary>Gets or sets the owner.</summary>
    public Account? Account { get; set; }

    /// <summary>Gets or sets the camera that recorded it.</summary>
    public string? CameraId { get; set; }

    /// <summary>Gets or sets the category: personal.camera.video, .snapshot or .audio.</summary>
    public required string Category { get; set; }

    /// <summary>Gets or sets when it was recorded (collected).</summary>
    public Instant RecordedAt { get; set; }

    /// <summary>Gets or sets the retention ground claimed for it, if any.</summary>
    public string? Ground { get; set; }

    /// <summary>Gets or sets the length in seconds.</summary>
    public int DurationSeconds { get; set; }

    /// <summary>Gets or sets where the media lives in storage.</summary>
    public string? StorageKey { get; set; }
}

/// <summary>A disclosure of a clip to another user or the public.</summary>
public sealed class ClipShare
{
    /// <summary>Gets or sets the share id.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the clip.</summary>
    public required string ClipId { get; set; }

    /// <summary>Gets or sets the clip's owner.</summary>
    public required string AccountId { get; set; }

    /// <summary>Gets or sets the recipient kind: public or app-user.</summary>
    public required string Recipient { get; set; }

    /// <summary>Gets or sets the receiving account for app-user shares.</summary>
    public string? RecipientAccountId { get; set; }

    /// <summary>Gets or sets when it was shared.</summary>
    public Instant SharedAt { get; set; }
}

/// <summary>A support request (personal.support-ticket).</summary>
public sealed class SupportTicket
{
    /// <summary>Gets or sets the ticket id.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the account.</summary>
    public required string AccountId { get; set; }

    /// <summary>Gets or sets the owner.</summary>
    public Account? Account { get; set; }

    /// <summary>Gets or sets the request text.</summary>
    public required string Text { get; set; }

    /// <summary>Gets or sets when it was submitted.</summary>
    public Instant SubmittedAt { get; set; }
}

/// <summary>One entry of the append-only privacy ledger: a subject event, or a record of what the service did about one.</summary>
public sealed class LedgerEntry
{
    /// <summary>Gets or sets the sequence number.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the subject's account id.</summary>
    public required string SubjectId { get; set; }

    /// <summary>Gets or sets the kind: a subject event (consent-granted, marketing-opt-out, erasure-requested…) or a service record (erasure-executed, retention-swept).</summary>
    public required string Kind { get; set; }

    /// <summary>Gets or sets the purpose of a consent event.</summary>
    public string? Purpose { get; set; }

    /// <summary>Gets or sets the recipient of a consent event.</summary>
    public string? Recipient { get; set; }

    /// <summary>Gets or sets when it happened.</summary>
    public Instant At { get; set; }

    /// <summary>Gets or sets details, such as how many records an erasure deleted.</summary>
    public string? Detail { get; set; }
}

/// <summary>A disclosure the policy obliges to log (log-disclosure), written with the disclosure.</summary>
public sealed class DisclosureAudit
{
    /// <summary>Gets or sets the sequence number.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the subject.</summary>
    public required string SubjectId { get; set; }

    /// <summary>Gets or sets the disclosed record.</summary>
    public required string RecordId { get; set; }

    /// <summary>Gets or sets the record's category.</summary>
    public required string Category { get; set; }

    /// <summary>Gets or sets the recipient.</summary>
    public required string Recipient { get; set; }

    /// <summary>Gets or sets the reason.</summary>
    public required string Reason { get; set; }

    /// <summary>Gets or sets the clauses that permitted it.</summary>
    public required string Clauses { get; set; }

    /// <summary>Gets or sets when.</summary>
    public Instant At { get; set; }
}

/// <summary>A message the gate let through, in the outbox.</summary>
public sealed class SentMessage
{
    /// <summary>Gets or sets the sequence number.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the subject.</summary>
    public required string SubjectId { get; set; }

    /// <summary>Gets or sets the message kind.</summary>
    public required string Message { get; set; }

    /// <summary>Gets or sets the channel.</summary>
    public required string Channel { get; set; }

    /// <summary>Gets or sets the text, with opt-out instructions when the policy requires them.</summary>
    public required string Body { get; set; }

    /// <summary>Gets or sets the clauses that permitted it.</summary>
    public required string Clauses { get; set; }

    /// <summary>Gets or sets when.</summary>
    public Instant At { get; set; }
}
