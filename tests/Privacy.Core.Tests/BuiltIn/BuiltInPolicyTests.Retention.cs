using System.Linq;
using NodaTime;

namespace Privacy.Tests.BuiltIn;

public partial class BuiltInPolicyTests
{
    private static PrivacyDecision Retain(string category, Instant collectedAt, Instant at, DataSubject? subject = null, params string[] grounds)
        => Policy.Decide(new RetainRequest(new(category), collectedAt, at, [.. grounds.Select(g => new RetentionGroundId(g))]), subject);

    // Item 7: retention.
    [Fact]
    public void CollectionNecessary_PersonalDataWithinItsPeriod_RetainsUntilPeriodEnd()
    {
        var decision = Retain("personal.email", Instant.FromUtc(2025, 1, 31, 12, 0), Instant.FromUtc(2026, 3, 1, 0, 0));
        AssertDecision(decision, Effect.Retain, "collection.necessary");
        Assert.Equal(Instant.FromUtc(2028, 1, 31, 12, 0), decision.Deadline);
    }

    [Fact]
    public void UseLogs_LogsPastSixMonths_Delete()
    {
        var decision = Retain("personal.log.ip-address", Instant.FromUtc(2025, 8, 31, 0, 0), Instant.FromUtc(2026, 3, 1, 0, 0));
        AssertDecision(decision, Effect.Delete, "use.logs");
        Assert.Equal(Instant.FromUtc(2026, 2, 28, 0, 0), decision.Deadline);
    }

    [Fact]
    public void UseCookies_ThirteenMonths_RetainsUntilThen()
    {
        var decision = Retain("personal.cookie", Instant.FromUtc(2026, 1, 10, 0, 0), Instant.FromUtc(2026, 3, 1, 0, 0));
        AssertDecision(decision, Effect.Retain, "use.cookies");
        Assert.Equal(Instant.FromUtc(2027, 2, 10, 0, 0), decision.Deadline);
    }

    [Fact]
    public void RightsErasure_AfterRequest_DeleteWithinOneMonth()
    {
        var subject = Subject(PrivacyEvent.ErasureRequested(Instant.FromUtc(2026, 3, 1, 0, 0)));
        var decision = Retain("personal.email", Instant.FromUtc(2025, 6, 1, 0, 0), Instant.FromUtc(2026, 3, 15, 0, 0), subject);
        AssertDecision(decision, Effect.Delete, "rights.erasure");
        Assert.Equal(Instant.FromUtc(2026, 4, 1, 0, 0), decision.Deadline);
    }

    [Fact]
    public void RightsErasure_RegularDeadlineEarlier_KeepsTheEarlierDeadline()
    {
        var subject = Subject(PrivacyEvent.ErasureRequested(Instant.FromUtc(2026, 3, 1, 0, 0)));
        var decision = Retain("personal.log.device-id", Instant.FromUtc(2025, 9, 15, 0, 0), Instant.FromUtc(2026, 3, 2, 0, 0), subject);
        Assert.Equal(Effect.Delete, decision.Effect);
        Assert.Equal(Instant.FromUtc(2026, 3, 15, 0, 0), decision.Deadline);
    }

    [Theory]
    [InlineData("backup", 2026, 7, 1)]
    [InlineData("fraud-prevention", 2027, 4, 1)]
    [InlineData("statutory-obligation", 2036, 4, 1)]
    [InlineData("legitimate-interest", 2026, 10, 1)]
    public void RetentionExceptions_RecognisedGroundAfterErasure_RetainsWithGround(string ground, int year, int month, int day)
    {
        var subject = Subject(PrivacyEvent.ErasureRequested(Instant.FromUtc(2026, 3, 1, 0, 0)));
        var decision = Retain("personal.email", Instant.FromUtc(2025, 6, 1, 0, 0), Instant.FromUtc(2026, 3, 15, 0, 0), subject, ground);
        AssertDecision(decision, Effect.Retain, "rights.retention-exceptions", "rights.erasure");
        Assert.Equal([ground], decision.Grounds.Select(g => g.Value));
        Assert.Equal(Instant.FromUtc(year, month, day, 0, 0), decision.Deadline);
    }

    [Fact]
    public void RetentionExceptions_SeveralGrounds_TheLongestDecidesAndAllAreListed()
    {
        var subject = Subject(PrivacyEvent.ErasureRequested(Instant.FromUtc(2026, 3, 1, 0, 0)));
        var decision = Retain("personal.email", Instant.FromUtc(2025, 6, 1, 0, 0), Instant.FromUtc(2026, 3, 15, 0, 0), subject, "backup", "archiving");
        Assert.Equal(Effect.Retain, decision.Effect);
        Assert.Equal(Instant.FromUtc(2031, 4, 1, 0, 0), decision.Deadline);
        Assert.Equal(["archiving", "backup"], decision.Grounds.Select(g => g.Value));
    }

    [Fact]
    public void SensitiveNone_AnyRecord_IsDueAtOnceWhateverTheGround()
    {
        var collected = Instant.FromUtc(2026, 2, 1, 0, 0);
        var decision = Retain("sensitive.health", collected, Instant.FromUtc(2026, 3, 1, 0, 0), null, "statutory-obligation");
        AssertDecision(decision, Effect.Delete, "sensitive.none");
        Assert.Equal(collected, decision.Deadline);
        Assert.Empty(decision.Grounds);
    }

    [Fact]
    public void CollectionLocalOnly_AnyCopy_IsDueAtOnce()
        => AssertDecision(Retain("local.app-data", At - Duration.FromDays(1), At), Effect.Delete, "collection.local-only");

    [Fact]
    public void Retain_ErasureAfterTheInstant_IsIgnored()
    {
        var subject = Subject(PrivacyEvent.ErasureRequested(At + Duration.FromDays(1)));
        AssertDecision(Retain("personal.email", At - Duration.FromDays(10), At, subject), Effect.Retain, "collection.necessary");
    }

    [Fact]
    public void OperatorSettings_ChangeTheDefaults()
    {
        var custom = Privacy.Compilation.CompiledPolicy.Compile(Policy.Policy.ToBuilder()
            .Retain("personal.log", Privacy.Retention.RetentionPeriod.FromPeriod(Period.FromDays(30)), "use.logs")
            .WithErasurePeriod(Privacy.Retention.RetentionPeriod.FromPeriod(Period.FromDays(7)))
            .Build());
        var log = custom.Decide(new RetainRequest(new("personal.log.timestamp"), Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2026, 1, 15, 0, 0)), null);
        Assert.Equal(Instant.FromUtc(2026, 1, 31, 0, 0), log.Deadline);
        var erased = custom.Decide(
            new RetainRequest(new("personal.email"), Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2026, 1, 15, 0, 0)),
            Subject(PrivacyEvent.ErasureRequested(Instant.FromUtc(2026, 1, 10, 0, 0))));
        Assert.Equal(Instant.FromUtc(2026, 1, 17, 0, 0), erased.Deadline);
    }
}
