using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CameraCompanion.Data;
using CameraCompanion.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Privacy;
using Privacy.Breach;
using Privacy.Rendering;

namespace CameraCompanion.Endpoints;

/// <summary>The companion's HTTP API: every action on personal data asks the policy first.</summary>
public static class CompanionEndpoints
{
    private static readonly string[] ClipKinds = ["video", "snapshot", "audio"];

    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The same builder.</returns>
    public static IEndpointRouteBuilder MapCompanion(this IEndpointRouteBuilder app)
    {
        app.MapPost("/accounts", RegisterAccountAsync);
        app.MapPost("/accounts/{id}/cameras", RegisterCameraAsync);
        app.MapPost("/accounts/{id}/clips", UploadClipAsync);
        app.MapPost("/clips/{clipId}/shares", ShareClipAsync);
        app.MapPost("/accounts/{id}/events", RecordEventAsync);
        app.MapPost("/accounts/{id}/messages", SendMessageAsync);
        app.MapPost("/accounts/{id}/tickets", SubmitTicketAsync);
        app.MapGet("/accounts/{id}/ledger", async (string id, CameraDbContext db, CancellationToken ct)
            => Results.Ok(await db.Ledger.Where(e => e.SubjectId == id).OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.Kind, e.Purpose, e.Recipient, At = e.At.ToString(), e.Detail }).ToListAsync(ct)));
        app.MapGet("/accounts/{id}/messages", async (string id, CameraDbContext db, CancellationToken ct)
            => Results.Ok(await db.Outbox.Where(m => m.SubjectId == id).OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.Message, m.Channel, m.Body, m.Clauses, At = m.At.ToString() }).ToListAsync(ct)));
        app.MapGet("/audit", async (string? subject, CameraDbContext db, CancellationToken ct)
            => Results.Ok(await db.Audit.Where(a => subject == null || a.SubjectId == subject).OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.SubjectId, a.RecordId, a.Category, a.Recipient, a.Reason, a.Clauses, At = a.At.ToString() }).ToListAsync(ct)));
        app.MapPost("/accounts/{id}/rights/access", AccessAsync);
        app.MapPost("/accounts/{id}/rights/erase", EraseAsync);
        app.MapPost("/accounts/{id}/rights/rectify", RectifyAsync);
        app.MapPost("/accounts/{id}/rights/opt-out", OptOutAsync);
        app.MapGet("/privacy", (IPrivacyPolicyProvider policies)
            => Results.Content(PolicyRenderer.Render(policies.Current.Policy, NoticeFormat.Html), "text/html; charset=utf-8"));
        app.MapPost("/breach", BreachAsync);
        app.MapPost("/retention/run", async (RetentionJob job, CancellationToken ct) => Results.Ok(await job.RunAsync(ct)));
        return app;
    }

    private static async Task<IResult> RegisterAccountAsync(RegisterAccount body, CameraDbContext db, Ledger ledger, IPrivacyGate gate, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Email))
        {
            return Problem("email", "An account needs an email address.");
        }

        var id = string.IsNullOrWhiteSpace(body.Id) ? "u-" + Guid.NewGuid().ToString("N")[..12] : body.Id;
        if (await db.Accounts.AnyAsync(a => a.Id == id, ct))
        {
            return Results.Conflict(new { error = $"The account '{id}' exists." });
        }

        var decision = gate.MayCollect(new DataSubject(id, hasEmail: true), new DataCategoryId("personal.email"), new PurposeId("service.delivery"));
        if (decision.Effect != Effect.Permit)
        {
            return Denied(decision);
        }

        var now = gate.Now;
        var account = new Account { Id = id, Email = body.Email, DisplayName = body.Name, CreatedAt = now };
        db.Accounts.Add(account);
        await ledger.AppendAsync(account, PrivacyEvent.ServiceUsed(now), ct);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/accounts/{id}", new { id, decision = DecisionView.From(decision) });
    }

    private static async Task<IResult> RegisterCameraAsync(string id, RegisterCamera body, CameraDbContext db, Ledger ledger, IPrivacyGate gate, CancellationToken ct)
    {
        if (await db.Accounts.FindAsync([id], ct) is not { } account)
        {
            return Results.NotFound(new { error = $"No account '{id}'." });
        }

        var subject = await ledger.SubjectAsync(account, ct);
        var decision = gate.MayCollect(subject, new DataCategoryId("personal.device.pairing"), new PurposeId("service.delivery"));
        if (decision.Effect != Effect.Permit)
        {
            return Denied(decision);
        }

        var camera = new Camera { Id = body.Id ?? "cam-" + Guid.NewGuid().ToString("N")[..12], AccountId = id, Name = body.Name ?? "camera", PairedAt = gate.Now };
        db.Cameras.Add(camera);
        await ledger.AppendAsync(account, PrivacyEvent.ServiceUsed(gate.Now), ct);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/cameras/{camera.Id}", new { id = camera.Id, decision = DecisionView.From(decision) });
    }

    private static async Task<IResult> UploadClipAsync(string id, UploadClip body, CameraDbContext db, Ledger ledger, IPrivacyGate gate, IPrivacyPolicyProvider policies, CancellationToken ct)
    {
        if (await db.Accounts.FindAsync([id], ct) is not { } account)
        {
            return Results.NotFound(new { error = $"No account '{id}'." });
        }

        if (body.Kind is null || !ClipKinds.Contains(body.Kind, StringComparer.Ordinal))
        {
            return Problem("kind", $"'kind' must be one of {string.Join(", ", ClipKinds)}.");
        }

        if (body.Ground is not null && !policies.Current.Vocabulary.Grounds.TryGetIndex(body.Ground, out _))
        {
            return Problem("ground", $"The policy does not recognise the retention ground '{body.Ground}'.");
        }

        var category = new DataCategoryId("personal.camera." + body.Kind);
        var subject = await ledger.SubjectAsync(account, ct);
        var decision = gate.MayCollect(subject, category, new PurposeId(body.Purpose ?? "service.delivery"));
        if (decision.Effect != Effect.Permit)
        {
            return Denied(decision);
        }

        var clip = new Clip
        {
            Id = "clip-" + Guid.NewGuid().ToString("N")[..12],
            AccountId = id,
            CameraId = body.CameraId,
            Category = category.Value,
            RecordedAt = gate.Now,
            Ground = body.Ground,
            DurationSeconds = body.DurationSeconds,
        };
        db.Clips.Add(clip);
        await ledger.AppendAsync(account, PrivacyEvent.ServiceUsed(gate.Now), ct);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/clips/{clip.Id}", new { id = clip.Id, category = clip.Category, decision = DecisionView.From(decision) });
    }

    private static async Task<IResult> ShareClipAsync(string clipId, ShareClip body, CameraDbContext db, Ledger ledger, IPrivacyGate gate, CancellationToken ct)
    {
        if (await db.Clips.FindAsync([clipId], ct) is not { } clip)
        {
            return Results.NotFound(new { error = $"No clip '{clipId}'." });
        }

        if (string.IsNullOrWhiteSpace(body.With))
        {
            return Problem("with", "Say who to share with: \"public\" or an account id.");
        }

        string? recipientAccount = null;
        var recipient = "public";
        if (body.With != "public")
        {
            if (!await db.Accounts.AnyAsync(a => a.Id == body.With && a.ErasureRequestedAt == null, ct))
            {
                return Results.NotFound(new { error = $"No account '{body.With}' to share with." });
            }

            recipient = "app-user";
            recipientAccount = body.With;
        }

        var owner = await db.Accounts.SingleAsync(a => a.Id == clip.AccountId, ct);
        var subject = await ledger.SubjectAsync(owner, ct);
        var decision = gate.MayDisclose(subject, new DataCategoryId(clip.Category), new RecipientId(recipient), new DisclosureReasonId("subject-request"));
        if (decision.Effect != Effect.Permit)
        {
            return Denied(decision);
        }

        // The disclosure and its audit entry commit together, or neither does.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = gate.Now;
        db.Shares.Add(new ClipShare { ClipId = clip.Id, AccountId = clip.AccountId, Recipient = recipient, RecipientAccountId = recipientAccount, SharedAt = now });
        if (decision.Obligations.Contains(new ObligationId("log-disclosure")))
        {
            db.Audit.Add(new DisclosureAudit
            {
                SubjectId = clip.AccountId,
                RecordId = clip.Id,
                Category = clip.Category,
                Recipient = recipientAccount is null ? recipient : $"{recipient}:{recipientAccount}",
                Reason = "subject-request",
                Clauses = string.Join(' ', decision.Clauses),
                At = now,
            });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Results.Ok(new { clip = clip.Id, recipient, with = body.With, decision = DecisionView.From(decision) });
    }

    private static async Task<IResult> RecordEventAsync(string id, RecordEvent body, CameraDbContext db, Ledger ledger, IPrivacyGate gate, CancellationToken ct)
    {
        if (await db.Accounts.FindAsync([id], ct) is not { } account)
        {
            return Results.NotFound(new { error = $"No account '{id}'." });
        }

        if (!PrivacyEventKinds.TryParse(body.Type, out var kind) || kind == PrivacyEventKind.ErasureRequested)
        {
            return Problem("type", $"Unknown event type '{body.Type}'; erasure goes through POST /accounts/{{id}}/rights/erase. Known: {string.Join(", ", PrivacyEventKinds.All)}.");
        }

        var purpose = body.Purpose is null ? (PurposeId?)null : new PurposeId(body.Purpose);
        var recipient = body.Recipient is null ? (RecipientId?)null : new RecipientId(body.Recipient);
        if (kind is PrivacyEventKind.ConsentGranted or PrivacyEventKind.ConsentWithdrawn && purpose is null && recipient is null)
        {
            return Problem("purpose", "A consent event names a purpose or a recipient.");
        }

        var privacyEvent = new PrivacyEvent(kind, gate.Now, purpose, recipient, kind is PrivacyEventKind.PolicyAccepted ? "001" : null);
        await ledger.AppendAsync(account, privacyEvent, ct);
        await db.SaveChangesAsync(ct);
        return Results.Ok(new { subject = id, recorded = kind.ToName(), at = privacyEvent.At.ToString() });
    }

    private static async Task<IResult> SendMessageAsync(string id, SendMessage body, CameraDbContext db, Ledger ledger, IPrivacyGate gate, CancellationToken ct)
    {
        if (await db.Accounts.FindAsync([id], ct) is not { } account)
        {
            return Results.NotFound(new { error = $"No account '{id}'." });
        }

        if (string.IsNullOrWhiteSpace(body.Message) || string.IsNullOrWhiteSpace(body.Channel))
        {
            return Problem(string.IsNullOrWhiteSpace(body.Message) ? "message" : "channel", "A message needs a kind and a channel.");
        }

        var subject = await ledger.SubjectAsync(account, ct);
        var decision = gate.MaySend(subject, new MessageKindId(body.Message), new ChannelId(body.Channel));
        if (decision.Effect != Effect.Permit)
        {
            return Denied(decision);
        }

        var text = body.Text ?? body.Message;
        if (decision.Obligations.Contains(new ObligationId("include-opt-out-instructions")))
        {
            text += $"\n\nTo stop these messages: POST /accounts/{id}/rights/opt-out";
        }

        db.Outbox.Add(new SentMessage { SubjectId = id, Message = body.Message, Channel = body.Channel, Body = text, Clauses = string.Join(' ', decision.Clauses), At = gate.Now });
        await db.SaveChangesAsync(ct);
        return Results.Accepted($"/accounts/{id}/messages", new { sent = true, decision = DecisionView.From(decision) });
    }

    private static async Task<IResult> SubmitTicketAsync(string id, SubmitTicket body, CameraDbContext db, Ledger ledger, IPrivacyGate gate, CancellationToken ct)
    {
        if (await db.Accounts.FindAsync([id], ct) is not { } account)
        {
            return Results.NotFound(new { error = $"No account '{id}'." });
        }

        var subject = await ledger.SubjectAsync(account, ct);
        var decision = gate.MayCollect(subject, new DataCategoryId("personal.support-ticket"), new PurposeId("service.support"));
        if (decision.Effect != Effect.Permit)
        {
            return Denied(decision);
        }

        var ticket = new SupportTicket { AccountId = id, Text = body.Text ?? string.Empty, SubmittedAt = gate.Now };
        db.SupportTickets.Add(ticket);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/tickets/{ticket.Id}", new { id = ticket.Id, decision = DecisionView.From(decision) });
    }

    private static async Task<IResult> AccessAsync(string id, CameraDbContext db, Ledger ledger, IRightsPlanner planner, IPrivacyGate gate, CancellationToken ct)
    {
        if (await db.Accounts.FindAsync([id], ct) is not { } account)
        {
            return Results.NotFound(new { error = $"No account '{id}'." });
        }

        var now = gate.Now;
        await ledger.AppendAsync(account, new PrivacyEvent(PrivacyEventKind.AccessRequested, now), ct);
        await db.SaveChangesAsync(ct);
        var held = await HeldAsync(db, id, ct);
        var plan = planner.Plan(RightKind.Access, await ledger.SubjectAsync(account, ct), held.Records(account), now);
        return Results.Ok(new
        {
            subject = id,
            right = "access",
            respondBy = plan.RespondBy.ToString(),
            account = new { account.Email, name = account.DisplayName, createdAt = account.CreatedAt.ToString() },
            cameras = held.Cameras.Select(c => new { c.Id, c.Name, pairedAt = c.PairedAt.ToString() }),
            clips = held.Clips.Select(c => new { c.Id, c.Category, recordedAt = c.RecordedAt.ToString(), c.DurationSeconds, c.Ground }),
            shares = held.Shares.Select(s => new { s.ClipId, s.Recipient, s.RecipientAccountId, sharedAt = s.SharedAt.ToString() }),
            tickets = held.Tickets.Select(t => new { t.Id, t.Text, submittedAt = t.SubmittedAt.ToString() }),
            disclosures = await db.Audit.Where(a => a.SubjectId == id).Select(a => new { a.RecordId, a.Recipient, a.Reason, at = a.At.ToString() }).ToListAsync(ct),
            items = Items(plan),
        });
    }

    private static async Task<IResult> EraseAsync(string id, CameraDbContext db, Ledger ledger, IRightsPlanner planner, IPrivacyGate gate, CancellationToken ct)
    {
        if (await db.Accounts.FindAsync([id], ct) is not { } account)
        {
            return Results.NotFound(new { error = $"No account '{id}'." });
        }

        // 1. The request is recorded first and on its own: whatever happens next, it is not lost.
        var now = gate.Now;
        if (account.ErasureRequestedAt is null)
        {
            await ledger.AppendAsync(account, PrivacyEvent.ErasureRequested(now), ct);
            await db.SaveChangesAsync(ct);
        }

        // 2. Decide, record by record.
        var held = await HeldAsync(db, id, ct);
        var plan = planner.Plan(RightKind.Erasure, await ledger.SubjectAsync(account, ct), held.Records(account), account.ErasureRequestedAt ?? now);

        // 3. Carry it out in one transaction with its ledger entry: all of it, or none (the retention job finishes a pending erasure).
        var delete = plan.Items.Where(i => i.Action == PlanAction.Delete).Select(i => i.Record).ToHashSet(StringComparer.Ordinal);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var clips = held.Clips.Where(c => delete.Contains("clip:" + c.Id)).Select(c => c.Id).ToList();
        var cameras = held.Cameras.Where(c => delete.Contains("camera:" + c.Id)).Select(c => c.Id).ToList();
        var tickets = held.Tickets.Where(t => delete.Contains("ticket:" + t.Id)).Select(t => t.Id).ToList();
        var deleted = await db.Clips.Where(c => clips.Contains(c.Id)).ExecuteDeleteAsync(ct)
            + await db.Cameras.Where(c => cameras.Contains(c.Id)).ExecuteDeleteAsync(ct)
            + await db.SupportTickets.Where(t => tickets.Contains(t.Id)).ExecuteDeleteAsync(ct);
        if (delete.Contains("account:email"))
        {
            account.Email = null;
        }

        if (delete.Contains("account:name"))
        {
            account.DisplayName = null;
        }

        var completed = !account.UnderLegalHold;
        if (completed)
        {
            account.ErasureCompletedAt = now;
            ledger.Note(id, Ledger.ErasureExecuted, now, JsonSerializer.Serialize(new { deleted, retained = plan.Items.Count(i => i.Action != PlanAction.Delete) }));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Results.Ok(new { subject = id, right = "erasure", respondBy = plan.RespondBy.ToString(), deleted, completed, items = Items(plan) });
    }

    private static async Task<IResult> RectifyAsync(string id, Rectify body, CameraDbContext db, Ledger ledger, IRightsPlanner planner, IPrivacyGate gate, CancellationToken ct)
    {
        if (await db.Accounts.FindAsync([id], ct) is not { } account)
        {
            return Results.NotFound(new { error = $"No account '{id}'." });
        }

        if (account.ErasureRequestedAt is not null)
        {
            return Results.Conflict(new { error = "The account was erased." });
        }

        var now = gate.Now;
        var subject = await ledger.AppendAsync(account, new PrivacyEvent(PrivacyEventKind.RectificationRequested, now), ct);
        var records = new List<StoredRecord>();
        if (body.Email is not null)
        {
            records.Add(new StoredRecord("account:email", new DataCategoryId("personal.email"), account.CreatedAt));
            account.Email = body.Email;
        }

        if (body.Name is not null)
        {
            records.Add(new StoredRecord("account:name", new DataCategoryId("personal.name"), account.CreatedAt));
            account.DisplayName = body.Name;
        }

        var plan = planner.Plan(RightKind.Rectification, subject, records, now);
        await db.SaveChangesAsync(ct);
        return Results.Ok(new { subject = id, right = "rectification", respondBy = plan.RespondBy.ToString(), items = Items(plan) });
    }

    private static async Task<IResult> OptOutAsync(string id, CameraDbContext db, Ledger ledger, IRightsPlanner planner, IPrivacyGate gate, CancellationToken ct)
    {
        if (await db.Accounts.FindAsync([id], ct) is not { } account)
        {
            return Results.NotFound(new { error = $"No account '{id}'." });
        }

        // The planner is given the history before the request: the opt-out takes effect from its receipt.
        var now = gate.Now;
        var before = await ledger.SubjectAsync(account, ct);
        await ledger.AppendAsync(account, PrivacyEvent.MarketingOptOut(now), ct);
        await db.SaveChangesAsync(ct);
        var held = await HeldAsync(db, id, ct);
        var plan = planner.Plan(RightKind.MarketingOptOut, before, held.Records(account), now);
        return Results.Ok(new
        {
            subject = id,
            right = "opt-out",
            respondBy = plan.RespondBy.ToString(),
            stops = plan.OptOut?.StoppedMessages.Select(m => m.Value),
            continues = plan.OptOut?.ContinuingMessages.Select(m => m.Value),
            items = Items(plan),
        });
    }

    private static async Task<IResult> BreachAsync(ReportBreach body, CameraDbContext db, IBreachPlanner planner, IPrivacyPolicyProvider policies, IPrivacyGate gate, CancellationToken ct)
    {
        Instant awareAt = gate.Now;
        if (body.AwareAt is not null)
        {
            var parsed = InstantPattern.ExtendedIso.Parse(body.AwareAt);
            if (!parsed.Success)
            {
                return Problem("awareAt", $"'{body.AwareAt}' is not an instant such as 2026-03-27T09:30:00Z.");
            }

            awareAt = parsed.Value;
        }

        if (body.Categories is not { Count: > 0 })
        {
            return Problem("categories", "Say which categories leaked.");
        }

        var accounts = await db.Accounts.ToListAsync(ct);
        var entries = (await db.Ledger.ToListAsync(ct)).ToLookup(e => e.SubjectId, StringComparer.Ordinal);
        var affected = accounts.Select(a => Ledger.ToSubject(a, entries[a.Id])).ToList();
        var incident = new BreachIncident(awareAt, body.Categories.Select(c => new DataCategoryId(c)), body.Subjects ?? accounts.Count, body.Unintelligible, affected);
        var plan = planner.Plan(incident, policies.Current);
        return Results.Ok(new
        {
            risk = plan.Risk.ToString().ToLowerInvariant(),
            reason = plan.RiskReason,
            steps = plan.Steps.Select(s => new { s.Id, by = s.By.ToString(), s.Reason, s.LegalBasis, clauses = s.Clauses.Select(c => c.Value) }),
            skipped = plan.Skipped.Select(s => new { s.Id, s.Reason }),
            notices = plan.Notices.Select(n => new { subject = n.Subject.Id, channel = n.Channel.Value, by = n.By.ToString(), send = n.Send, decision = DecisionView.From(n.Decision) }),
        });
    }

    private static IEnumerable<object> Items(RightsPlan plan)
        => plan.Items.Select(i => new
        {
            record = i.Record,
            category = i.Category.Value,
            action = i.Action.ToString().ToLowerInvariant(),
            deadline = i.Deadline?.ToString(),
            grounds = i.Grounds.Select(g => g.Value),
            clauses = i.Clauses.Select(c => c.Value),
            recipients = i.Recipients.Select(r => r.Value),
        });

    private static async Task<Held> HeldAsync(CameraDbContext db, string id, CancellationToken ct)
        => new(
            await db.Cameras.Where(c => c.AccountId == id).ToListAsync(ct),
            await db.Clips.Where(c => c.AccountId == id).ToListAsync(ct),
            await db.Shares.Where(s => s.AccountId == id).ToListAsync(ct),
            await db.SupportTickets.Where(t => t.AccountId == id).ToListAsync(ct));

    private static IResult Denied(PrivacyDecision decision)
        => Results.Json(new { denied = true, decision = DecisionView.From(decision) }, statusCode: StatusCodes.Status403Forbidden);

    private static IResult Problem(string field, string message)
        => Results.BadRequest(new { error = message, field });

    /// <summary>What the service holds about one subject.</summary>
    private sealed record Held(List<Camera> Cameras, List<Clip> Clips, List<ClipShare> Shares, List<SupportTicket> Tickets)
    {
        public IEnumerable<StoredRecord> Records(Account account)
        {
            var service = new[] { new PurposeId("service.delivery") };
            if (account.Email is not null)
            {
                yield return new StoredRecord("account:email", new DataCategoryId("personal.email"), account.CreatedAt, [.. service, new PurposeId("communication.administrative")]);
            }

            if (account.DisplayName is not null)
            {
                yield return new StoredRecord("account:name", new DataCategoryId("personal.name"), account.CreatedAt, service);
            }

            foreach (var camera in Cameras)
            {
                yield return new StoredRecord("camera:" + camera.Id, new DataCategoryId("personal.device.pairing"), camera.PairedAt, service);
            }

            var shares = Shares.ToLookup(s => s.ClipId, StringComparer.Ordinal);
            foreach (var clip in Clips)
            {
                yield return new StoredRecord(
                    "clip:" + clip.Id,
                    new DataCategoryId(clip.Category),
                    clip.RecordedAt,
                    service,
                    shares[clip.Id].Select(s => new RecipientId(s.Recipient)).Distinct(),
                    clip.Ground is null ? null : [new RetentionGroundId(clip.Ground)]);
            }

            foreach (var ticket in Tickets)
            {
                yield return new StoredRecord("ticket:" + ticket.Id, new DataCategoryId("personal.support-ticket"), ticket.SubmittedAt, [new PurposeId("service.support")]);
            }
        }
    }
}
