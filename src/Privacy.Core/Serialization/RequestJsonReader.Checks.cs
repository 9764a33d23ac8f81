using System;
using System.Collections.Immutable;
using Privacy.Compilation;

namespace Privacy.Serialization;

/// <summary>
/// The second step: the values of a request read in the first, checked in the order the contract lists
/// the fields, so that a request with several faults always reports the same one first.
/// </summary>
internal sealed partial class RequestJsonReader
{
    private PrivacyRequest Check()
    {
        var d = _raw;
        var v = _vocabulary;
        RequestValues.RejectUnknown(d.Unknown, string.Empty);
        var action = d.Action >= 0 ? (PrivacyAction)d.Action : ParseAction(d.ActionText);
        var at = d.At.Resolve("at");

        // Every id present is checked, even where the action ignores it: an unknown id is always an error.
        var category = Optional(d.Category, "category", v?.Categories, "category", required: action != PrivacyAction.Communicate);
        var purpose = Optional(d.Purpose, "purpose", v?.Purposes, "purpose", required: action is PrivacyAction.Collect or PrivacyAction.Use);
        var recipient = Optional(d.Recipient, "recipient", v?.Recipients, "recipient", required: action == PrivacyAction.Disclose);
        var reason = Optional(d.Reason, "reason", v?.Reasons, "reason", required: action == PrivacyAction.Disclose);
        var message = Optional(d.Message, "message", v?.Messages, "message", required: action == PrivacyAction.Communicate);
        var channel = Optional(d.Channel, "channel", v?.Channels, "channel", required: action == PrivacyAction.Communicate);
        var collectedAt = action == PrivacyAction.Retain || d.CollectedAt.Present ? d.CollectedAt.Resolve("collectedAt") : default;
        var grounds = Grounds(d, v, keep: action == PrivacyAction.Retain);
        RequestValues.RejectUnknown(d.ContextUnknown, "context.");
        var context = new RequestContext(d.LocationFeatureInUse ?? false, d.ConfidentialityAgreement ?? false);
        var subject = d.HasSubject ? Subject(d.Subject, v) : null;
        return action switch
        {
            PrivacyAction.Collect => new PrivacyRequest(new CollectRequest(new DataCategoryId(category!), new PurposeId(purpose!), at, context), subject, d.Id),
            PrivacyAction.Use => new PrivacyRequest(new UseRequest(new DataCategoryId(category!), new PurposeId(purpose!), at, context), subject, d.Id),
            PrivacyAction.Disclose => new PrivacyRequest(new DiscloseRequest(new DataCategoryId(category!), new RecipientId(recipient!), new DisclosureReasonId(reason!), at, context), subject, d.Id),
            PrivacyAction.Communicate => new PrivacyRequest(new CommunicateRequest(new MessageKindId(message!), new ChannelId(channel!), at, context), subject, d.Id),
            _ => new PrivacyRequest(new RetainRequest(new DataCategoryId(category!), collectedAt, at, grounds), subject, d.Id),
        };
    }

    /// <summary>The wire name of an action: <c>missing-field</c> when null or empty, <c>unknown-action</c> when not one of the five.</summary>
    internal static PrivacyAction ParseAction(string? text)
    {
        var index = Array.IndexOf(ActionNames, RequestValues.Required(text, "action"));
        return index >= 0
            ? (PrivacyAction)index
            : throw new PrivacyRequestException("unknown-action", "action", $"Unknown action '{text}'; use one of {string.Join(", ", ActionNames)}.");
    }

    /// <summary>The wire name of an action (<c>use</c>).</summary>
    internal static string ActionName(PrivacyAction action) => ActionNames[(int)action];

    private static string? Optional(string? id, string field, IdTable? table, string kind, bool required)
        => id is null && !required ? null : RequestValues.Id(id, field, table, kind);

    private static ImmutableArray<RetentionGroundId> Grounds(RawRequest d, CompiledVocabulary? v, bool keep)
    {
        if (!d.HasGrounds || d.Grounds.Count == 0)
        {
            return [];
        }

        var grounds = keep ? ImmutableArray.CreateBuilder<RetentionGroundId>(d.Grounds.Count) : null;
        for (var i = 0; i < d.Grounds.Count; i++)
        {
            var ground = RequestValues.Id(d.Grounds[i], GroundField(i), v?.Grounds, "ground");
            grounds?.Add(new RetentionGroundId(ground));
        }

        return grounds?.MoveToImmutable() ?? [];
    }

    private static DataSubject Subject(RawSubject s, CompiledVocabulary? v)
    {
        RequestValues.RejectUnknown(s.Unknown, "subject.");
        SubjectValues.CheckId(s.Id, "subject");
        var events = new PrivacyEvent[s.Events.Count];
        for (var i = 0; i < events.Length; i++)
        {
            var path = EventPath(i);
            var e = s.Events[i] ?? throw new PrivacyRequestException("missing-field", path, $"'{path}' is null; each event is an object with 'type' and 'at'.");
            if (e.Unknown.Count > 0)
            {
                RequestValues.RejectUnknown(e.Unknown, path + ".");
            }

            events[i] = SubjectValues.Event(e.Type, e.At, e.Purpose, e.Recipient, e.Version, v, path);
        }

        return new DataSubject(s.Id, s.HasEmail ?? false, events);
    }
}
