using System.Collections.Generic;
using System.Linq;
using Privacy;

namespace Samples.Notifications;

/// <summary>A message the service handed to its mail or SMS provider.</summary>
public sealed record SentMessage(string? SubjectId, MessageKindId Kind, ChannelId Channel);

/// <summary>
/// A small host service: sends a marketing campaign to a list of customers, asking the privacy gate first.
/// </summary>
public sealed class CampaignSender(IPrivacyGate gate)
{
    private static readonly MessageKindId Marketing = new("marketing");

    /// <summary>Sends the campaign on a channel; returns what left.</summary>
    public IReadOnlyList<SentMessage> Send(IEnumerable<DataSubject> customers, ChannelId channel)
    {
        var sent = new List<SentMessage>();
        foreach (var customer in customers)
        {
            // PLANTED BUG: to "save a gate call", customers whose latest stored event is a marketing
            // opt-in are assumed to be reachable. The history is not in time order, so an opt-out
            // stored before an older opt-in is overlooked.
            var assumedOptedIn = customer.Events.LastOrDefault()?.Kind == PrivacyEventKind.MarketingOptIn;
            if (assumedOptedIn || gate.MaySend(customer, Marketing, channel).Effect == Effect.Permit)
            {
                sent.Add(new SentMessage(customer.Id, Marketing, channel));
            }
        }

        return sent;
    }
}
