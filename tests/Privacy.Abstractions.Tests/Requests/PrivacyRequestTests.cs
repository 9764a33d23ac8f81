using System;
using System.Collections.Generic;
using NodaTime;

namespace Privacy.Tests.Requests;

public class PrivacyRequestTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 1, 9, 0);
    private static readonly DataCategoryId Email = new("personal.email");
    private static readonly DataSubject OptedOut = new("u-17", hasEmail: true, [PrivacyEvent.MarketingOptOut(Instant.FromUtc(2026, 2, 1, 10, 0))]);

    public static TheoryData<PrivacyRequest, PrivacyAction> EveryAction() => new()
    {
        { new PrivacyRequest(new CollectRequest(Email, new("service.delivery"), At)), PrivacyAction.Collect },
        { new PrivacyRequest(new UseRequest(Email, new("marketing.own"), At)), PrivacyAction.Use },
        { new PrivacyRequest(new DiscloseRequest(Email, new("service-provider"), new("service-provision"), At)), PrivacyAction.Disclose },
        { new PrivacyRequest(new CommunicateRequest(new("marketing"), new("email"), At)), PrivacyAction.Communicate },
        { new PrivacyRequest(new RetainRequest(Email, At - Duration.FromDays(30), At)), PrivacyAction.Retain },
    };

    [Theory]
    [MemberData(nameof(EveryAction))]
    public void Create_AnyAction_ExactlyThatQuestionHasAValue(PrivacyRequest request, PrivacyAction action)
    {
        Assert.Equal(action, request.Action);
        Assert.Equal(At, request.At);
        Assert.Equal(action == PrivacyAction.Collect, request.CollectRequest.HasValue);
        Assert.Equal(action == PrivacyAction.Use, request.UseRequest.HasValue);
        Assert.Equal(action == PrivacyAction.Disclose, request.DiscloseRequest.HasValue);
        Assert.Equal(action == PrivacyAction.Communicate, request.CommunicateRequest.HasValue);
        Assert.Equal(action == PrivacyAction.Retain, request.RetainRequest.HasValue);
    }

    [Fact]
    public void Create_UseRequest_GivesTheSameQuestionBack()
    {
        var use = new UseRequest(Email, new("marketing.own"), At, new RequestContext(LocationFeatureInUse: true));

        var request = new PrivacyRequest(use, OptedOut, "r1");

        Assert.Equal(use, request.UseRequest);
        Assert.Equal(use.Context, request.Context);
        Assert.Same(OptedOut, request.Subject);
        Assert.Equal("r1", request.Id);
    }

    [Fact]
    public void Create_RetainWithDefaultGrounds_HasEmptyGroundsAndNoContext()
    {
        var request = new PrivacyRequest(new RetainRequest(Email, At - Duration.FromDays(1), At));

        Assert.False(request.RetainRequest!.Value.Grounds.IsDefault);
        Assert.Empty(request.RetainRequest.Value.Grounds);
        Assert.Equal(RequestContext.None, request.Context);
    }

    [Fact]
    public void Equals_SameFieldsAndAnEqualSubject_AreEqual()
    {
        var a = new PrivacyRequest(new CommunicateRequest(new("marketing"), new("email"), At), OptedOut, "r1");
        var b = new PrivacyRequest(new CommunicateRequest(new("marketing"), new("email"), At), new DataSubject("u-17", true, OptedOut.Events), "r1");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a.WithId("r2"));
        Assert.NotEqual(a, a.WithSubject(null));
        Assert.NotEqual(a, new PrivacyRequest(new CommunicateRequest(new("marketing"), new("sms"), At), OptedOut, "r1"));
    }

    [Fact]
    public void WithIdAndWithSubject_ChangeOnlyThatField()
    {
        var request = new PrivacyRequest(new DiscloseRequest(Email, new("service-provider"), new("service-provision"), At, new(ConfidentialityAgreement: true)), null, "a");

        var changed = request.WithId("b").WithSubject(OptedOut);

        Assert.Equal("b", changed.Id);
        Assert.Same(OptedOut, changed.Subject);
        Assert.Equal(request.DiscloseRequest, changed.DiscloseRequest);
        Assert.Equal("a", request.Id);
        Assert.Null(request.Subject);
    }

    [Theory]
    [MemberData(nameof(EveryAction))]
    public void Decide_AnyAction_AsksTheEvaluatorThatQuestionWithTheSubjectAtItsInstant(PrivacyRequest request, PrivacyAction action)
    {
        var evaluator = new RecordingEvaluator();

        evaluator.Decide(request.WithSubject(OptedOut));

        var (asked, state) = Assert.Single(evaluator.Calls);
        Assert.Equal(action, asked);
        Assert.Equal(At, state.At);
        Assert.True(state.IsOptedOutOfMarketing);
    }

    [Fact]
    public void Decide_NoSubject_AsksAboutASubjectWithNoHistory()
    {
        var evaluator = new RecordingEvaluator();

        evaluator.Decide(new PrivacyRequest(new UseRequest(Email, new("marketing.own"), At)));

        var (_, state) = Assert.Single(evaluator.Calls);
        Assert.False(state.IsOptedOutOfMarketing);
        Assert.False(state.HasEmail);
    }

    [Fact]
    public void Decide_NullArguments_Throw()
    {
        var request = new PrivacyRequest(new UseRequest(Email, new("marketing.own"), At));

        Assert.Throws<ArgumentNullException>(() => new RecordingEvaluator().Decide((PrivacyRequest)null!));
        Assert.Throws<ArgumentNullException>(() => ((IPrivacyEvaluator)null!).Decide(request));
    }

    /// <summary>Records what it was asked; denies everything.</summary>
    private sealed class RecordingEvaluator : IPrivacyEvaluator
    {
        private static readonly PrivacyDecision Denied = new(Effect.Deny, [new ClauseId("test.deny")], [], null, []);

        public List<(PrivacyAction Action, SubjectState State)> Calls { get; } = [];

        public string PolicyId => "test";

        public PrivacyDecision Decide(in CollectRequest request, SubjectState? subject) => Record(PrivacyAction.Collect, subject ?? SubjectState.Empty(request.At));

        public PrivacyDecision Decide(in UseRequest request, SubjectState? subject) => Record(PrivacyAction.Use, subject ?? SubjectState.Empty(request.At));

        public PrivacyDecision Decide(in DiscloseRequest request, SubjectState? subject) => Record(PrivacyAction.Disclose, subject ?? SubjectState.Empty(request.At));

        public PrivacyDecision Decide(in CommunicateRequest request, SubjectState? subject) => Record(PrivacyAction.Communicate, subject ?? SubjectState.Empty(request.At));

        public PrivacyDecision Decide(in RetainRequest request, SubjectState? subject) => Record(PrivacyAction.Retain, subject ?? SubjectState.Empty(request.At));

        private PrivacyDecision Record(PrivacyAction action, SubjectState subject)
        {
            Calls.Add((action, subject));
            return Denied;
        }
    }
}
