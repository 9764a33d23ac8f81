using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Xunit;
using Privacy.BuiltIn;
using Privacy.Compilation;
using Privacy.Testing.Generators;
using Privacy.Testing.Invariants;

namespace Privacy.Testing.Tests.Readme;

/// <summary>The README's Privacy.Testing snippet, as written.</summary>
public static class Arbs
{
    public static readonly PolicyArbitraries Policy = new(BuiltInPolicies.IsmartviewPro2018Compiled);

    public static Arbitrary<PolicyRequest> Requests() => Policy.Requests;

    public static Arbitrary<GeneratedSubject> Subjects() => Policy.Subjects;
}

/// <summary>A host's evaluator: caches message decisions per subject state (correctly keyed).</summary>
public sealed class OurCachingEvaluator(CompiledPolicy policy) : IPrivacyEvaluator
{
    private readonly ConcurrentDictionary<(MessageKindId, ChannelId, SubjectState?), PrivacyDecision> _messages = new();

    public string PolicyId => policy.PolicyId;

    public PrivacyDecision Decide(in CollectRequest request, SubjectState? subject) => policy.Decide(request, subject);

    public PrivacyDecision Decide(in UseRequest request, SubjectState? subject) => policy.Decide(request, subject);

    public PrivacyDecision Decide(in DiscloseRequest request, SubjectState? subject) => policy.Decide(request, subject);

    public PrivacyDecision Decide(in CommunicateRequest request, SubjectState? subject)
    {
        var copy = request;
        return _messages.GetOrAdd((request.Message, request.Channel, subject), _ => policy.Decide(copy, subject));
    }

    public PrivacyDecision Decide(in RetainRequest request, SubjectState? subject) => policy.Decide(request, subject);
}

public class OurEvaluatorProperties
{
    [Property(Arbitrary = [typeof(Arbs)])]
    public void OurWrapper_KeepsEveryInvariant(PolicyRequest request, GeneratedSubject subject)
        => PrivacyInvariants.All(Arbs.Policy.Policy, new OurCachingEvaluator(Arbs.Policy.Policy), request, subject.ToSubject());
}
