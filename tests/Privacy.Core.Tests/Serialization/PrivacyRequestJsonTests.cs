using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Serialization;

namespace Privacy.Tests.Serialization;

/// <summary>Requests in the JSON contract: the shape of a <c>privacy decide</c> line, read by the command's own reader.</summary>
public sealed class PrivacyRequestJsonTests
{
    private static readonly CompiledPolicy Policy = BuiltInPolicies.IsmartviewPro2018Compiled;

    private static readonly Gen<Instant> FineInstants =
        from seconds in Gen.Choose(-2_000_000_000, 2_000_000_000)
        from nanos in Gen.Choose(0, 999_999_999)
        select Instant.FromUnixTimeSeconds(seconds).PlusNanoseconds(nanos);

    /// <summary>Requests of every action on the built-in policy's vocabulary (the kit's generators), with or without a subject and an id.</summary>
    private static readonly Gen<PrivacyRequest> Requests =
        from r in BuiltInArbitraries.Requests().Generator
        from fine in Gen.Elements(false, true)
        from at in FineInstants
        from subject in Gen.OneOf(Gen.Constant<DataSubject?>(null), BuiltInArbitraries.Subjects().Generator.Select(s => (DataSubject?)s.ToSubject()))
        from anonymous in Gen.Elements(false, true)
        from id in Gen.Elements<string?>(null, "r1", string.Empty, "é \"quoted\" \n line", "漢字 <tag>&")
        select Request(fine ? r with { At = at } : r, anonymous && subject is not null ? new DataSubject(null, subject.HasEmail, subject.Events) : subject, id);

