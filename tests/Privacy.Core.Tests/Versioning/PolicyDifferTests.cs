using System.Linq;
using Privacy.Policies;
using Privacy.Retention;
using Privacy.Versioning;
using static Privacy.PrivacyAction;
using static Privacy.Tests.Versioning.PolicyEdits;

namespace Privacy.Tests.Versioning;

public class PolicyDifferTests
{
    private static PolicyDiff Diff(PrivacyPolicy newer) => PolicyDiffer.Instance.Diff(V1, newer);

    private static PolicyChange Single(PolicyDiff diff, string kind)
    {
        var matches = diff.Changes.Where(c => c.Kind == kind).ToList();
        Assert.True(matches.Count == 1, $"expected one {kind}: {Kinds(diff)}");
        return matches[0];
    }

    private static void AssertSignificant(PolicyDiff diff, string kind)
    {
        Assert.True(Single(diff, kind).IsSignificant, Kinds(diff));
        Assert.True(diff.IsSignificant);
    }

    private static void AssertEditorialOnly(PolicyDiff diff, string kind)
    {
        Single(diff, kind);
        Assert.False(diff.IsSignificant, Kinds(diff));
    }

    [Fact]
    public void Diff_SamePolicy_IsEmpty()
    {
        var diff = PolicyDiffer.Instance.Diff(V1, V1);
        Assert.True(diff.IsEmpty);
        Assert.False(diff.IsSignificant);
    }

    [Fact]
    public void Diff_MetadataOnly_IsEditorial()
    {
        var diff = Diff(V2(_ => { }));
        Assert.False(diff.IsSignificant, Kinds(diff));
        Assert.Equal(["version-changed", "last-updated-changed", "effective-from-changed"], diff.Changes.Select(c => c.Kind));
        Assert.Equal("001", Single(diff, "version-changed").Old);
        Assert.Equal("002", Single(diff, "version-changed").New);
    }

