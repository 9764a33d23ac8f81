using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CameraCompanion.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Privacy;

namespace CameraCompanion.Tests.Api;

/// <summary>
/// After any sequence of API calls: no message went out and nothing was disclosed that the policy
/// forbids at that instant, every disclosure is in the audit, and once the retention job has run
/// no record past its deadline is left.
/// </summary>
public sealed class PolicyInvariantProperties : IClassFixture<PolicyInvariantProperties.Service>
{
    private static int _runs;
    private readonly Service _service;

    public PolicyInvariantProperties(Service service) => _service = service;

    public enum OpKind
    {
        Register,
        Upload,
        Share,
        Event,
        Send,
        Erase,
        Advance,
        Retention,
    }

    /// <summary>One API call: which subject, and small numbers that pick the details.</summary>
    public sealed record Op(OpKind Kind, int Who, int A, int B)
    {
        public override string ToString() => $"{Kind}({Who},{A},{B})";
    }

    private static readonly string[] Kinds = ["video", "snapshot", "audio"];
    private static readonly string?[] Grounds = [null, null, null, "fraud-prevention", "statutory-obligation", "backup"];
    private static readonly string[] Events = ["consent-granted", "consent-withdrawn", "marketing-opt-out", "marketing-opt-in", "legal-hold-placed", "legal-hold-released", "account-closed", "service-used"];
    private static readonly string[] Messages = ["marketing", "newsletter", "motion-alert", "administrative", "breach-notice"];
    private static readonly string[] Channels = ["email", "push", "post"];

    public static Gen<Op[]> Sequences()
    {
        var op =
            from kind in Gen.Frequency(
                (3, Gen.Constant(OpKind.Register)),
                (5, Gen.Constant(OpKind.Upload)),
                (4, Gen.Constant(OpKind.Share)),
                (4, Gen.Constant(OpKind.Event)),
                (5, Gen.Constant(OpKind.Send)),
                (1, Gen.Constant(OpKind.Erase)),
                (3, Gen.Constant(OpKind.Advance)),
                (2, Gen.Constant(OpKind.Retention)))
            from who in Gen.Choose(0, 3)
            from a in Gen.Choose(0, 40)
            from b in Gen.Choose(0, 40)
            select new Op(kind, who, a, b);
        return Gen.Choose(5, 20).SelectMany(n => Gen.ArrayOf(op, n));
    }

    [Property(MaxTest = 10)]
    public Property AnySequence_NothingForbiddenHappened_AndNothingOverdueRemains()
        => Prop.ForAll(Sequences().ToArbitrary(), ops => RunAsync(ops).GetAwaiter().GetResult());

    private async Task<bool> RunAsync(Op[] ops)
    {
        var run = "p" + Interlocked.Increment(ref _runs) + "-";
        var client = _service.Client;
        var clips = new List<string>();
        foreach (var op in ops)
        {
            var who = run + op.Who;
            switch (op.Kind)
            {
                case OpKind.Register:
                    await client.PostAsJsonAsync("/accounts", new { id = who, email = who + "@example.com", name = who });
                    break;
                case OpKind.Upload:
                    using (var response = await client.PostAsJsonAsync($"/accounts/{who}/clips", new { kind = Kinds[op.A % 3], ground = Grounds[op.B % Grounds.Length], purpose = op.A % 4 == 0 ? "service.cloud-storage" : null }))
                    {
                        if (response.IsSuccessStatusCode)
                        {
                            clips.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
                        }
                    }

                    break;
                case OpKind.Share when clips.Count > 0:
                    await client.PostAsJsonAsync($"/clips/{clips[op.A % clips.Count]}/shares", new { with = op.B % 3 == 0 ? "public" : run + (op.B % 4) });
                    break;
                case OpKind.Event:
                    await client.PostAsJsonAsync($"/accounts/{who}/events", new { type = Events[op.A % Events.Length], purpose = "service.cloud-storage" });
                    break;
                case OpKind.Send:
                    await client.PostAsJsonAsync($"/accounts/{who}/messages", new { message = Messages[op.A % Messages.Length], channel = Channels[op.B % Channels.Length] });
                    break;
                case OpKind.Erase:
                    await client.PostAsync($"/accounts/{who}/rights/erase", null);
                    break;
                case OpKind.Advance:
                    _service.Factory.Clock.Advance(Duration.FromDays(op.A) + Duration.FromHours(op.B));
                    break;
                case OpKind.Retention:
                    (await client.PostAsync("/retention/run", null)).EnsureSuccessStatusCode();
                    break;
            }
        }

        (await client.PostAsync("/retention/run", null)).EnsureSuccessStatusCode();
        await CheckAsync(run);
        return true;
    }

