using System;
using System.Linq;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Rights;

namespace Privacy.Tests.Rights;

public class RightsPlannerTests
{
    private static readonly Instant Received = Instant.FromUtc(2026, 3, 1, 10, 0);
    private static readonly RightsPlanner Planner = new(BuiltInPolicies.IsmartviewPro2018Compiled, hasher: ContactHasher.FromText("a-test-key-of-enough-length-32-bytes"));

    private static readonly StoredRecord[] Records =
    [
        new("rec-1", new("personal.email"), Instant.FromUtc(2025, 6, 1, 9, 30), [new("service.support"), new("marketing.own")], [new("service-provider")]),
        new("rec-2", new("personal.log.ip-address"), Instant.FromUtc(2026, 2, 20, 18, 45), [new("security.protection")], grounds: [new("fraud-prevention")]),
        new("rec-3", new("sensitive.health"), Instant.FromUtc(2026, 2, 1, 0, 0), grounds: [new("statutory-obligation")]),
        new("rec-4", new("non-personal.usage"), Instant.FromUtc(2026, 1, 10, 0, 0)),
    ];

    private static DataSubject Subject(params PrivacyEvent[] events) => new("u-19", true, events);

    [Fact]
    public void Plan_AnyRight_RespondsWithinOneMonthExtendableByTwo()
    {
        foreach (var right in Enum.GetValues<RightKind>())
        {
            var plan = Planner.Plan(right, Subject(), Records, Instant.FromUtc(2026, 1, 31, 12, 0));
            Assert.Equal(Instant.FromUtc(2026, 2, 28, 12, 0), plan.RespondBy);
            Assert.Equal(Instant.FromUtc(2026, 4, 30, 12, 0), plan.ExtendedRespondBy);
        }
    }

    [Fact]
    public void Erasure_DeletesWithinTheErasurePeriodAndKeepsGroundedRecords()
    {
        var plan = Planner.Plan(RightKind.Erasure, Subject(), Records, Received, ["Jane.Doe@example.com"]);
        var items = plan.Items.ToDictionary(i => i.Record);

        Assert.Equal(PlanAction.Delete, items["rec-1"].Action);
        Assert.Equal(Instant.FromUtc(2026, 4, 1, 10, 0), items["rec-1"].Deadline);
        Assert.Equal(["rights.erasure"], items["rec-1"].Clauses.Select(c => c.Value));

        Assert.Equal(PlanAction.Retain, items["rec-2"].Action);
        Assert.Equal(["fraud-prevention"], items["rec-2"].Grounds.Select(g => g.Value));
        Assert.Equal(Instant.FromUtc(2027, 4, 1, 10, 0), items["rec-2"].Deadline);
        Assert.Equal("rights.retention-exceptions", items["rec-2"].Clauses[0].Value);

        Assert.Equal(PlanAction.Delete, items["rec-3"].Action);
        Assert.Equal(["sensitive.none"], items["rec-3"].Clauses.Select(c => c.Value));
        Assert.Equal(PlanAction.Delete, items["rec-4"].Action);
        Assert.Equal(["rights.erasure"], plan.Clauses.Select(c => c.Value));
    }

    [Fact]
    public void Erasure_SuppressionHoldsAKeyedHashNeverTheAddress()
    {
        var plan = Planner.Plan(RightKind.Erasure, Subject(), Records, Received, ["  Jane.Doe@Example.com ", "jane.doe@example.com"]);
        var entry = Assert.Single(plan.Suppressions);
        Assert.StartsWith(ContactHasher.Prefix, entry.Hash, StringComparison.Ordinal);
        Assert.DoesNotContain("jane", entry.Hash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Received, entry.Since);
        Assert.Equal(ContactHasher.FromText("a-test-key-of-enough-length-32-bytes").Hash("jane.doe@example.com"), entry.Hash);
        Assert.NotEqual(ContactHasher.FromText("another-key-of-enough-length-32-bytes").Hash("jane.doe@example.com"), entry.Hash);
    }

