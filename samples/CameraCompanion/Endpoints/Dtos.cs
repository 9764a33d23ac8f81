using System.Collections.Generic;
using System.Linq;
using Privacy;

namespace CameraCompanion.Endpoints;

/// <summary>Registers an account.</summary>
/// <param name="Id">The account id; generated when absent.</param>
/// <param name="Email">The email address.</param>
/// <param name="Name">The display name.</param>
public sealed record RegisterAccount(string? Id, string? Email, string? Name);

/// <summary>Pairs a camera.</summary>
/// <param name="Id">The camera id; generated when absent.</param>
/// <param name="Name">The camera's name.</param>
public sealed record RegisterCamera(string? Id, string? Name);

/// <summary>Uploads a clip's metadata.</summary>
/// <param name="CameraId">The camera that recorded it.</param>
/// <param name="Kind">video, snapshot or audio.</param>
/// <param name="DurationSeconds">Its length.</param>
/// <param name="Ground">A retention ground claimed for it, such as statutory-obligation.</param>
/// <param name="Purpose">What it is collected for; service.delivery by default, service.cloud-storage for cloud recordings.</param>
public sealed record UploadClip(string? CameraId, string? Kind, int DurationSeconds, string? Ground, string? Purpose);

/// <summary>Shares a clip.</summary>
/// <param name="With">"public", or the account id of another user.</param>
public sealed record ShareClip(string? With);

/// <summary>A privacy event of the subject: consent-granted, consent-withdrawn, marketing-opt-out, marketing-opt-in, service-used, account-closed, legal-hold-placed, legal-hold-released, policy-accepted.</summary>
/// <param name="Type">The event type.</param>
/// <param name="Purpose">For consent: the purpose.</param>
/// <param name="Recipient">For consent: the recipient.</param>
public sealed record RecordEvent(string? Type, string? Purpose, string? Recipient);

/// <summary>A message to send through the gate.</summary>
/// <param name="Message">marketing, newsletter, motion-alert, administrative…</param>
/// <param name="Channel">email, push…</param>
/// <param name="Text">The text.</param>
public sealed record SendMessage(string? Message, string? Channel, string? Text);

/// <summary>A support request.</summary>
/// <param name="Text">The request.</param>
public sealed record SubmitTicket(string? Text);

/// <summary>Corrections.</summary>
/// <param name="Email">A new email address.</param>
/// <param name="Name">A new display name.</param>
public sealed record Rectify(string? Email, string? Name);

/// <summary>A suspected breach.</summary>
/// <param name="AwareAt">When the controller became aware (ISO instant); now when absent.</param>
/// <param name="Categories">What leaked.</param>
/// <param name="Subjects">How many people; the number of accounts when absent.</param>
/// <param name="Unintelligible">Whether the data was unreadable (encrypted with a key that did not leak).</param>
public sealed record ReportBreach(string? AwareAt, IReadOnlyList<string>? Categories, int? Subjects, bool Unintelligible);

/// <summary>A decision as JSON.</summary>
/// <param name="Effect">permit, deny, retain or delete.</param>
/// <param name="Clauses">The clauses that decided it.</param>
/// <param name="Obligations">What a permit requires.</param>
/// <param name="Deadline">A retain or delete deadline.</param>
public sealed record DecisionView(string Effect, IReadOnlyList<string> Clauses, IReadOnlyList<string> Obligations, string? Deadline)
{
    /// <summary>Converts a decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The view.</returns>
    public static DecisionView From(PrivacyDecision decision)
        => new(
            decision.Effect.ToString().ToLowerInvariant(),
            [.. decision.Clauses.Select(c => c.Value)],
            [.. decision.Obligations.Select(o => o.Value)],
            decision.Deadline?.ToString());
}