    private async Task CheckAsync(string run)
    {
        var policy = Profile.CameraProfileTests.Profile;
        await using var db = _service.Factory.Db();
        var accounts = await db.Accounts.Where(a => a.Id.StartsWith(run)).ToDictionaryAsync(a => a.Id);
        var ledger = (await db.Ledger.Where(e => e.SubjectId.StartsWith(run)).ToListAsync()).ToLookup(e => e.SubjectId);
        DataSubject SubjectAt(string id, Instant at)
        {
            var events = new List<PrivacyEvent>();
            foreach (var e in ledger[id].Where(e => e.At <= at))
            {
                if (PrivacyEventKinds.TryParse(e.Kind, out var kind))
                {
                    events.Add(new PrivacyEvent(kind, e.At, e.Purpose is null ? null : new PurposeId(e.Purpose), e.Recipient is null ? null : new RecipientId(e.Recipient)));
                }
            }

            return new DataSubject(id, hasEmail: true, events);
        }

        foreach (var message in await db.Outbox.Where(m => m.SubjectId.StartsWith(run)).ToListAsync())
        {
            var decision = policy.Decide(new CommunicateRequest(new(message.Message), new(message.Channel), message.At), SubjectAt(message.SubjectId, message.At).StateAt(message.At));
            Assert.True(decision.Effect == Effect.Permit, $"{message.Message} by {message.Channel} to {message.SubjectId} at {message.At} was sent, but the policy says {decision.Effect} ({string.Join(", ", decision.Clauses)}).");
        }

        var audit = await db.Audit.Where(a => a.SubjectId.StartsWith(run)).ToListAsync();
        var shares = await db.Shares.Where(s => s.AccountId.StartsWith(run)).ToListAsync();
        var clips = await db.Clips.Where(c => c.AccountId.StartsWith(run)).ToDictionaryAsync(c => c.Id);
        foreach (var share in shares)
        {
            var clip = clips[share.ClipId];
            var decision = policy.Decide(new DiscloseRequest(new(clip.Category), new(share.Recipient), new("subject-request"), share.SharedAt), SubjectAt(share.AccountId, share.SharedAt).StateAt(share.SharedAt));
            Assert.True(decision.Effect == Effect.Permit, $"{share.ClipId} was shared with {share.Recipient} at {share.SharedAt}, but the policy says {decision.Effect}.");
            Assert.Contains(audit, a => a.RecordId == share.ClipId && a.At == share.SharedAt);
        }

        var sweptAt = (await db.Ledger.Where(e => e.Kind == "retention-swept").OrderByDescending(e => e.Id).FirstAsync()).At;
        foreach (var clip in clips.Values.Where(c => c.RecordedAt <= sweptAt))
        {
            var state = SubjectAt(clip.AccountId, sweptAt).StateAt(sweptAt);
            var grounds = clip.Ground is null ? default : System.Collections.Immutable.ImmutableArray.Create(new RetentionGroundId(clip.Ground));
            var decision = policy.Decide(new RetainRequest(new(clip.Category), clip.RecordedAt, sweptAt, grounds), state);
            Assert.True(decision.Effect == Effect.Retain, $"{clip.Id} ({clip.Category}, {clip.Ground}) of {clip.AccountId} is past its deadline {decision.Deadline} at {sweptAt} but was kept.");
        }
    }

    /// <summary>One service on one SQLite file for all generated sequences; each sequence uses its own accounts.</summary>
    public sealed class Service : IDisposable
    {
        public Service()
        {
            Database = TestDatabase.Sqlite();
            // Every reading of the clock moves it on a second, so no two calls share an instant.
            Factory = new CompanionFactory(Database, Duration.FromSeconds(1));
            Client = Factory.CreateClient();
        }

        public TestDatabase Database { get; }

        public CompanionFactory Factory { get; }

        public HttpClient Client { get; }

        public void Dispose()
        {
            Client.Dispose();
            Factory.Dispose();
            Database.Dispose();
        }
    }
}