    [Fact]
    public void Erasure_EarlierRequest_CountsFromTheFirstRequest()
    {
        var earlier = Instant.FromUtc(2026, 2, 1, 0, 0);
        var plan = Planner.Plan(RightKind.Erasure, Subject(PrivacyEvent.ErasureRequested(earlier)), Records, Received, ["a@b.example"]);
        Assert.Equal(Instant.FromUtc(2026, 3, 1, 0, 0), plan.Items[0].Deadline);
        Assert.Equal(earlier, plan.Suppressions[0].Since);
    }

    [Fact]
    public void Erasure_AddressesWithoutAKey_AreRefused()
    {
        var planner = new RightsPlanner(BuiltInPolicies.IsmartviewPro2018Compiled);
        Assert.Throws<InvalidOperationException>(() => planner.Plan(RightKind.Erasure, Subject(), Records, Received, ["a@b.example"]));
        Assert.Empty(planner.Plan(RightKind.Erasure, Subject(), Records, Received).Suppressions);
    }

    [Fact]
    public void Access_ReportsPurposesRecipientsDeadlineAndClauses()
    {
        var plan = Planner.Plan(RightKind.Access, Subject(PrivacyEvent.ServiceUsed(Instant.FromUtc(2026, 2, 20, 18, 45))), Records, Received);
        var email = plan.Items[0];
        Assert.Equal(PlanAction.Held, email.Action);
        Assert.Equal(["service.support", "marketing.own"], email.Purposes.Select(p => p.Value));
        Assert.Equal(["service-provider"], email.Recipients.Select(r => r.Value));
        Assert.Equal(Instant.FromUtc(2029, 2, 20, 18, 45), email.Deadline);
        Assert.Equal(["rights.access", "collection.necessary"], email.Clauses.Select(c => c.Value));

        var usage = plan.Items[3];
        Assert.Contains(new PurposeId("marketing.partners"), usage.Purposes);
        Assert.DoesNotContain(new PurposeId("marketing"), usage.Purposes);
    }

    [Fact]
    public void Rectification_ActiveStoresWithinAWeekBackupsWhenTheyRotate()
    {
        var plan = Planner.Plan(RightKind.Rectification, Subject(), Records, Received);
        Assert.All(plan.Items.Where(i => i.Record != "rec-3"), item =>
        {
            Assert.Equal(PlanAction.Rectify, item.Action);
            Assert.Equal(Instant.FromUtc(2026, 3, 8, 10, 0), item.Deadline);
            Assert.Equal(Instant.FromUtc(2026, 6, 8, 10, 0), item.BackupsBy);
            Assert.Equal(["rights.rectification"], item.Clauses.Select(c => c.Value));
        });
    }

    [Theory]
    [InlineData("sensitive.health", "sensitive.none")]
    [InlineData("local.app-data", "collection.local-only")]
    public void Rectification_DataThatMustBeDeleted_IsPlannedForDeletion(string category, string clause)
    {
        var collected = Instant.FromUtc(2026, 2, 1, 0, 0);
        var plan = Planner.Plan(RightKind.Rectification, Subject(), [new StoredRecord("r", new(category), collected, grounds: [new("statutory-obligation")])], Received);
        var item = Assert.Single(plan.Items);
        Assert.Equal(PlanAction.Delete, item.Action);
        Assert.Equal(collected, item.Deadline);
        Assert.Null(item.BackupsBy);
        Assert.Equal([clause], item.Clauses.Select(c => c.Value));
    }

    [Fact]
    public void Rectification_RecordPastItsRetentionDeadline_IsPlannedForDeletion()
    {
        var plan = Planner.Plan(RightKind.Rectification, Subject(), [new StoredRecord("old", new("personal.log.ip-address"), Instant.FromUtc(2025, 1, 1, 0, 0))], Received);
        var item = Assert.Single(plan.Items);
        Assert.Equal(PlanAction.Delete, item.Action);
        Assert.Equal(Instant.FromUtc(2025, 7, 1, 0, 0), item.Deadline);
    }

