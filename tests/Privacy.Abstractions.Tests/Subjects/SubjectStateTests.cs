using System;
using System.Linq;
using NodaTime;

namespace Privacy.Tests.Subjects;

public class SubjectStateTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 1, 1, 0, 0);

    [Fact]
    public void Fold_IgnoresEventsAfterTheInstant()
    {
        var state = SubjectState.Fold([PrivacyEvent.ErasureRequested(T0 + Duration.FromSeconds(1))], T0);
        Assert.False(state.IsErased);
    }

    [Fact]
    public void Fold_ErasureIsFinalAndKeepsTheFirstRequest()
    {
        var state = SubjectState.Fold([PrivacyEvent.ErasureRequested(T0 + Duration.FromDays(2)), PrivacyEvent.ErasureRequested(T0), PrivacyEvent.MarketingOptIn(T0 + Duration.FromDays(3))], T0 + Duration.FromDays(5));
        Assert.True(state.IsErased);
        Assert.Equal(T0, state.ErasureRequestedAt);
    }

    [Fact]
    public void Fold_OptInAfterOptOut_LiftsTheOptOut()
    {
        var state = SubjectState.Fold([PrivacyEvent.MarketingOptOut(T0), PrivacyEvent.MarketingOptIn(T0 + Duration.FromHours(1))], T0 + Duration.FromDays(1));
        Assert.False(state.IsOptedOutOfMarketing);
    }

    [Fact]
    public void Fold_SameInstant_OptOutWins()
    {
        var state = SubjectState.Fold([PrivacyEvent.MarketingOptIn(T0), PrivacyEvent.MarketingOptOut(T0)], T0);
        Assert.True(state.IsOptedOutOfMarketing);
    }

    [Fact]
    public void HasConsent_ParentPurposeCoversChild_AndLaterWithdrawalOfChildWins()
    {
        var granted = PrivacyEvent.ConsentGranted(new PurposeId("marketing"), T0);
        var state = SubjectState.Fold([granted], T0 + Duration.FromDays(1));
        Assert.True(state.HasConsent(new PurposeId("marketing.partners")));
        Assert.False(state.HasConsent(new PurposeId("internal")));

        state = SubjectState.Fold([granted, PrivacyEvent.ConsentWithdrawn(new PurposeId("marketing.partners"), T0 + Duration.FromHours(1))], T0 + Duration.FromDays(1));
        Assert.False(state.HasConsent(new PurposeId("marketing.partners")));
        Assert.True(state.HasConsent(new PurposeId("marketing.own")));
    }

    [Fact]
    public void HasConsent_SameInstant_WithdrawalWins()
    {
        var recipient = new RecipientId("third-party");
        var state = SubjectState.Fold([PrivacyEvent.ConsentGranted(recipient, T0), PrivacyEvent.ConsentWithdrawn(recipient, T0)], T0);
        Assert.False(state.HasConsent(recipient));
    }

    [Fact]
    public void Fold_AnyOrder_GivesAnEqualState()
    {
        PrivacyEvent[] events =
        [
            PrivacyEvent.MarketingOptOut(T0), PrivacyEvent.MarketingOptIn(T0), PrivacyEvent.ConsentGranted(new RecipientId("acquirer"), T0),
            PrivacyEvent.ConsentWithdrawn(new RecipientId("acquirer"), T0), PrivacyEvent.PolicyAccepted("002", T0), PrivacyEvent.PolicyAccepted("001", T0),
        ];
        var expected = SubjectState.Fold(events, T0);
        Assert.Equal(expected, SubjectState.Fold(Enumerable.Reverse(events), T0));
        Assert.Equal(["001", "002"], expected.AcceptedVersions.ToArray());
    }

    [Fact]
    public void PrivacyEvent_ConsentWithoutTarget_IsRefused()
        => Assert.Throws<ArgumentException>(() => new PrivacyEvent(PrivacyEventKind.ConsentGranted, T0));

    [Fact]
    public void PrivacyEvent_AcceptanceWithoutVersion_IsRefused()
        => Assert.Throws<ArgumentNullException>(() => new PrivacyEvent(PrivacyEventKind.PolicyAccepted, T0));

    [Theory]
    [InlineData(PrivacyEventKind.ConsentGranted, "consent-granted")]
    [InlineData(PrivacyEventKind.RectificationRequested, "rectification-requested")]
    public void EventKinds_RoundTripTheirWireNames(PrivacyEventKind kind, string name)
    {
        Assert.Equal(name, kind.ToName());
        Assert.True(PrivacyEventKinds.TryParse(name, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.False(PrivacyEventKinds.TryParse("consent", out _));
    }

    [Fact]
    public void DataSubject_IsEqualByValue()
    {
        var a = new DataSubject("u", true, [PrivacyEvent.MarketingOptOut(T0)]);
        var b = new DataSubject("u", true, [PrivacyEvent.MarketingOptOut(T0)]);
        Assert.Equal(a, b);
        Assert.NotEqual(a, b.WithEvent(PrivacyEvent.MarketingOptIn(T0)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void StateAt_SubjectWithNoHistory_IsTheFoldOfAnEmptyHistory(bool hasEmail)
    {
        var state = new DataSubject("u", hasEmail).StateAt(T0);

        Assert.Equal(SubjectState.Fold([], T0, hasEmail), state);
        Assert.Empty(state.Notifications);
        Assert.Empty(state.Consents);
        Assert.Empty(state.AcceptedVersions);
    }
}
