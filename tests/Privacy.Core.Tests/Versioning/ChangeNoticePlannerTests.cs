using System.Linq;
using System;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Versioning;
using static Privacy.Tests.Versioning.PolicyEdits;

namespace Privacy.Tests.Versioning;

public class ChangeNoticePlannerTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 5, 2, 9, 0);
    private static readonly ChangeNoticePlanner Planner = new();
    private static readonly Privacy.Policies.PrivacyPolicy Significant = V2(b => b.Retain("personal.log", Months(12), "use.logs"));

    private static readonly DataSubject WithEmail = new("mail", hasEmail: true);
    private static readonly DataSubject WithoutEmail = new("no-mail", hasEmail: false);
    private static readonly DataSubject OptedOut = new("opted-out", true, [PrivacyEvent.MarketingOptOut(Instant.FromUtc(2026, 1, 1, 0, 0))]);
    private static readonly DataSubject Erased = new("erased", true, [PrivacyEvent.ErasureRequested(Instant.FromUtc(2026, 4, 1, 0, 0))]);

    [Fact]
    public void Plan_SignificantChange_EmailsWhereKnownElsePopup()
    {
        var plan = Planner.Plan(BuiltInPolicies.IsmartviewPro2018Compiled, Significant, [WithEmail, WithoutEmail], At);
        Assert.True(plan.IsRequired);
        Assert.Equal(["email", "popup"], plan.Notices.Select(n => n.Channel.Value));
        Assert.All(plan.Notices, n =>
        {
            Assert.True(n.Send);
            Assert.Equal("policy-change", n.Message.Value);
            Assert.Equal(V2InForce, n.Deadline);
            Assert.Contains(new ClauseId("changes.notice"), n.Decision.Clauses);
        });
        Assert.Equal(V2InForce, plan.Deadline);
        Assert.False(plan.IsOverdue);
    }

    [Fact]
    public void Plan_ErasedSubject_GetsNothing()
    {
        var notice = Planner.Plan(BuiltInPolicies.IsmartviewPro2018Compiled, Significant, [Erased], At).Notices[0];
        Assert.False(notice.Send);
        Assert.Equal(["rights.erasure"], notice.Decision.Clauses.Select(c => c.Value));
    }

    [Fact]
    public void Plan_SubjectWhoOptedOutOfMarketing_StillGetsIt()
    {
        var plan = Planner.Plan(BuiltInPolicies.IsmartviewPro2018Compiled, Significant, [OptedOut, Erased], At);
        Assert.True(plan.Notices[0].Send);
        Assert.Contains(new ClauseId("rights.administrative-messages"), plan.Notices[0].Decision.Clauses);
        Assert.Equal(["opted-out"], plan.ToSend.Select(n => n.Subject.Id));
    }

    [Fact]
    public void Plan_EditorialChange_NeedsNoNotice()
    {
        var editorial = V2(b => Reword(b, "contact", text: "Write to privacy@ismartviewpro.example."));
        var plan = Planner.Plan(BuiltInPolicies.IsmartviewPro2018Compiled, editorial, [WithEmail], At);
        Assert.False(plan.IsRequired);
        Assert.Empty(plan.Notices);
        Assert.Null(plan.Deadline);
    }

    [Fact]
    public void Plan_SignificantChangeWithoutEntryIntoForce_Throws()
    {
        var undated = Significant.ToBuilder().WithMetadata(null, null, null).Build();
        var e = Assert.Throws<ArgumentException>(() => Planner.Plan(BuiltInPolicies.IsmartviewPro2018Compiled, undated, [WithEmail], At));
        Assert.Contains("entry into force", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_AtOrAfterEntryIntoForce_IsOverdue()
        => Assert.True(Planner.Plan(BuiltInPolicies.IsmartviewPro2018Compiled, Significant, [WithEmail], V2InForce).IsOverdue);
}
