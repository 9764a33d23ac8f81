using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Privacy.Serialization;

namespace Privacy.Tests.Serialization;

public sealed class PrivacyJsonTests
{
    private static readonly string[] IdTexts = ["rights.erasure", "use.contact", "a", "marketing", "legal.obligation-7", "x.y.z"];

    private static readonly Gen<Instant> Instants =
        from seconds in Gen.Choose(-2_000_000_000, 2_000_000_000)
        from nanos in Gen.OneOf(Gen.Constant(0), Gen.Choose(0, 999_999_999))
        select Instant.FromUnixTimeSeconds(seconds).PlusNanoseconds(nanos);

    private static readonly Gen<string> Ids = Gen.Elements(IdTexts);

    private static readonly Gen<string> Texts = Gen.Elements("r1", "record \"quoted\"", "é ü 漢字", "line\nbreak", "<tag>&", "");

    private static Gen<ImmutableArray<T>> Arrays<T>(Func<string, T> parse)
        => Gen.ListOf(Ids).Select(ids => ids.Take(4).Select(parse).ToImmutableArray());

    private static readonly Gen<PrivacyDecision> Decisions =
        from effect in Gen.Elements(Effect.Deny, Effect.Permit, Effect.Retain, Effect.Delete)
        from first in Ids
        from more in Arrays(ClauseId.Parse)
        let clauses = more.Insert(0, ClauseId.Parse(first))
        from obligations in Arrays(ObligationId.Parse)
        from grounds in Arrays(RetentionGroundId.Parse)
        from hasDeadline in Gen.Elements(true, false)
        from deadline in Instants
        select new PrivacyDecision(effect, clauses, obligations, hasDeadline ? deadline : null, grounds);

    private static readonly Gen<PrivacyEvent> Events =
        from kind in Gen.Elements(Enum.GetValues<PrivacyEventKind>())
        from at in Instants
        from purpose in Ids
        from recipient in Ids
        from which in Gen.Choose(0, 2)
        from version in Gen.Elements("2018-05", "v2")
        select kind switch
        {
            PrivacyEventKind.ConsentGranted or PrivacyEventKind.ConsentWithdrawn => new PrivacyEvent(
                kind, at, which != 1 ? PurposeId.Parse(purpose) : null, which != 0 ? RecipientId.Parse(recipient) : null),
            PrivacyEventKind.PolicyAccepted or PrivacyEventKind.PolicyNotified => new PrivacyEvent(kind, at, version: version),
            _ => new PrivacyEvent(kind, at),
        };

    private static readonly Gen<DataSubject> Subjects =
        from id in Gen.Elements<string?>(null, "s-1", "subject \"7\"", "ü")
        from hasEmail in Gen.Elements(true, false)
        from events in Gen.ListOf(Events)
        select new DataSubject(id, hasEmail, events.Take(5));

    private static readonly Gen<RightsPlanItem> Items =
        from record in Texts
        from category in Ids
        from action in Gen.Elements(Enum.GetValues<PlanAction>())
        from deadline in Gen.OneOf(Gen.Constant<Instant?>(null), Instants.Select(i => (Instant?)i))
        from backups in Gen.OneOf(Gen.Constant<Instant?>(null), Instants.Select(i => (Instant?)i))
        from grounds in Arrays(RetentionGroundId.Parse)
        from clauses in Arrays(ClauseId.Parse)
        from purposes in Arrays(PurposeId.Parse)
        from recipients in Arrays(RecipientId.Parse)
        select new RightsPlanItem(record, DataCategoryId.Parse(category), action, deadline, grounds, clauses, purposes, recipients, backups);

