using System.Linq;
using NodaTime;
using Privacy.Versioning;
using static Privacy.Tests.Versioning.PolicyEdits;

namespace Privacy.Tests.Versioning;

public class AcceptanceTests
{
    private static readonly PolicyVersionSet Set = PolicyVersionSet.Create(V1, V2(b => b.AddPurpose("marketing.research", "Market research")));
    private static readonly Instant At = Instant.FromUtc(2026, 7, 1, 0, 0);
    private static readonly Instant Notice = Instant.FromUtc(2026, 5, 10, 0, 0);

    private static readonly DataSubject ByEvent = new("by-event", true, [PrivacyEvent.PolicyAccepted("002", Instant.FromUtc(2026, 5, 20, 0, 0))]);
    private static readonly DataSubject ByUse = new("by-use", true, [PrivacyEvent.PolicyNotified("002", Notice), PrivacyEvent.ServiceUsed(Instant.FromUtc(2026, 6, 5, 0, 0))]);
    private static readonly DataSubject UsedTooEarly = new("too-early", true, [PrivacyEvent.PolicyNotified("002", Notice), PrivacyEvent.ServiceUsed(Instant.FromUtc(2026, 5, 31, 23, 59))]);
    private static readonly DataSubject UsedBeforeNotice = new("before-notice", true, [PrivacyEvent.ServiceUsed(Instant.FromUtc(2026, 6, 5, 0, 0)), PrivacyEvent.PolicyNotified("002", Instant.FromUtc(2026, 6, 6, 0, 0))]);
    private static readonly DataSubject Silent = new("silent", false, [PrivacyEvent.ServiceUsed(Instant.FromUtc(2026, 6, 5, 0, 0))]);

    [Fact]
    public void Acceptance_ClassesEachSubjectByHowTheyAccepted()
    {
        var report = Set.Acceptance("002", [ByEvent, ByUse, UsedTooEarly, UsedBeforeNotice, Silent], At);
        Assert.Equal(
            [AcceptanceStatus.AcceptedByEvent, AcceptanceStatus.AcceptedByUse, AcceptanceStatus.Notified, AcceptanceStatus.Notified, AcceptanceStatus.NotNotified],
            report.Subjects.Select(s => s.Status));
        Assert.Equal(["by-event", "by-use"], report.Accepted.Select(s => s.Subject.Id));
        Assert.Equal(["too-early", "before-notice", "silent"], report.NotAccepted.Select(s => s.Subject.Id));
        Assert.Equal(PolicyVersionSet.EntryIntoForce(Set.Versions[1]), report.EntryIntoForce);
    }

    [Fact]
    public void Acceptance_IgnoresEventsAfterTheInstant()
    {
        var report = Set.Acceptance("002", [ByEvent, ByUse], Instant.FromUtc(2026, 5, 15, 0, 0));
        Assert.All(report.Subjects, s => Assert.False(s.HasAccepted));
    }

    [Fact]
    public void Acceptance_UnknownVersion_Throws()
        => Assert.Throws<System.ArgumentException>(() => Set.Acceptance("009", [ByEvent], At));

    [Fact]
    public void Acceptance_OfTheFirstVersionWithoutEntryIntoForce_CountsUseAfterNotice()
    {
        var unstated = V1.ToBuilder().WithMetadata(null, null, null).Build();
        var set = PolicyVersionSet.Create(unstated);
        var subject = new DataSubject("s", false, [PrivacyEvent.PolicyNotified("001", Notice), PrivacyEvent.ServiceUsed(At)]);
        Assert.Equal(AcceptanceStatus.AcceptedByUse, set.Acceptance("001", [subject], At).Subjects[0].Status);
    }
}
