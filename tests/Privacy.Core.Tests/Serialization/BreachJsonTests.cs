using System;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Privacy.Breach;
using Privacy.BuiltIn;
using Privacy.Compilation;
using static Privacy.Tests.Serialization.ContractGenerators;

namespace Privacy.Tests.Serialization;

public sealed class BreachJsonTests
{
    private static readonly CompiledPolicy Oslo = CompiledPolicy.Compile(BuiltInPolicies.CreateIsmartviewPro2018Builder().WithTimeZone("Europe/Oslo").Build());

    private static bool SameIncident(BreachIncident a, BreachIncident b)
        => a.AwareAt == b.AwareAt && a.Categories.SequenceEqual(b.Categories) && a.Subjects == b.Subjects
            && a.Unintelligible == b.Unintelligible && a.Affected.SequenceEqual(b.Affected) && a.Id == b.Id && a.Description == b.Description;

    private static bool SameStep(BreachStep a, BreachStep b)
        => a.Id == b.Id && a.By == b.By && a.Clauses.SequenceEqual(b.Clauses) && a.Reason == b.Reason && a.LegalBasis == b.LegalBasis;

    private static bool SamePlan(BreachPlan a, BreachPlan b)
        => SameIncident(a.Incident, b.Incident) && a.Risk == b.Risk && a.RiskReason == b.RiskReason && a.TimeZone.Id == b.TimeZone.Id
            && a.Steps.Length == b.Steps.Length && a.Steps.Zip(b.Steps).All(p => SameStep(p.First, p.Second))
            && a.Skipped.Length == b.Skipped.Length && a.Skipped.Zip(b.Skipped).All(p => SameStep(p.First, p.Second))
            && a.Notices.Length == b.Notices.Length
            && a.Notices.Zip(b.Notices).All(p => p.First.Subject.Equals(p.Second.Subject) && p.First.Channel == p.Second.Channel
                && p.First.By == p.Second.By && p.First.Decision == p.Second.Decision);

    [Property(MaxTest = 300)]
    public Property Serialize_AnyIncident_RoundTripsEveryField()
        => Prop.ForAll(Incidents.ToArbitrary(), incident =>
        {
            var json = ToJson(incident);
            var back = FromJson<BreachIncident>(json);
            return SameIncident(back, incident) && ToJson(back) == json;
        });

    [Property(MaxTest = 300)]
    public Property Serialize_AnyPlan_RoundTripsEveryField()
        => Prop.ForAll(Plans.ToArbitrary(), plan =>
        {
            var json = ToJson(plan);
            var back = FromJson<BreachPlan>(json);
            return SamePlan(back, plan) && ToJson(back) == json;
        });

    [Property(MaxTest = 100)]
    public Property Serialize_PlannedResponse_RoundTripsEveryField()
        => Prop.ForAll(BuiltInArbitraries.Incidents(), incident =>
        {
            var plan = new BreachPlanner().Plan(incident, Oslo);
            var json = ToJson(plan);
            var back = FromJson<BreachPlan>(json);
            return SamePlan(back, plan) && ToJson(back) == json && back.TimeZone == Oslo.TimeZone;
        });