    private static PrivacyRequest Request(PolicyRequest r, DataSubject? subject, string? id) => r.Action switch
    {
        PrivacyAction.Collect => new PrivacyRequest(new CollectRequest(r.Category, r.Purpose, r.At, r.Context), subject, id),
        PrivacyAction.Use => new PrivacyRequest(new UseRequest(r.Category, r.Purpose, r.At, r.Context), subject, id),
        PrivacyAction.Disclose => new PrivacyRequest(new DiscloseRequest(r.Category, r.Recipient, r.Reason, r.At, r.Context), subject, id),
        PrivacyAction.Communicate => new PrivacyRequest(new CommunicateRequest(r.Message, r.Channel, r.At, r.Context), subject, id),
        _ => new PrivacyRequest(new RetainRequest(r.Category, r.CollectedAt, r.At, r.Grounds), subject, id),
    };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, PrivacyJson.Options.GetTypeInfo(typeof(T)));

    private static T Read<T>(string json) => (T)JsonSerializer.Deserialize(json, PrivacyJson.Options.GetTypeInfo(typeof(T)))!;

    private static PrivacyRequestException Refused<T>(string json)
    {
        var e = Assert.Throws<JsonException>(() => Read<T>(json));
        return Assert.IsType<PrivacyRequestException>(e.InnerException);
    }

    [Property(MaxTest = 500)]
    public Property Serialize_AnyRequest_RoundTripsThroughPrivacyJson()
        => Prop.ForAll(Requests.ToArbitrary(), request => Read<PrivacyRequest>(Json(request)).Equals(request));

    [Property(MaxTest = 300)]
    public Property ReadRequest_AnySerializedRequest_IsTheSameRequestWithAndWithoutThePolicy()
        => Prop.ForAll(Requests.ToArbitrary(), request =>
        {
            var utf8 = Encoding.UTF8.GetBytes(Json(request));
            return PrivacyJson.ReadRequest(utf8).Equals(request) && PrivacyJson.ReadRequest(utf8, Policy).Equals(request);
        });

    [Property(MaxTest = 100)]
    public Property DeserializeAsync_AnyRequestStreamedAByteAtATime_IsTheSameRequest()
        => Prop.ForAll(Requests.ToArbitrary(), request =>
        {
            // A one-byte buffer hands the converter its value in many segments, as a slow network body may.
            var options = new JsonSerializerOptions(PrivacyJson.Options) { DefaultBufferSize = 1 };
            using var body = new MemoryStream(Encoding.UTF8.GetBytes(Json(request)));
            var read = JsonSerializer.DeserializeAsync(body, options.GetTypeInfo(typeof(PrivacyRequest))).AsTask().GetAwaiter().GetResult();
            return request.Equals(read);
        });

    [Property(MaxTest = 300)]
    public Property Serialize_AnyRequestKind_RoundTripsThroughItsOwnConverter()
        => Prop.ForAll(Requests.ToArbitrary(), request => request.Action switch
        {
            PrivacyAction.Collect => Read<CollectRequest>(Json(request.CollectRequest!.Value)) == request.CollectRequest,
            PrivacyAction.Use => Read<UseRequest>(Json(request.UseRequest!.Value)) == request.UseRequest,
            PrivacyAction.Disclose => Read<DiscloseRequest>(Json(request.DiscloseRequest!.Value)) == request.DiscloseRequest,
            PrivacyAction.Communicate => Read<CommunicateRequest>(Json(request.CommunicateRequest!.Value)) == request.CommunicateRequest,
            _ => Read<RetainRequest>(Json(request.RetainRequest!.Value)).Equals(request.RetainRequest!.Value),
        });

    [Property(MaxTest = 200)]
    public Property Serialize_AnyRequestKind_IsTheRequestWithoutIdAndSubject()
        => Prop.ForAll(Requests.ToArbitrary(), request =>
        {
            var bare = Json(request.WithId(null).WithSubject(null));
            return bare == request.Action switch
            {
                PrivacyAction.Collect => Json(request.CollectRequest!.Value),
                PrivacyAction.Use => Json(request.UseRequest!.Value),
                PrivacyAction.Disclose => Json(request.DiscloseRequest!.Value),
                PrivacyAction.Communicate => Json(request.CommunicateRequest!.Value),
                _ => Json(request.RetainRequest!.Value),
            };
        });

    [Fact]
    public void Serialize_UseRequestWithSubjectAndContext_IsTheCommandLineShape()
    {
        var subject = new DataSubject("u-17", hasEmail: true, [PrivacyEvent.ConsentGranted(new PurposeId("service.location"), Instant.FromUtc(2026, 1, 1, 0, 0))]);
        var request = new PrivacyRequest(new UseRequest(new("personal.location.network"), new("service.location"), Instant.FromUtc(2026, 3, 1, 9, 0), new(LocationFeatureInUse: true)), subject, "r5");

        Assert.Equal(
            """{"id":"r5","action":"use","at":"2026-03-01T09:00:00Z","category":"personal.location.network","purpose":"service.location","subject":{"id":"u-17","hasEmail":true,"events":[{"type":"consent-granted","at":"2026-01-01T00:00:00Z","purpose":"service.location"}]},"context":{"locationFeatureInUse":true,"confidentialityAgreement":false}}""",
            Json(request));
    }

    [Fact]
    public void Serialize_RetainRequest_HasCollectedAtAndGroundsButNoIdWhenNone()
    {
        var request = new PrivacyRequest(new RetainRequest(new("personal.log.ip-address"), Instant.FromUtc(2026, 2, 1, 0, 0), Instant.FromUtc(2026, 3, 15, 0, 0), [new("fraud-prevention")]));

        Assert.Equal(
            """{"action":"retain","at":"2026-03-15T00:00:00Z","category":"personal.log.ip-address","collectedAt":"2026-02-01T00:00:00Z","grounds":["fraud-prevention"]}""",
            Json(request));
    }

    [Fact]
    public async Task Deserialize_HostBodyWithADataSubject_DecidesThroughTheHostsEvaluator()
    {
        // A host: the library's DI registration, and its own JSON options with the contract added (as ASP.NET Core's).
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 3, 1, 9, 0)));
        services.AddPrivacy();
        await using var provider = services.BuildServiceProvider();
        var options = PrivacyJson.Configure(new JsonSerializerOptions());
        using var body = new MemoryStream("""
            {"id":"r1","action":"communicate","at":"2026-03-01T09:00:00Z","message":"marketing","channel":"email",
             "subject":{"id":"u-17","hasEmail":true,"events":[{"type":"marketing-opt-out","at":"2026-02-01T10:00:00Z"}]}}
            """u8.ToArray());

        var request = (PrivacyRequest)(await JsonSerializer.DeserializeAsync(body, options.GetTypeInfo(typeof(PrivacyRequest))))!;
        var decision = provider.GetRequiredService<IPrivacyEvaluator>().Decide(request);

        Assert.Equal("r1", request.Id);
        Assert.Equal(new DataSubject("u-17", true, [PrivacyEvent.MarketingOptOut(Instant.FromUtc(2026, 2, 1, 10, 0))]), request.Subject);
        Assert.Equal(Effect.Deny, decision.Effect);
        Assert.Equal(["rights.marketing-opt-out"], decision.Clauses.Select(c => c.Value));
    }

    [Theory]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","categor\u0079":"personal"}""", "duplicate-field", "category")]
    [InlineData("""{"id":"\ud800","action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support"}""", "invalid-string", "id")]
    [InlineData("""{"action":"use","at":"9999-12-31T23:59:59-18:00","category":"personal.email","purpose":"service.support"}""", "invalid-instant", "at")]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00+19:00","category":"personal.email","purpose":"service.support"}""", "invalid-instant", "at")]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","catgory":"x"}""", "unknown-field", "catgory")]
    [InlineData("""{"action":"use","category":"personal.email","purpose":"service.support"}""", "missing-field", "at")]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","purpose":"service.support"}""", "missing-field", "category")]
    [InlineData("""{"action":"fly","at":"2026-03-01T09:00:00Z"}""", "unknown-action", "action")]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","category":"Personal Email","purpose":"service.support"}""", "unknown-category", "category")]
    [InlineData("""{"action":"use","at":5,"category":"personal.email","purpose":"service.support"}""", "invalid-field", "at")]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","subject":{"events":[{"type":"opted-out","at":"2026-01-01T00:00:00Z"}]}}""", "unknown-event-type", "subject.events[0].type")]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","subject":{"id":" "}}""", "invalid-field", "subject.id")]
    [InlineData("""[{"action":"use"}]""", "malformed-json", null)]
    public void Deserialize_BadRequest_JsonExceptionWithTheCodeAndFieldInside(string json, string code, string? field)
    {
        var error = Refused<PrivacyRequest>(json);

        Assert.Equal((code, field), (error.Code, error.Field));
        var direct = Assert.Throws<PrivacyRequestException>(() => PrivacyJson.ReadRequest(Encoding.UTF8.GetBytes(json)));
        Assert.Equal((code, field), (direct.Code, direct.Field));
    }

    [Theory]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","categor\u0079":"personal"}""", "duplicate-field", "category")]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","subject":{"events":[{"type":"service-used","at":"\udc00"}]}}""", "invalid-string", "subject.events[0].at")]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","context":{"locationFeatureInUse":"yes"}}""", "invalid-field", "context.locationFeatureInUse")]
    public async Task DeserializeAsync_BadRequestStreamedAByteAtATime_SameCodeAndField(string json, string code, string field)
    {
        var options = new JsonSerializerOptions(PrivacyJson.Options) { DefaultBufferSize = 1 };
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var e = await Assert.ThrowsAsync<JsonException>(async () => await JsonSerializer.DeserializeAsync(body, options.GetTypeInfo(typeof(PrivacyRequest))));

        var error = Assert.IsType<PrivacyRequestException>(e.InnerException);
        Assert.Equal((code, field), (error.Code, error.Field));
    }

    [Fact]
    public void ReadRequest_IdsTheActionDoesNotUse_AreCheckedAgainstThePolicyOnlyWithIt()
    {
        var line = """{"action":"communicate","at":"2026-03-01T09:00:00Z","message":"marketing","channel":"email","category":"personal.emial"}"""u8.ToArray();

        var withoutPolicy = PrivacyJson.ReadRequest(line);
        var error = Assert.Throws<PrivacyRequestException>(() => PrivacyJson.ReadRequest(line, Policy));

        Assert.Equal(PrivacyAction.Communicate, withoutPolicy.Action);
        Assert.Equal(("unknown-category", "category"), (error.Code, error.Field));
    }

    [Fact]
    public void ReadRequest_ConsentForAPurposeThePolicyLacks_IsRefusedWithThePolicyAndReadWithout()
    {
        var line = """{"action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"service.support","subject":{"events":[{"type":"consent-granted","at":"2026-01-01T00:00:00Z","purpose":"everything"}]}}"""u8.ToArray();

        var error = Assert.Throws<PrivacyRequestException>(() => PrivacyJson.ReadRequest(line, Policy));

        Assert.Equal(("unknown-purpose", "subject.events[0].purpose"), (error.Code, error.Field));
        Assert.Equal(new PurposeId("everything"), PrivacyJson.ReadRequest(line).Subject!.Events.Single().Purpose);
    }

    [Fact]
    public void ReadRequest_SeveralFaults_ReportsTheFirstInTheContractsOrder()
    {
        // An unknown category comes before a bad event in the subject, though the subject is written first.
        var line = """{"subject":{"events":[{"type":"bogus","at":"x"}]},"action":"use","at":"2026-03-01T09:00:00Z","category":"bogus","purpose":"service.support"}"""u8.ToArray();

        Assert.Equal("unknown-category", Assert.Throws<PrivacyRequestException>(() => PrivacyJson.ReadRequest(line, Policy)).Code);
        Assert.Equal("unknown-event-type", Assert.Throws<PrivacyRequestException>(() => PrivacyJson.ReadRequest(line)).Code);
    }

    [Fact]
    public void ReadRequest_OverOneMebibyte_LineTooLong()
    {
        var huge = Encoding.UTF8.GetBytes("""{"id":"big","action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":""" + "\"" + new string('x', 1024 * 1024) + "\"}");

        var error = Assert.Throws<PrivacyRequestException>(() => PrivacyJson.ReadRequest(huge));

        Assert.Equal(("line-too-long", null), (error.Code, error.Field));
    }

    [Fact]
    public void ReadRequest_LongHistoriesOneAfterAnother_ReadsEachWhole()
    {
        // The reader reuses its buffers on a thread and lets go of what a long history needed.
        static PrivacyRequest WithEvents(int count) => new(
            new CommunicateRequest(new("marketing"), new("email"), Instant.FromUtc(2026, 3, 1, 9, 0)),
            new DataSubject("u", true, Enumerable.Range(0, count).Select(i => PrivacyEvent.ServiceUsed(Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromMinutes(i)))));

        foreach (var count in new[] { 200, 3, 100, 0, 65 })
        {
            var request = WithEvents(count);
            Assert.Equal(request, PrivacyJson.ReadRequest(Encoding.UTF8.GetBytes(Json(request)), Policy));
        }
    }

    [Fact]
    public void ReadRequest_Null_IsNotARequest()
        => Assert.Equal("malformed-json", Assert.Throws<PrivacyRequestException>(() => PrivacyJson.ReadRequest("null"u8)).Code);

    [Theory]
    [InlineData("""{"action":"disclose","at":"2026-03-01T09:00:00Z","category":"personal.email","recipient":"authority","reason":"legal-obligation"}""", "invalid-field", "action")]
    [InlineData("""{"action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"marketing.own","subject":{"events":[{"type":"marketing-opt-out","at":"2026-02-01T10:00:00Z"}]}}""", "unknown-field", "subject")]
    [InlineData("""{"id":"r1","action":"use","at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"marketing.own"}""", "unknown-field", "id")]
    [InlineData("""{"at":"2026-03-01T09:00:00Z","category":"personal.email","purpose":"marketing.own"}""", "missing-field", "action")]
    public void Deserialize_UseRequestThatIsNotOne_IsRefusedNeverReadWithoutWhatItSaid(string json, string code, string field)
        => Assert.Equal((code, field), (Refused<UseRequest>(json).Code, Refused<UseRequest>(json).Field));

    [Fact]
    public void Deserialize_RetainWithContext_ReadsTheRetentionQuestion()
    {
        var request = Read<PrivacyRequest>("""{"action":"retain","at":"2026-03-15T00:00:00Z","category":"personal.email","collectedAt":"2025-06-01T00:00:00Z","context":{"locationFeatureInUse":true}}""");

        Assert.Equal(new RetainRequest(new("personal.email"), Instant.FromUtc(2025, 6, 1, 0, 0), Instant.FromUtc(2026, 3, 15, 0, 0)), request.RetainRequest);
        Assert.Equal(Policy.Decide(request.RetainRequest!.Value, (DataSubject?)null), Policy.Decide(request));
    }
}