    [Fact]
    public void OptOut_RecordPastItsRetentionDeadline_IsDueForDeletionNotRetained()
    {
        StoredRecord[] records =
        [
            new("old-log", new("personal.log.ip-address"), Instant.FromUtc(2025, 1, 1, 0, 0), [new("security.protection")]),
            new("old-email", new("personal.email"), Instant.FromUtc(2022, 1, 1, 0, 0), [new("marketing.own")]),
            new("sensitive", new("sensitive.health"), Instant.FromUtc(2026, 2, 1, 0, 0)),
        ];
        var plan = Planner.Plan(RightKind.MarketingOptOut, Subject(), records, Received);
        Assert.All(plan.Items, item =>
        {
            Assert.Equal(PlanAction.Delete, item.Action);
            Assert.True(item.Deadline <= Received, $"{item.Record} is due by {item.Deadline}");
        });
        Assert.Equal(Instant.FromUtc(2025, 7, 1, 0, 0), plan.Items[0].Deadline);
    }

    [Fact]
    public void OptOut_NonPersonalRecordUsedForMarketing_IsKeptUnrestricted()
    {
        var plan = Planner.Plan(RightKind.MarketingOptOut, Subject(), [new StoredRecord("np", new("non-personal.usage"), Instant.FromUtc(2026, 1, 10, 0, 0), [new("marketing.own")])], Received);
        var item = Assert.Single(plan.Items);
        Assert.Equal(PlanAction.Retain, item.Action);
        Assert.Empty(item.Purposes);
        Assert.True(item.Deadline > Received);
    }

    [Fact]
    public void OptOut_StopsMarketingKeepsAdministrativeMessages()
    {
        var plan = Planner.Plan(RightKind.MarketingOptOut, Subject(), Records, Received);
        var scope = Assert.IsType<OptOutScope>(plan.OptOut);
        Assert.Equal(Received, scope.From);
        Assert.Equal(["marketing"], scope.StoppedMessages.Select(m => m.Value));
        Assert.Equal(["administrative", "policy-change", "breach-notice"], scope.ContinuingMessages.Select(m => m.Value));
        Assert.Equal(["email", "push", "popup", "post"], scope.Channels.Select(c => c.Value));
        Assert.Contains(new PurposeId("marketing.own"), scope.StoppedPurposes);
        Assert.Contains(new PurposeId("marketing.partners"), scope.StoppedPurposes);

        Assert.Equal(PlanAction.Restrict, plan.Items[0].Action);
        Assert.Equal(["marketing.own"], plan.Items[0].Purposes.Select(p => p.Value));
        Assert.Equal(PlanAction.Retain, plan.Items[1].Action);
        Assert.Contains(new ClauseId("rights.administrative-messages"), plan.Clauses);
    }

    [Fact]
    public void BadRecords_AreReportedByIdAndTheOthersStillPlanned()
    {
        StoredRecord[] records =
        [
            new("ok", new("personal.email"), Received),
            new("bad-category", new("personal.emial"), Received),
            new("bad-ground", new("personal.email"), Received, grounds: [new("forever")]),
            new("bad-recipient", new("personal.email"), Received, disclosedTo: [new("friends")]),
        ];
        var plan = Planner.Plan(RightKind.Erasure, Subject(), records, Received);
        Assert.Equal(["ok"], plan.Items.Select(i => i.Record));
        Assert.Equal(
            [("bad-category", "unknown-category", "category"), ("bad-ground", "unknown-ground", "grounds[0]"), ("bad-recipient", "unknown-recipient", "disclosedTo[0]")],
            plan.Problems.Select(p => (p.Record!, p.Code, p.Field!)));
    }
}