    [Fact]
    public void Serialize_PlanAcrossSpringForward_GivesLocalDeadlinesInThePolicyZone()
    {
        var incident = new BreachIncident(Instant.FromUtc(2026, 3, 27, 11, 0), [DataCategoryId.Parse("personal.email")], 5);

        using var json = JsonDocument.Parse(ToJson(new BreachPlanner().Plan(incident, Oslo)));

        var authority = json.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "notify-authority");
        Assert.Equal("Europe/Oslo", json.RootElement.GetProperty("timeZone").GetString());
        Assert.Equal("2026-03-30T11:00:00Z", authority.GetProperty("by").GetString());
        Assert.Equal("2026-03-30T13:00:00+02", authority.GetProperty("byLocal").GetString());
    }

    [Fact]
    public void Serialize_Plan_KeepsTheCommandsFieldsInOrderThenTheIncident()
    {
        var incident = new BreachIncident(Instant.FromUtc(2026, 3, 10, 9, 30), [DataCategoryId.Parse("personal.email")], 1, affected: [new DataSubject("u-1", true)]);

        using var json = JsonDocument.Parse(ToJson(new BreachPlanner().Plan(incident, BuiltInPolicies.IsmartviewPro2018Compiled)));

        Assert.Equal(["awareAt", "risk", "riskReason", "timeZone", "steps", "skipped", "notices", "incident"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["subject", "channel", "by", "send", "clauses"], json.RootElement.GetProperty("notices")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Serialize_NoticeWithObligations_WritesThemAsTheDecisionDoes()
    {
        var subject = new DataSubject("u-1", true);
        var incident = new BreachIncident(Instant.FromUtc(2026, 3, 10, 9, 30), [DataCategoryId.Parse("personal.email")], 1, affected: [subject]);
        var decision = new PrivacyDecision(Effect.Permit, [ClauseId.Parse("security.breach")], [ObligationId.Parse("log-disclosure")]);
        var plan = new BreachPlan(incident, BreachRisk.Risk, "r", [], [], [new BreachNotice(subject, ChannelId.Parse("email"), incident.AwareAt, decision)]);

        var json = ToJson(plan);

        Assert.Contains("""{"subject":"u-1","channel":"email","by":"2026-03-10T09:30:00Z","send":true,"clauses":["security.breach"],"obligations":[{"id":"log-disclosure"}]}""", json, StringComparison.Ordinal);
        Assert.Equal(decision, FromJson<BreachPlan>(json).Notices.Single().Decision);
    }

    private const string Aware = "\"awareAt\":\"2026-03-10T09:30:00Z\"";

    [Theory]
    [InlineData("""{"categories":["personal.email"],"subjects":1}""", "missing-field", "awareAt")]
    [InlineData("""{"awareAt":"yesterday","categories":["personal.email"],"subjects":1}""", "invalid-instant", "awareAt")]
    [InlineData("""{"awareAt":"2026-03-01T00:00:00-19:00","categories":["personal.email"],"subjects":1}""", "invalid-instant", "awareAt")]
    [InlineData("""{"awareAt":"9999-12-31T23:59:59-18:00","categories":["personal.email"],"subjects":1}""", "invalid-instant", "awareAt")]
    [InlineData("""{"awareAt":"","categories":["personal.email"],"subjects":1}""", "missing-field", "awareAt")]
    [InlineData("""{"awareAt":7,"categories":["personal.email"],"subjects":1}""", "invalid-field", "awareAt")]
    [InlineData("{" + Aware + ""","categories":[],"subjects":1}""", "invalid-field", "categories")]
    [InlineData("{" + Aware + ""","categories":"personal.email","subjects":1}""", "invalid-field", "categories")]
    [InlineData("{" + Aware + ""","subjects":1}""", "missing-field", "categories")]
    [InlineData("{" + Aware + ""","categories":[3],"subjects":1}""", "invalid-field", "categories[0]")]
    [InlineData("{" + Aware + ""","categories":["personal.email","Not An Id"],"subjects":1}""", "unknown-category", "categories[1]")]
    [InlineData("{" + Aware + ""","categories":[""],"subjects":1}""", "missing-field", "categories[0]")]
    [InlineData("{" + Aware + ""","categories":["personal.email"]}""", "missing-field", "subjects")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"subjects":-3}""", "invalid-field", "subjects")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"subjects":1.5}""", "invalid-field", "subjects")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"subjects":1,"unintelligible":"yes"}""", "invalid-field", "unintelligible")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"subjects":1,"encrypted":true}""", "unknown-field", "encrypted")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"subjects":1,"subject\u0073":0}""", "duplicate-field", "subjects")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"subjects":1,"id":"\ud800"}""", "invalid-string", "id")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"subjects":1,"description":null}""", "invalid-field", "description")]
    [InlineData("""{"\udfff":1}""", "invalid-string", null)]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"affected":1}""", "invalid-field", "affected")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"affected":[7]}""", "invalid-field", "affected[0]")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"affected":[{"id":" "}]}""", "invalid-field", "affected[0].id")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"affected":[{"id":"a","email":"a@b.c"}]}""", "unknown-field", "affected[0].email")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"affected":[{"id":"a","hasEmail":"yes"}]}""", "invalid-field", "affected[0].hasEmail")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"affected":[{"id":"a","events":[{"type":"nope","at":"2026-01-01T00:00:00Z"}]}]}""", "unknown-event-type", "affected[0].events[0].type")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"affected":[{"id":"a","events":[null]}]}""", "missing-field", "affected[0].events[0]")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"affected":[{"events":[{"type":"marketing-opt-out"}]}]}""", "missing-field", "affected[0].events[0].at")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"affected":[{"events":[{"at":"2026-01-01T00:00:00Z"}]}]}""", "missing-field", "affected[0].events[0].type")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"affected":[{"events":[{"type":"consent-granted","at":"2026-01-01T00:00:00Z"}]}]}""", "missing-field", "affected[0].events[0].recipient")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"affected":[{"events":[{"type":"policy-accepted","at":"2026-01-01T00:00:00Z","version":" "}]}]}""", "missing-field", "affected[0].events[0].version")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"affected":[{"events":[{"type":"consent-granted","at":"2026-01-01T00:00:00Z","purpose":"Bad Id"}]}]}""", "unknown-purpose", "affected[0].events[0].purpose")]
    [InlineData("{" + Aware + ""","categories":["personal.email"],"affected":[{"events":[{"type":"service-used","at":"2026-01-01T00:00:00Z","a\u0074":"2026-01-02T00:00:00Z"}]}]}""", "duplicate-field", "affected[0].events[0].at")]
    public void Deserialize_BadIncident_CarriesTheCodeAndField(string json, string code, string? field)
    {
        var e = Assert.Throws<JsonException>(() => FromJson<BreachIncident>(json));

        var error = Assert.IsType<PrivacyRequestException>(e.InnerException);
        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.Contains(field ?? "top-level", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"awareAt":"2026-03-10T09:30:00Z","categories":["personal.email"],"subjects":1""")]
    [InlineData("""{"awareAt":"2026-03-10T09:30:00Z","categories":["personal.email"],"subjects":1} x""")]
    public void Deserialize_MalformedIncident_ThrowsWithoutACode(string json)
    {
        var e = Assert.Throws<JsonException>(() => FromJson<BreachIncident>(json));

        Assert.IsNotType<PrivacyRequestException>(e.InnerException);
    }

    [Fact]
    public void Deserialize_AffectedWithoutSubjects_CountsThem()
    {
        var incident = FromJson<BreachIncident>("{" + Aware + ""","categories":["personal.email"],"affected":[{"id":"a"},{"hasEmail":true,"events":null}]}""");

        Assert.Equal(2, incident.Subjects);
        Assert.Equal([new DataSubject("a"), new DataSubject(null, true)], incident.Affected.AsEnumerable());
    }

    public static TheoryData<string, string> BadPlans()
    {
        var incident = new BreachIncident(Instant.FromUtc(2026, 3, 27, 11, 0), [DataCategoryId.Parse("personal.email")], 2, affected: [new DataSubject("u-1", true)]);
        var json = ToJson(new BreachPlanner().Plan(incident, Oslo));
        return new TheoryData<string, string>
        {
            { json.Replace("\"risk\":\"risk\"", "\"risk\":\"severe\"", StringComparison.Ordinal), "risk" },
            { json.Replace("\"timeZone\":\"Europe/Oslo\"", "\"timeZone\":\"Mars/Olympus\"", StringComparison.Ordinal), "timeZone" },
            { json.Replace("\"byLocal\":\"2026-03-30T13:00:00+02\"", "\"byLocal\":\"2026-03-30T12:00:00+01\"", StringComparison.Ordinal), "steps[1].byLocal" },
            { json.Replace("\"awareAt\":\"2026-03-27T11:00:00Z\",\"risk\"", "\"awareAt\":\"2026-03-27T12:00:00Z\",\"risk\"", StringComparison.Ordinal), "awareAt" },
            { json.Replace("\"subject\":\"u-1\"", "\"subject\":\"u-2\"", StringComparison.Ordinal), "notices[0].subject" },
            { json.Replace("\"clauses\":[\"security.breach\",\"rights.administrative-messages\"]", "\"clauses\":[]", StringComparison.Ordinal), "notices[0].clauses" },
            { json.Replace(",\"incident\":", ",\"extra\":1,\"incident\":", StringComparison.Ordinal), "extra" },
            { json[..json.IndexOf(",\"incident\":", StringComparison.Ordinal)] + "}", "incident" },
            { json.Replace("\"legalBasis\":\"GDPR art. 32 and art. 33(3)(d)\"", "\"legalBasis\":\"GDPR art. 32 and art. 33(3)(d)\",\"legalBasis\":\"x\"", StringComparison.Ordinal), "steps[0].legalBasis" },
        };
    }

    [Theory]
    [MemberData(nameof(BadPlans))]
    public void Deserialize_BadPlan_ThrowsNamingTheField(string json, string field)
    {
        var e = Assert.Throws<JsonException>(() => FromJson<BreachPlan>(json));

        Assert.Contains($"'{field}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_BadPlanCases_StartFromAPlanThatReads()
    {
        var incident = new BreachIncident(Instant.FromUtc(2026, 3, 27, 11, 0), [DataCategoryId.Parse("personal.email")], 2, affected: [new DataSubject("u-1", true)]);
        var json = ToJson(new BreachPlanner().Plan(incident, Oslo));

        // Each bad case above changes one thing in this plan; unchanged, it reads, and every replacement finds its text.
        Assert.Equal(json, ToJson(FromJson<BreachPlan>(json)));
        Assert.All(BadPlans(), row => Assert.NotEqual(json, (string)row[0]));
    }

    [Fact]
    public void Plan_BreachPlanner_TakesThePolicyTimeZone()
        => Assert.Same(Oslo.TimeZone, new BreachPlanner().Plan(new BreachIncident(Instant.FromUtc(2026, 1, 1, 0, 0), [DataCategoryId.Parse("personal")], 1), Oslo).TimeZone);

    [Fact]
    public void Incident_WithIdAndDescription_IsStillPlannedTheSame()
    {
        var incident = new BreachIncident(Instant.FromUtc(2026, 1, 1, 0, 0), [DataCategoryId.Parse("personal.email")], 1);

        var plain = new BreachPlanner().Plan(incident, Oslo);
        var named = new BreachPlanner().Plan(incident with { Id = "inc-1", Description = "leak" }, Oslo);

        Assert.Equal(ToJson(plain with { Incident = named.Incident }), ToJson(named));
        Assert.Equal(("inc-1", "leak"), (named.Incident.Id, named.Incident.Description));
    }
}