    private static readonly Gen<RightsPlan> Plans =
        from right in Gen.Elements(Enum.GetValues<RightKind>())
        from received in Instants
        from respond in Instants
        from extended in Instants
        from items in Gen.ListOf(Items)
        from problems in Gen.ListOf(from r in Gen.Elements<string?>(null, "r9") from f in Gen.Elements<string?>(null, "collectedAt") from m in Texts select new RecordProblem(r, "invalid-instant", f, m))
        from clauses in Arrays(ClauseId.Parse)
        from suppressions in Gen.ListOf(from h in Texts from since in Instants from key in Gen.Elements<string?>(null, "k1") select new SuppressionEntry(h, since, key))
        from optOut in Gen.OneOf(
            Gen.Constant<OptOutScope?>(null),
            from start in Instants
            from stopped in Arrays(MessageKindId.Parse)
            from continuing in Arrays(MessageKindId.Parse)
            from channels in Arrays(ChannelId.Parse)
            from purposes in Arrays(PurposeId.Parse)
            select (OptOutScope?)new OptOutScope(start, stopped, continuing, channels, purposes))
        select new RightsPlan(
            right,
            received,
            respond,
            extended,
            items.Take(3).Select(i => i with
            {
                // The JSON carries purposes only for access and opt-out, recipients only for access.
                Purposes = right is RightKind.Access or RightKind.MarketingOptOut ? i.Purposes : [],
                Recipients = right == RightKind.Access ? i.Recipients : [],
            }).ToImmutableArray(),
            [.. problems.Take(2)],
            clauses,
            right == RightKind.Erasure ? [.. suppressions.Take(2)] : [],
            optOut);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, PrivacyJson.Options.GetTypeInfo(typeof(T)));

    private static T Read<T>(string json) => (T)JsonSerializer.Deserialize(json, PrivacyJson.Options.GetTypeInfo(typeof(T)))!;

    [Property(MaxTest = 500)]
    public Property Serialize_AnyDecision_RoundTrips()
        => Prop.ForAll(Decisions.ToArbitrary(), decision => Read<PrivacyDecision>(Json(decision)) == decision);

    [Property(MaxTest = 500)]
    public Property Serialize_AnyInstant_RoundTripsAsIsoWithZ()
        => Prop.ForAll(Instants.ToArbitrary(), instant =>
        {
            var json = Json(instant);
            return Read<Instant>(json) == instant && json.EndsWith("Z\"", StringComparison.Ordinal);
        });

    [Property(MaxTest = 300)]
    public Property Serialize_AnyEvent_RoundTrips()
        => Prop.ForAll(Events.ToArbitrary(), e => Read<PrivacyEvent>(Json(e)) == e);

    [Property(MaxTest = 300)]
    public Property Serialize_AnySubject_RoundTrips()
        => Prop.ForAll(Subjects.ToArbitrary(), subject => Read<DataSubject>(Json(subject)).Equals(subject));

    [Property(MaxTest = 300)]
    public Property Serialize_AnyRightsPlan_RoundTripsEveryField()
        => Prop.ForAll(Plans.ToArbitrary(), plan =>
        {
            var json = Json(plan);
            var back = Read<RightsPlan>(json);
            return Json(back) == json
                && back.Right == plan.Right && back.RespondBy == plan.RespondBy && back.ExtendedRespondBy == plan.ExtendedRespondBy
                && back.ReceivedAt == plan.ReceivedAt && back.Items.Length == plan.Items.Length
                && back.Items.Zip(plan.Items).All(p => p.First.Deadline == p.Second.Deadline && p.First.BackupsBy == p.Second.BackupsBy
                    && p.First.Purposes.SequenceEqual(p.Second.Purposes) && p.First.Recipients.SequenceEqual(p.Second.Recipients)
                    && p.First.Record == p.Second.Record && p.First.Action == p.Second.Action)
                && back.Problems.SequenceEqual(plan.Problems) && back.Suppressions.SequenceEqual(plan.Suppressions)
                && (back.OptOut is null) == (plan.OptOut is null);
        });

    [Property(MaxTest = 200)]
    public Property Serialize_AnyId_IsItsText()
        => Prop.ForAll(Ids.ToArbitrary(), id =>
            Json(ClauseId.Parse(id)) == $"\"{id}\"" && Read<PurposeId>($"\"{id}\"") == PurposeId.Parse(id)
            && Read<DataCategoryId>(Json(DataCategoryId.Parse(id))) == DataCategoryId.Parse(id)
            && Read<RecipientId>(Json(RecipientId.Parse(id))) == RecipientId.Parse(id)
            && Read<DisclosureReasonId>(Json(DisclosureReasonId.Parse(id))) == DisclosureReasonId.Parse(id)
            && Read<MessageKindId>(Json(MessageKindId.Parse(id))) == MessageKindId.Parse(id)
            && Read<ChannelId>(Json(ChannelId.Parse(id))) == ChannelId.Parse(id)
            && Read<ObligationId>(Json(ObligationId.Parse(id))) == ObligationId.Parse(id)
            && Read<RetentionGroundId>(Json(RetentionGroundId.Parse(id))) == RetentionGroundId.Parse(id));

    [Fact]
    public void Serialize_RetentionDeadline_IsContractShape()
    {
        var decision = new PrivacyDecision(Effect.Delete, [ClauseId.Parse("rights.erasure")], [], Instant.FromUtc(2026, 4, 1, 0, 0), []);

        Assert.Equal("""{"effect":"delete","clauses":["rights.erasure"],"until":"2026-04-01T00:00:00Z","obligations":[]}""", Json(decision));
    }

    [Theory]
    [InlineData("permit", Effect.Permit)]
    [InlineData("deny", Effect.Deny)]
    [InlineData("retain", Effect.Retain)]
    [InlineData("delete", Effect.Delete)]
    public void Serialize_Effect_IsLowercaseName(string name, Effect effect)
    {
        Assert.Equal($"\"{name}\"", Json(effect));
        Assert.Equal(effect, Read<Effect>($"\"{name}\""));
    }

    [Theory]
    [InlineData("""{"effect":"permit","clauses":["a"],"obligations":[],"extra":1}""", "extra")]
    [InlineData("""{"effect":"permit","clauses":[]}""", "obligations")]
    [InlineData("""{"clauses":[],"obligations":[]}""", "effect")]
    [InlineData("""{"effect":"allow","clauses":[],"obligations":[]}""", "effect")]
    [InlineData("""{"effect":"deny","effect":"permit","clauses":[],"obligations":[]}""", "effect")]
    [InlineData("""{"effect":"permit","clauses":["Not An Id"],"obligations":[]}""", "clauses[0]")]
    [InlineData("""{"effect":"permit","clauses":[],"obligations":[{}]}""", "obligations[0].id")]
    [InlineData("""{"effect":"delete","clauses":[],"obligations":[],"until":"tomorrow"}""", "until")]
    [InlineData("""{"effect":"permit","clauses":["\uD800"],"obligations":[]}""", "clauses[0]")]
    [InlineData("""{"effect":"permit","clauses":[],"obligations":[]}""", "clauses")]
    [InlineData("1", "decision")]
    public void Deserialize_BadDecision_ThrowsNamingTheField(string json, string field)
    {
        var e = Assert.Throws<JsonException>(() => Read<PrivacyDecision>(json));

        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"s","hasEmail":true,"events":[],"email":"a@b.c"}""", "email")]
    [InlineData("""{"events":[{"type":"consent-granted","at":"2026-01-01T00:00:00Z"}]}""", "events[0]")]
    [InlineData("""{"events":[{"type":"bogus","at":"2026-01-01T00:00:00Z"}]}""", "events[0].type")]
    [InlineData("""{"events":[{"type":"marketing-opt-out"}]}""", "events[0].at")]
    [InlineData("""{"hasEmail":"yes"}""", "hasEmail")]
    [InlineData("""{"id":""}""", "id")]
    [InlineData("""{"id":"   "}""", "id")]
    [InlineData("""{"id":"\u2028"}""", "id")]
    [InlineData("""{"events":[{"type":"marketing-opt-out","at":"2026-01-01T00:00:00Z"}],"id":"\t"}""", "id")]
    public void Deserialize_BadSubject_ThrowsNamingTheField(string json, string field)
    {
        var e = Assert.Throws<JsonException>(() => Read<DataSubject>(json));

        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_InstantWithOffset_IsTheSameInstant()
        => Assert.Equal(Instant.FromUtc(2026, 4, 1, 0, 0), Read<Instant>("\"2026-04-01T02:00:00+02:00\""));

    [Fact]
    public void Configure_HostOptions_SerialiseInTheContractShape()
    {
        var options = PrivacyJson.Configure(new JsonSerializerOptions());
        var subject = new DataSubject("s-1", true, [PrivacyEvent.MarketingOptOut(Instant.FromUtc(2026, 1, 2, 3, 4, 5))]);

        var json = JsonSerializer.Serialize(subject, options.GetTypeInfo(typeof(DataSubject)));

        Assert.Equal("""{"id":"s-1","hasEmail":true,"events":[{"type":"marketing-opt-out","at":"2026-01-02T03:04:05Z"}]}""", json);
    }

    [Fact]
    public void WriteDecision_RequestId_ComesFirstAndNullWhenAbsent()
    {
        var decision = new PrivacyDecision(Effect.Permit, [ClauseId.Parse("use.contact")], [ObligationId.Parse("include-opt-out-instructions")], null, []);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            PrivacyJson.WriteDecision(writer, "r2", decision);
            PrivacyJson.WriteDecision(writer, null, decision);
            writer.WriteEndArray();
        }

        Assert.Equal(
            """[{"id":"r2","effect":"permit","clauses":["use.contact"],"obligations":[{"id":"include-opt-out-instructions"}]},{"id":null,"effect":"permit","clauses":["use.contact"],"obligations":[{"id":"include-opt-out-instructions"}]}]""",
            Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
