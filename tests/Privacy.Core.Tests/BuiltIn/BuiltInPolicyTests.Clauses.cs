using System;
using System.Collections.Generic;
using System.Linq;
using Privacy.Compilation;

namespace Privacy.Tests.BuiltIn;

public partial class BuiltInPolicyTests
{
    /// <summary>
    /// Clauses that describe the vendor's practice rather than decide a request of the five
    /// actions; they are listed and rendered, and planners (rights, changes, breach) cite them.
    /// </summary>
    private static readonly string[] DescriptiveClauses =
        ["rights.access", "rights.rectification", "third-party.services", "security.measures", "changes.acceptance", "contact"];

    [Fact]
    public void Clauses_MatchTheReferenceTable()
    {
        string[] expected =
        [
            "collection.local-only", "collection.necessary", "use.service", "use.contact", "use.internal", "use.location", "use.logs",
            "use.cookies", "sensitive.none", "non-personal.any-purpose", "disclosure.default", "disclosure.consent",
            "disclosure.service-providers", "disclosure.legal", "disclosure.protection", "disclosure.business-transfer", "rights.access",
            "rights.rectification", "rights.marketing-opt-out", "rights.administrative-messages", "rights.erasure",
            "rights.retention-exceptions", "third-party.services", "security.measures", "security.breach", "security.public-sharing",
            "changes.notice", "changes.acceptance", "contact",
        ];
        Assert.Equal(expected, Policy.Policy.Clauses.Select(c => c.Id.Value));
    }

    [Fact]
    public void Clauses_EveryDecidingClause_IsCitedBySomeDecision()
    {
        var cited = EveryDecision().SelectMany(d => d.Clauses).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var deciding = Policy.Policy.Clauses.Select(c => c.Id.Value).Except(DescriptiveClauses).ToList();
        Assert.All(deciding, clause => Assert.Contains(clause, cited));
    }

    [Fact]
    public void Clauses_EveryCitedClause_IsDefinedWithASummary()
    {
        var defined = Policy.Policy.Clauses.ToDictionary(c => c.Id);
        foreach (var decision in EveryDecision())
        {
            Assert.NotEmpty(decision.Clauses);
            Assert.All(decision.Clauses, c => Assert.False(string.IsNullOrWhiteSpace(defined[c].Summary)));
        }
    }

    /// <summary>Every decision the hot path can give on the built-in policy, for every subject condition.</summary>
    private static IEnumerable<PrivacyDecision> EveryDecision(CompiledPolicy? compiled = null)
    {
        var policy = compiled ?? Policy;
        var v = policy.Vocabulary;
        var at = At;
        var subjects = new[]
        {
            new DataSubject(),
            Subject(PrivacyEvent.MarketingOptOut(at - NodaTime.Duration.FromDays(1))),
            Subject(PrivacyEvent.ErasureRequested(at - NodaTime.Duration.FromDays(1))),
            Subject(PrivacyEvent.ConsentGranted(new RecipientId("third-party"), at - NodaTime.Duration.FromDays(1))),
        }.Select(s => policy.Fold(s, at)).ToArray();
        RequestContext[] contexts = [default, new(true, true)];
        foreach (var s in subjects)
        {
            foreach (var context in contexts)
            {
                for (var c = 0; c < v.Categories.Count; c++)
                {
                    for (var p = 0; p < v.Purposes.Count; p++)
                    {
                        yield return policy.DecideUse(c, p, s, context);
                        yield return policy.DecideCollect(c, p, s, context);
                    }

                    for (var r = 0; r < v.Recipients.Count; r++)
                    {
                        for (var reason = 0; reason < v.Reasons.Count; reason++)
                        {
                            yield return policy.DecideDisclose(c, r, reason, s, context);
                        }
                    }

                    yield return policy.DecideRetain(c, at - NodaTime.Duration.FromDays(400), at, s);
                    yield return policy.DecideRetain(c, at - NodaTime.Duration.FromDays(1), at, s, [0]);
                }

                for (var m = 0; m < v.Messages.Count; m++)
                {
                    for (var ch = 0; ch < v.Channels.Count; ch++)
                    {
                        yield return policy.DecideCommunicate(m, ch, s, context);
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("category", "personal.emial", "unknown-category")]
    [InlineData("purpose", "marketing.everything", "unknown-purpose")]
    public void UnknownId_IsAnErrorNamingTheField(string field, string value, string code)
    {
        var request = field == "category"
            ? new UseRequest(new(value), new("service.delivery"), At)
            : new UseRequest(new("personal.email"), new(value), At);
        var error = Assert.Throws<PrivacyRequestException>(() => Policy.Decide(request, null));
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void MissingId_IsAnErrorNamingTheField()
    {
        var error = Assert.Throws<PrivacyRequestException>(() => Policy.Decide(new DiscloseRequest(new("personal.email"), default, new("consent"), At), null));
        Assert.Equal("missing-field", error.Code);
        Assert.Equal("recipient", error.Field);
    }

    [Fact]
    public void UnknownSuggestion_NamesTheNearestKnownId()
    {
        var error = Assert.Throws<PrivacyRequestException>(() => Policy.Decide(new UseRequest(new("personal.emial"), new("service.delivery"), At), null));
        Assert.Contains("personal.email", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StateForAnotherInstant_IsRefused()
    {
        var state = new DataSubject().StateAt(At - NodaTime.Duration.FromDays(1));
        var error = Assert.Throws<PrivacyRequestException>(() => Policy.Decide(new UseRequest(new("personal.email"), new("service.delivery"), At), state));
        Assert.Equal("state-instant-mismatch", error.Code);
    }

    [Fact]
    public void DenseIdOutOfRange_IsAnError()
        => Assert.Throws<PrivacyRequestException>(() => Policy.DecideUse(0, 10_000, default));

    [Fact]
    public void Notes_RecordTheChoicesMadeWhereTheTextIsSilent()
    {
        Assert.Contains(Policy.Policy.Notes, n => n.Contains("Retention periods", StringComparison.Ordinal));
        Assert.Contains(Policy.Policy.Notes, n => n.Contains("same instant", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_TwiceFromTheSamePolicy_GivesTheSameDecisions()
        => Assert.Equal(EveryDecision(Policy), EveryDecision(CompiledPolicy.Compile(Policy.Policy)));
}
