using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Compilation;

namespace Privacy.Tests.Compilation;

/// <summary>The invariants a privacy engineer states about the evaluator, checked on generated requests and histories.</summary>
public class EvaluatorProperties
{
    private static readonly CompiledPolicy Policy = BuiltInPolicies.IsmartviewPro2018Compiled;
    private static readonly CompiledPolicy Recompiled = CompiledPolicy.Compile(Policy.Policy);

    public static class Arbitraries
    {
        public static Arbitrary<PolicyRequest> Requests() => BuiltInArbitraries.Requests();

        public static Arbitrary<GeneratedSubject> Subjects() => BuiltInArbitraries.Subjects();
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public void SensitiveData_IsNeverPermitted_ForAnyActionOrHistory(PolicyRequest request, GeneratedSubject subject)
    {
        var sensitive = request with { Category = new(BuiltInVocabulary.SensitiveCategories[Array.IndexOf(BuiltInVocabulary.Categories, request.Category.Value) % BuiltInVocabulary.SensitiveCategories.Length]) };
        if (sensitive.Action == PrivacyAction.Communicate)
        {
            return; // A message names no data category.
        }

        var decision = sensitive.Decide(Policy, subject.ToSubject());
        Assert.False(decision.IsAllowed, decision.ToString());
        Assert.Contains(new ClauseId("sensitive.none"), decision.Clauses);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public void EveryDecision_CitesAtLeastOneDefinedClause(PolicyRequest request, GeneratedSubject subject)
    {
        var decision = request.Decide(Policy, subject.ToSubject());
        Assert.NotEmpty(decision.Clauses);
        Assert.All(decision.Clauses, c => Assert.Contains(Policy.Policy.Clauses, defined => defined.Id == c));
        Assert.True(decision.Effect != Effect.Deny || decision.Obligations.IsEmpty, "A denial carries no obligation.");
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public Property EventOrder_NeverChangesTheDecision(PolicyRequest request, GeneratedSubject subject)
        => Prop.ForAll(Gen.Shuffle(subject.Events.ToArray()).ToArbitrary(), shuffled =>
            request.Decide(Policy, subject.ToSubject()) == request.Decide(Policy, new DataSubject("s-1", subject.HasEmail, shuffled)));

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public Property EventsAfterTheInstant_ChangeNothing(PolicyRequest request, GeneratedSubject subject)
        => Prop.ForAll(BuiltInVocabulary.Histories.ToArbitrary(), later =>
        {
            var future = later.Select(e => new PrivacyEvent(e.Kind, request.At + Duration.FromMinutes(1) + (e.At - BuiltInVocabulary.Epoch), e.Purpose, e.Recipient, e.Version));
            var before = request.Decide(Policy, subject.ToSubject());
            var after = request.Decide(Policy, new DataSubject("s-1", subject.HasEmail, subject.Events.Concat(future)));
            return before == after;
        });

    [Property(MaxTest = 500)]
    public Property LatestOfOptOutAndOptIn_Wins()
    {
        var toggles = Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(
            from optOut in ArbMap.Default.GeneratorFor<bool>()
            from minutes in Gen.Choose(0, 10_000)
            select optOut ? PrivacyEvent.MarketingOptOut(BuiltInVocabulary.Epoch + Duration.FromMinutes(minutes)) : PrivacyEvent.MarketingOptIn(BuiltInVocabulary.Epoch + Duration.FromMinutes(minutes)),
            n));
        return Prop.ForAll(toggles.ToArbitrary(), events =>
        {
            var at = BuiltInVocabulary.Epoch + Duration.FromDays(30);
            var latest = events.Max(e => e.At);
            var optedOut = events.Any(e => e.At == latest && e.Kind == PrivacyEventKind.MarketingOptOut);
            var decision = Policy.Decide(new CommunicateRequest(new("marketing"), new("email"), at), new DataSubject("s", true, events));
            return decision.Effect == (optedOut ? Effect.Deny : Effect.Permit);
        });
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void AfterErasure_NoMessageOfAnyKindOnAnyChannel(GeneratedSubject subject, byte offsetMinutes)
    {
        var at = BuiltInVocabulary.Epoch + Duration.FromDays(400);
        var erased = new DataSubject("s-1", subject.HasEmail, subject.Events.Append(PrivacyEvent.ErasureRequested(at - Duration.FromMinutes(offsetMinutes))));
        foreach (var message in BuiltInVocabulary.Messages)
        {
            foreach (var channel in BuiltInVocabulary.Channels)
            {
                var decision = Policy.Decide(new CommunicateRequest(new(message), new(channel), at), erased);
                Assert.Equal(Effect.Deny, decision.Effect);
                Assert.Contains(new ClauseId("rights.erasure"), decision.Clauses);
            }
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public void UnknownId_NeverPermits(PolicyRequest request, GeneratedSubject subject, PositiveInt salt)
    {
        var unknown = $"unknown.id-{salt.Get}";
        var mangled = (salt.Get % 4) switch
        {
            0 => request with { Category = new(unknown) },
            1 => request with { Purpose = new(unknown) },
            2 => request with { Recipient = new(unknown), Message = new(unknown) },
            _ => request with { Reason = new(unknown), Channel = new(unknown), Grounds = [new(unknown)] },
        };
        try
        {
            var decision = mangled.Decide(Policy, subject.ToSubject());

            // Only ids the action does not read may be unknown and still give a decision, and it is the decision for the known ids.
            Assert.Equal(request.Decide(Policy, subject.ToSubject()), decision);
        }
        catch (PrivacyRequestException e)
        {
            Assert.StartsWith("unknown-", e.Code, StringComparison.Ordinal);
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void Evaluator_IsDeterministic(PolicyRequest request, GeneratedSubject subject)
        => Assert.Equal(request.Decide(Policy, subject.ToSubject()), request.Decide(Recompiled, subject.ToSubject()));
}