    [Fact]
    public void Diff_AddedPurpose_IsSignificant()
    {
        var diff = Diff(V2(b => b.AddPurpose("marketing.research", "Market research")));
        AssertSignificant(diff, "purpose-added");
        Assert.Equal("/vocabulary/purposes/marketing.research", Single(diff, "purpose-added").Path);
        Assert.Contains("new purpose", Single(diff, "purpose-added").Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_AddedRecipient_IsSignificant()
        => AssertSignificant(Diff(V2(b => b.AddRecipient("advertiser", "Advertising networks"))), "recipient-added");

    [Fact]
    public void Diff_AddedCategory_IsSignificant()
        => AssertSignificant(Diff(V2(b => b.AddCategory("personal.location.gps", DataClass.Personal, "GPS position"))), "category-added");

    [Fact]
    public void Diff_AddedReason_IsSignificant()
        => AssertSignificant(Diff(V2(b => b.AddReason("legitimate-interest", "Our legitimate interest"))), "reason-added");

    [Fact]
    public void Diff_AddedChannel_IsEditorial()
        => AssertEditorialOnly(Diff(V2(b => b.AddChannel("sms", "Text message"))), "channel-added");

    [Fact]
    public void Diff_CategoryMovedToLessProtectedClass_IsSignificant()
    {
        var diff = Diff(V2(b =>
        {
            foreach (var id in new[] { "local", "local.app-data" })
            {
                var index = b.Categories.FindIndex(c => c.Id.Value == id);
                b.Categories[index] = new DataCategory(new(id), DataClass.Personal, b.Categories[index].Description);
            }
        }));
        var changes = diff.Changes.Where(c => c.Kind == "category-class-changed").ToList();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.True(c.IsSignificant));
        Assert.Equal("device-local", changes[0].Old);
    }

    [Fact]
    public void Diff_LongerRetention_IsSignificant()
    {
        var diff = Diff(V2(b => b.Retain("personal.log", Months(12), "use.logs")));
        AssertSignificant(diff, "retention-period-changed");
        Assert.Equal("P6M", Single(diff, "retention-period-changed").Old);
        Assert.Equal("P12M", Single(diff, "retention-period-changed").New);
    }

    [Fact]
    public void Diff_ShorterRetention_IsEditorial()
        => AssertEditorialOnly(Diff(V2(b => b.Retain("personal.log", Months(3), "use.logs"))), "retention-period-changed");

    [Theory]
    [InlineData(31, 30, false)]
    [InlineData(30, 31, true)]
    public void Diff_DaysToDays_ComparesExactly(int before, int after, bool significant)
    {
        var older = V2(b => b.Retain("personal.location", Days(before), "use.location"));
        var newer = older.ToBuilder().Retain("personal.location", Days(after), "use.location").Build();
        Assert.Equal(significant, PolicyDiffer.Instance.Diff(older, newer).IsSignificant);
    }

    [Fact]
    public void Diff_MonthToThirtyDays_IsLongerInFebruary()
        => AssertSignificant(Diff(V2(b => b.Erasure(Days(30), "rights.erasure", DataClass.Personal))), "erasure-period-changed");

    [Fact]
    public void Diff_RetentionFromLaterAnchor_IsSignificant()
        => AssertSignificant(Diff(V2(b => b.Retain("personal.log", Months(6), "use.logs", anchor: RetentionAnchor.AccountClosure))), "retention-anchor-changed");

    [Fact]
    public void Diff_NewRetentionRuleLongerThanInherited_IsSignificant()
        => AssertSignificant(Diff(V2(b => b.Retain("personal.email", Months(48), "use.contact", anchor: RetentionAnchor.LastActivity))), "retention-added");

    [Fact]
    public void Diff_NewRetentionRuleShorterThanInherited_IsEditorial()
        => AssertEditorialOnly(Diff(V2(b => b.Retain("personal.email", Months(12), "use.contact"))), "retention-added");

    [Fact]
    public void Diff_NewGround_IsSignificant()
        => AssertSignificant(Diff(V2(b => b.AddGround("research", Months(24), "rights.retention-exceptions", "Research"))), "ground-added");

    [Fact]
    public void Diff_LongerGroundExtension_IsSignificant()
        => AssertSignificant(Diff(V2(b => b.AddGround("backup", Months(6), "rights.retention-exceptions", "Backups, which rotate out"))), "ground-extension-changed");

    [Fact]
    public void Diff_LongerErasurePeriod_WeakensTheRight()
    {
        var diff = Diff(V2(b => b.Erasure(Months(3), "rights.erasure", DataClass.Personal)));
        AssertSignificant(diff, "erasure-period-changed");
        Assert.Contains("right to erasure", Single(diff, "erasure-period-changed").Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_RemovedRightsProhibition_IsSignificant()
    {
        var diff = Diff(V2(b => b.RemoveRule("opt-out.marketing-messages")));
        AssertSignificant(diff, "rule-removed");
        Assert.Contains("right", Single(diff, "rule-removed").Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_WidenedErasureExceptions_IsSignificant()
    {
        var diff = Diff(V2(b => Replace(b, "erasure.personal-data", RuleEffect.Prohibit, r => r.On(Collect, Use, Disclose).Classes(DataClass.Personal)
            .When(RuleConditions.ErasureRequested)
            .ExceptPurposes("security.protection", "internal.analytics").ExceptReasons("legal-obligation", "protection")
            .ExemptionCites("rights.retention-exceptions")
            .Cites("rights.erasure"))));
        AssertSignificant(diff, "rule-exceptions-changed");
        Assert.Equal("/rules/erasure.personal-data/exceptPurposes", Single(diff, "rule-exceptions-changed").Path);
    }

    [Fact]
    public void Diff_ProhibitionWithAnExtraCondition_IsSignificant()
        => AssertSignificant(Diff(V2(b => Replace(b, "sensitive.none", RuleEffect.Prohibit, r => r.On(Collect, Use, Disclose).Classes(DataClass.Sensitive)
            .When(RuleConditions.MarketingOptedOut).Cites("sensitive.none")))), "rule-conditions-changed");

    [Fact]
    public void Diff_RemovedAdministrativeMessageGuarantee_IsSignificant()
        => AssertSignificant(Diff(V2(b => b.RemoveRule("messages.policy-change.after-opt-out"))), "rule-removed");

    [Fact]
    public void Diff_RemovedOrdinaryPermission_IsEditorial()
        => AssertEditorialOnly(Diff(V2(b => b.RemoveRule("cookies"))), "rule-removed");

    [Fact]
    public void Diff_NewPermission_IsSignificant()
        => AssertSignificant(Diff(V2(b => b.Permit("logs.marketing", r => r.On(Use).Categories("personal.log").Purposes("marketing.own").Cites("use.logs")))), "rule-added");

    [Fact]
    public void Diff_NewProhibition_IsEditorial()
        => AssertEditorialOnly(Diff(V2(b => b.Prohibit("no-partner-marketing", r => r.On(Use).Purposes("marketing.partners").Cites("use.contact")))), "rule-added");

    [Fact]
    public void Diff_PermissionForMorePurposes_IsSignificant()
        => AssertSignificant(Diff(V2(b => Replace(b, "logs", RuleEffect.Permit, r => r.On(Collect, Use).Categories("personal.log")
            .Purposes("service", "internal", "security.protection", "marketing").Cites("use.logs")))), "rule-purposes-changed");

    [Fact]
    public void Diff_PermissionForFewerPurposes_IsEditorial()
        => AssertEditorialOnly(Diff(V2(b => Replace(b, "cookies", RuleEffect.Permit, r => r.On(Collect, Use).Categories("personal.cookie")
            .Purposes("service", "internal.analytics").Cites("use.cookies")))), "rule-purposes-changed");

    [Fact]
    public void Diff_PermissionWithoutItsCondition_IsSignificant()
        => AssertSignificant(Diff(V2(b => Replace(b, "location.network", RuleEffect.Permit, r => r.On(Collect, Use).Categories("personal.location.network")
            .Purposes("service.location").Cites("use.location")))), "rule-conditions-changed");

    [Fact]
    public void Diff_PermissionWithoutAnObligation_IsSignificant()
        => AssertSignificant(Diff(V2(b => Replace(b, "disclosure.legal", RuleEffect.Permit, r => r.On(Disclose).Classes(DataClass.Personal)
            .Recipients("authority").Reasons("legal-obligation").Cites("disclosure.legal")))), "rule-obligations-changed");

    [Fact]
    public void Diff_PermissionForAllData_IsSignificant()
        => AssertSignificant(Diff(V2(b => Replace(b, "shared-content.delivery", RuleEffect.Permit, r => r.On(Collect, Use)
            .Purposes("service.delivery").Cites("use.service")))), "rule-data-changed");

    [Fact]
    public void Diff_ProhibitionBecomesPermission_IsSignificant()
        => AssertSignificant(Diff(V2(b => Replace(b, "local.no-access", RuleEffect.Permit, r => r.On(Collect, Use, Disclose)
            .Classes(DataClass.DeviceLocal).Cites("collection.local-only")))), "rule-effect-changed");

    [Fact]
    public void Diff_RuleCitesAnotherClause_IsEditorial()
        => AssertEditorialOnly(Diff(V2(b => Replace(b, "cookies", RuleEffect.Permit, r => r.On(Collect, Use).Categories("personal.cookie")
            .Purposes("service", "internal.analytics", "marketing").Cites("use.service")))), "rule-clause-changed");

    [Fact]
    public void Diff_ClauseText_IsEditorial()
    {
        var diff = Diff(V2(b => Reword(b, "contact", text: "Write to privacy@ismartviewpro.example with any question or request.")));
        AssertEditorialOnly(diff, "clause-text-changed");
        Assert.Equal("/clauses/contact/text", Single(diff, "clause-text-changed").Path);
    }

    [Fact]
    public void Diff_ClauseSummary_IsEditorial()
        => AssertEditorialOnly(Diff(V2(b => Reword(b, "use.logs", summary: "Server logs record IP address, device, time and pages."))), "clause-summary-changed");

    [Fact]
    public void Diff_RemovedRightsClause_IsSignificant()
        => AssertSignificant(Diff(V2(b => b.Clauses.RemoveAll(c => c.Id.Value == "rights.access"))), "clause-removed");

    [Fact]
    public void Diff_NameAndNotes_AreEditorial()
    {
        var diff = Diff(V2(b => b.WithName("iSmartviewPro privacy notice").AddNote("Reworded for clarity.")));
        Assert.False(diff.IsSignificant, Kinds(diff));
        Assert.Contains(diff.Changes, c => c.Kind == "name-changed");
        Assert.Contains(diff.Changes, c => c.Kind == "note-added");
    }

    [Theory]
    [InlineData("Europe/Oslo")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Kolkata")]
    public void Diff_TimeZoneWithCalendarPeriods_IsSignificantBecauseSomeDeadlinesComeLater(string zone)
    {
        var diff = Diff(V2(b => b.WithTimeZone(zone)));
        AssertSignificant(diff, "time-zone-changed");
        var change = Single(diff, "time-zone-changed");
        Assert.Equal(("UTC", zone), (change.Old, change.New));
        Assert.Contains("later", change.Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_TimeZoneWithCalendarPeriods_ReallyMovesARetentionDeadlineLater()
    {
        var older = Privacy.Compilation.CompiledPolicy.Compile(V1);
        var newer = Privacy.Compilation.CompiledPolicy.Compile(V1.ToBuilder().WithTimeZone("Europe/Oslo").Build());
        var collected = NodaTime.Instant.FromUtc(2025, 6, 1, 12, 0);
        var request = new RetainRequest(new("personal.log.ip-address"), collected, collected);
        Assert.True(newer.Decide(request, null).Deadline > older.Decide(request, null).Deadline);
        Assert.True(PolicyDiffer.Instance.Diff(older.Policy, newer.Policy).IsSignificant);
    }

    [Fact]
    public void Diff_TimeZoneWithOnlyExactDurations_IsEditorial()
    {
        static PrivacyPolicy Exact(string zone) => V2(b =>
        {
            var days = RetentionPeriod.FromDuration(NodaTime.Duration.FromDays(30));
            foreach (var r in V1.RetentionRules)
            {
                b.Retain(r.Category.Value, days, r.Clause.Value, r.AllowsGrounds, r.Anchor);
            }

            foreach (var g in V1.Grounds)
            {
                b.AddGround(g.Id.Value, days, g.Clause.Value, g.Description);
            }

            b.Erasure(days, V1.ErasureClause.Value, [.. V1.ErasureClasses]);
            b.WithTimeZone(zone);
        });

        var diff = PolicyDiffer.Instance.Diff(Exact("UTC"), Exact("Europe/Oslo"));
        AssertEditorialOnly(diff, "time-zone-changed");
    }

    [Fact]
    public void Diff_PurposeDescription_IsEditorial()
        => AssertEditorialOnly(Diff(V2(b => b.Purposes[b.Purposes.FindIndex(p => p.Id.Value == "internal.audit")] =
            new VocabularyTerm<PurposeId>(new("internal.audit"), "Auditing our own processing"))), "purpose-description-changed");

    [Fact]
    public void Diff_RemovedPurpose_IsEditorial()
    {
        var diff = Diff(V2(b =>
        {
            b.Purposes.RemoveAll(p => p.Id.Value == "internal.surveys");
        }));
        AssertEditorialOnly(diff, "purpose-removed");
    }

    [Fact]
    public void Diff_ReadmeDemo_HasOneSignificantAndOneEditorialChange()
    {
        var diff = Diff(V2(b =>
        {
            b.Retain("personal.log", Months(12), "use.logs");
            Reword(b, "contact", text: "Questions and requests: write to privacy@ismartviewpro.example; we answer within 30 days.");
        }));
        Assert.Single(diff.Changes, c => c.IsSignificant);
        Assert.Equal(4, diff.Changes.Count(c => !c.IsSignificant));
    }
}
