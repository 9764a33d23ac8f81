using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Privacy.Tests;

/// <summary>A request of any action on the built-in vocabulary, for properties that range over all five.</summary>
public sealed record AnyRequest(
    PrivacyAction Action, string Category, string Purpose, string Recipient, string Reason, string Message, string Channel,
    Instant At, Instant CollectedAt, ImmutableArray<string> Grounds, RequestContext Context)
{
    public static Gen<AnyRequest> Generator(Gen<string> categories) =>
        from action in Gen.Elements(System.Enum.GetValues<PrivacyAction>())
        from category in categories
        from purpose in Gen.Elements(BuiltInVocabulary.Purposes)
        from recipient in Gen.Elements(BuiltInVocabulary.Recipients)
        from reason in Gen.Elements(BuiltInVocabulary.Reasons)
        from message in Gen.Elements(BuiltInVocabulary.Messages)
        from channel in Gen.Elements(BuiltInVocabulary.Channels)
        from at in BuiltInVocabulary.Instants
        from age in Gen.Choose(0, 60 * 24 * 800)
        from grounds in Gen.SubListOf(BuiltInVocabulary.Grounds)
        from context in BuiltInVocabulary.Contexts
        select new AnyRequest(action, category, purpose, recipient, reason, message, channel, at, at - Duration.FromMinutes(age), [.. grounds], context);

    public PrivacyDecision Decide(IPrivacyEvaluator evaluator, DataSubject subject) => Action switch
    {
        PrivacyAction.Collect => evaluator.Decide(new CollectRequest(new(Category), new(Purpose), At, Context), subject),
        PrivacyAction.Use => evaluator.Decide(new UseRequest(new(Category), new(Purpose), At, Context), subject),
        PrivacyAction.Disclose => evaluator.Decide(new DiscloseRequest(new(Category), new(Recipient), new(Reason), At, Context), subject),
        PrivacyAction.Communicate => evaluator.Decide(new CommunicateRequest(new(Message), new(Channel), At, Context), subject),
        _ => evaluator.Decide(new RetainRequest(new(Category), CollectedAt, At, [.. Grounds.Select(g => new RetentionGroundId(g))]), subject),
    };

    public override string ToString()
        => $"{Action} {Category} purpose={Purpose} to={Recipient}/{Reason} msg={Message}/{Channel} at={At} collected={CollectedAt} grounds=[{string.Join(",", Grounds)}] {Context}";
}

/// <summary>A subject with a generated history, printable in a counterexample.</summary>
public sealed record GeneratedSubject(bool HasEmail, ImmutableArray<PrivacyEvent> Events)
{
    public static Gen<GeneratedSubject> Generator =>
        from hasEmail in ArbMap.Default.GeneratorFor<bool>()
        from events in BuiltInVocabulary.Histories
        select new GeneratedSubject(hasEmail, [.. events]);

    public DataSubject ToSubject() => new("s-1", HasEmail, Events);

    public override string ToString() => $"hasEmail={HasEmail} events=[{string.Join("; ", Events.Select(e => $"{e.Kind.ToName()}@{e.At} {e.Purpose} {e.Recipient}"))}]";
}
