using System.Collections.Immutable;
using NodaTime;
using Privacy.Compilation;

namespace Privacy.Cli.Requests;

/// <summary>A request line checked against the policy: every id resolved to its dense id.</summary>
internal sealed record ParsedRequest(
    string? Id,
    PrivacyAction Action,
    Instant At,
    int Category,
    int Purpose,
    int Recipient,
    int Reason,
    int Message,
    int Channel,
    Instant CollectedAt,
    ImmutableArray<int> Grounds,
    SubjectFacts Subject,
    RequestContext Context)
{
    public PrivacyDecision Decide(CompiledPolicy policy) => Action switch
    {
        PrivacyAction.Collect => policy.DecideCollect(Category, Purpose, Subject, Context),
        PrivacyAction.Use => policy.DecideUse(Category, Purpose, Subject, Context),
        PrivacyAction.Disclose => policy.DecideDisclose(Category, Recipient, Reason, Subject, Context),
        PrivacyAction.Communicate => policy.DecideCommunicate(Message, Channel, Subject, Context),
        _ => policy.DecideRetain(Category, CollectedAt, At, Subject, Grounds.AsSpan()),
    };
}
