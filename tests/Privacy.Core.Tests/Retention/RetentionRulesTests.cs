using System.Linq;
using NodaTime;
using Privacy.Compilation;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.Tests.Retention;

/// <summary>Retention rules on small policies of their own: anchors, durations, grounds, holds, zones.</summary>
public class RetentionRulesTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 6, 1, 0, 0);

    internal static CompiledPolicy Policy(string zone = "UTC", RetentionAnchor anchor = RetentionAnchor.Collection, RetentionPeriod? period = null, bool allowsGrounds = true)
        => CompiledPolicy.Compile(new PolicyBuilder("retention-test", "1")
            .WithTimeZone(zone)
            .AddCategory("account", DataClass.Personal, "Account data")
            .AddCategory("account.profile", DataClass.Personal, "Profile")
            .AddCategory("stats", DataClass.NonPersonal, "Statistics")
            .AddClause("keep", "We keep account data while needed.")
            .AddClause("erase", "We erase on request.")
            .AddClause("ground", "We may keep data longer for a recognised reason.")
            .AddClause("hold", "We keep data under a legal hold.")
            .AddClause("deny", "Nothing else is allowed.")
            .DenyByDefault("deny")
            .Erasure(RetentionPeriod.FromPeriod(Period.FromMonths(1)), "erase")
            .LegalHold("hold")
            .Retain("account", period ?? RetentionPeriod.FromPeriod(Period.FromMonths(1)), "keep", allowsGrounds, anchor)
            .AddGround("backup", RetentionPeriod.FromPeriod(Period.FromMonths(3)), "ground")
            .AddGround("audit", RetentionPeriod.FromDuration(Duration.FromDays(10)), "ground")
            .Build());

    private static PrivacyDecision Retain(CompiledPolicy policy, Instant collectedAt, Instant at, DataSubject? subject = null, params string[] grounds)
        => policy.Decide(new RetainRequest(new("account.profile"), collectedAt, at, [.. grounds.Select(g => new RetentionGroundId(g))]), subject);

    [Fact]
    public void Anchor_LastActivity_CountsFromTheLatestUse()
    {
        var policy = Policy(anchor: RetentionAnchor.LastActivity);
        var subject = new DataSubject("s", false, [PrivacyEvent.ServiceUsed(Instant.FromUtc(2026, 5, 20, 8, 0)), PrivacyEvent.ServiceUsed(Instant.FromUtc(2026, 4, 1, 0, 0))]);
        var decision = Retain(policy, Instant.FromUtc(2025, 1, 1, 0, 0), At, subject);
        Assert.Equal(Effect.Retain, decision.Effect);
        Assert.Equal(Instant.FromUtc(2026, 6, 20, 8, 0), decision.Deadline);
    }

    [Fact]
    public void Anchor_LastActivityBeforeCollection_CountsFromCollection()
    {
        var policy = Policy(anchor: RetentionAnchor.LastActivity);
        var subject = new DataSubject("s", false, [PrivacyEvent.ServiceUsed(Instant.FromUtc(2026, 1, 1, 0, 0))]);
        Assert.Equal(Instant.FromUtc(2026, 6, 15, 0, 0), Retain(policy, Instant.FromUtc(2026, 5, 15, 0, 0), At, subject).Deadline);
    }

    [Fact]
    public void Anchor_AccountClosureWhileOpen_RetainsWithoutDeadline()
    {
        var decision = Retain(Policy(anchor: RetentionAnchor.AccountClosure), Instant.FromUtc(2020, 1, 1, 0, 0), At);
        Assert.Equal(Effect.Retain, decision.Effect);
        Assert.Null(decision.Deadline);
        Assert.Equal(["keep"], decision.Clauses.Select(c => c.Value));
    }

    [Fact]
    public void Anchor_AccountClosure_CountsFromClosure()
    {
        var subject = new DataSubject("s", false, [PrivacyEvent.AccountClosed(Instant.FromUtc(2026, 4, 10, 0, 0))]);
        var decision = Retain(Policy(anchor: RetentionAnchor.AccountClosure), Instant.FromUtc(2020, 1, 1, 0, 0), At, subject);
        Assert.Equal(Effect.Delete, decision.Effect);
        Assert.Equal(Instant.FromUtc(2026, 5, 10, 0, 0), decision.Deadline);
    }

    [Fact]
    public void Anchor_ErasureRequest_KeepsUntilRequestedThenCounts()
    {
        var policy = Policy(anchor: RetentionAnchor.ErasureRequest, period: RetentionPeriod.FromPeriod(Period.FromMonths(6)));
        Assert.Null(Retain(policy, Instant.FromUtc(2020, 1, 1, 0, 0), At).Deadline);
        var erased = new DataSubject("s", false, [PrivacyEvent.ErasureRequested(Instant.FromUtc(2026, 5, 1, 0, 0))]);
        var decision = Retain(policy, Instant.FromUtc(2020, 1, 1, 0, 0), At, erased);
        Assert.Equal(Effect.Delete, decision.Effect);
        Assert.Equal(Instant.FromUtc(2026, 6, 1, 0, 0), decision.Deadline);
    }

    [Fact]
    public void Duration_IsExactElapsedTime()
    {
        var policy = Policy("Europe/Oslo", period: RetentionPeriod.FromDuration(Duration.FromHours(72)));
        var collected = Instant.FromUtc(2026, 3, 28, 12, 0);
        Assert.Equal(collected + Duration.FromHours(72), Retain(policy, collected, collected).Deadline);
    }

    [Fact]
    public void Grounds_ExtendFromTheNormalDeadline_LongestWins()
    {
        var policy = Policy();
        var collected = Instant.FromUtc(2026, 5, 10, 0, 0);
        var decision = Retain(policy, collected, At, null, "audit", "backup");
        Assert.Equal(Effect.Retain, decision.Effect);
        Assert.Equal(Instant.FromUtc(2026, 9, 10, 0, 0), decision.Deadline);
        Assert.Equal(["audit", "backup"], decision.Grounds.Select(g => g.Value));
        Assert.Equal("ground", decision.Clauses[0].Value);
    }

    [Fact]
    public void Grounds_NotAllowedByTheRule_AreIgnored()
    {
        var decision = Retain(Policy(allowsGrounds: false), Instant.FromUtc(2026, 5, 10, 0, 0), At, null, "backup");
        Assert.Equal(Instant.FromUtc(2026, 6, 10, 0, 0), decision.Deadline);
        Assert.Empty(decision.Grounds);
    }

    [Fact]
    public void LegalHold_KeepsEverythingUntilReleased()
    {
        var policy = Policy();
        var collected = Instant.FromUtc(2020, 1, 1, 0, 0);
        var held = new DataSubject("s", false, [PrivacyEvent.LegalHoldPlaced(Instant.FromUtc(2026, 1, 1, 0, 0)), PrivacyEvent.ErasureRequested(Instant.FromUtc(2026, 2, 1, 0, 0))]);
        var decision = Retain(policy, collected, At, held);
        Assert.Equal(Effect.Retain, decision.Effect);
        Assert.Null(decision.Deadline);
        Assert.Equal(["hold"], decision.Clauses.Select(c => c.Value));

        var released = held.WithEvent(PrivacyEvent.LegalHoldReleased(Instant.FromUtc(2026, 3, 1, 0, 0)));
        decision = Retain(policy, collected, At, released);
        Assert.Equal(Effect.Delete, decision.Effect);
        Assert.Equal(Instant.FromUtc(2020, 2, 1, 0, 0), decision.Deadline);
    }

    [Fact]
    public void LegalHold_ReleasedAtTheSameInstant_StillHolds()
    {
        var instant = Instant.FromUtc(2026, 1, 1, 0, 0);
        var subject = new DataSubject("s", false, [PrivacyEvent.LegalHoldReleased(instant), PrivacyEvent.LegalHoldPlaced(instant)]);
        Assert.Null(Retain(Policy(), Instant.FromUtc(2020, 1, 1, 0, 0), At, subject).Deadline);
    }

    [Fact]
    public void NoRetentionRule_IsDueAtCollection()
    {
        var policy = Policy();
        var collected = Instant.FromUtc(2026, 5, 1, 0, 0);
        var decision = policy.Decide(new RetainRequest(new("stats"), collected, At), null);
        Assert.Equal(Effect.Delete, decision.Effect);
        Assert.Equal(collected, decision.Deadline);
        Assert.Equal(["deny"], decision.Clauses.Select(c => c.Value));
    }
}
