using System;
using System.Collections.Immutable;
using Privacy.Internal;

namespace Privacy.Policies;

/// <summary>The selector fields of a rule, and the fields of a request an action carries.</summary>
[Flags]
internal enum RuleFields
{
    /// <summary>No field.</summary>
    None = 0,

    /// <summary><c>categories</c> and <c>classes</c>: the request's data category.</summary>
    Data = 1,

    /// <summary><c>purposes</c>: the request's purpose.</summary>
    Purposes = 2,

    /// <summary><c>recipients</c>: the request's recipient.</summary>
    Recipients = 4,

    /// <summary><c>reasons</c>: the request's disclosure reason.</summary>
    Reasons = 8,

    /// <summary><c>messages</c>: the request's message kind.</summary>
    Messages = 16,

    /// <summary><c>channels</c>: the request's channel.</summary>
    Channels = 32,

    /// <summary><c>exceptPurposes</c>: read from the request's purpose.</summary>
    ExceptPurposes = 64,

    /// <summary><c>exceptReasons</c>: read from the request's disclosure reason.</summary>
    ExceptReasons = 128,

    /// <summary>The selectors that say what a rule reaches (every field but the exceptions).</summary>
    Selectors = Data | Purposes | Recipients | Reasons | Messages | Channels,
}

/// <summary>
/// The one reading of which requests a rule applies to, shared by the compiler, the analyzer and the
/// reference evaluator, so that they cannot disagree.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Each action carries some fields (<see cref="Reads"/>): collect and use a category and a
/// purpose; disclose a category, a recipient and a reason; communicate a message and a channel.
/// Rules do not decide <c>retain</c> (retention rules do).</item>
/// <item>A rule applies to an action it names. When it also names a selector the action does not
/// carry (purposes on a disclosure, say), the rule cannot be checked against that action's requests,
/// and the reading fails closed: a permission does not apply to that action at all (it never
/// permits what it cannot check), and a prohibition applies with that selector left out (it denies
/// every such request). Neither is silent: the analyzer reports each case as
/// <c>ignored-selector</c>, an error for a permission and a warning for a prohibition.</item>
/// <item>A selector that the action carries matches when the request's id equals or lies below one
/// of the ids it lists (a data class matches the categories of that class); an absent selector
/// matches every id.</item>
/// <item>An exception (<c>exceptPurposes</c>, <c>exceptReasons</c>) exempts a request from a
/// prohibition when the action carries that field and the request's id lies within one it lists;
/// on an action without the field it exempts nothing.</item>
/// </list>
/// </remarks>
internal static class RuleSemantics
{
    /// <summary>The fields a request of an action carries.</summary>
    public static RuleFields Reads(PrivacyAction action) => action switch
    {
        PrivacyAction.Collect or PrivacyAction.Use => RuleFields.Data | RuleFields.Purposes | RuleFields.ExceptPurposes,
        PrivacyAction.Disclose => RuleFields.Data | RuleFields.Recipients | RuleFields.Reasons | RuleFields.ExceptReasons,
        PrivacyAction.Communicate => RuleFields.Messages | RuleFields.Channels,
        _ => RuleFields.None,
    };

    /// <summary>Whether rules decide an action at all: every action but <c>retain</c>.</summary>
    public static bool DecidedByRules(PrivacyAction action) => action is PrivacyAction.Collect or PrivacyAction.Use or PrivacyAction.Disclose or PrivacyAction.Communicate;

    /// <summary>The selector and exception fields a rule lists.</summary>
    public static RuleFields Names(PolicyRule rule)
    {
        var fields = RuleFields.None;
        fields |= !rule.Categories.IsEmpty || !rule.DataClasses.IsEmpty ? RuleFields.Data : RuleFields.None;
        fields |= !rule.Purposes.IsEmpty ? RuleFields.Purposes : RuleFields.None;
        fields |= !rule.Recipients.IsEmpty ? RuleFields.Recipients : RuleFields.None;
        fields |= !rule.Reasons.IsEmpty ? RuleFields.Reasons : RuleFields.None;
        fields |= !rule.Messages.IsEmpty ? RuleFields.Messages : RuleFields.None;
        fields |= !rule.Channels.IsEmpty ? RuleFields.Channels : RuleFields.None;
        fields |= !rule.ExceptPurposes.IsEmpty ? RuleFields.ExceptPurposes : RuleFields.None;
        fields |= !rule.ExceptReasons.IsEmpty ? RuleFields.ExceptReasons : RuleFields.None;
        return fields;
    }

    /// <summary>The fields a rule lists that a request of the action does not carry.</summary>
    public static RuleFields Unread(PolicyRule rule, PrivacyAction action) => Names(rule) & ~Reads(action);

    /// <summary>Whether a rule takes part in deciding an action's requests.</summary>
    /// <returns>True when the rule names the action, rules decide it, and the rule is a prohibition or a permission whose every selector the action carries.</returns>
    public static bool AppliesTo(PolicyRule rule, PrivacyAction action)
        => DecidedByRules(action)
            && rule.Governs(action)
            && (rule.Effect == RuleEffect.Prohibit || (Unread(rule, action) & RuleFields.Selectors) == RuleFields.None);

    /// <summary>Whether a selector of an action's field matches a request's id.</summary>
    /// <typeparam name="TId">The selector's id type.</typeparam>
    /// <param name="action">The action.</param>
    /// <param name="field">The selector's field.</param>
    /// <param name="selector">The ids the selector lists.</param>
    /// <param name="value">The string form of a listed id.</param>
    /// <param name="id">The request's id for the field.</param>
    /// <returns>True when the action does not carry the field, the selector is empty, or the id lies within one it lists.</returns>
    public static bool Selects<TId>(PrivacyAction action, RuleFields field, ImmutableArray<TId> selector, Func<TId, string> value, string? id)
    {
        if ((Reads(action) & field) == RuleFields.None || selector.IsEmpty)
        {
            return true;
        }

        if (id is null)
        {
            return false;
        }

        foreach (var s in selector)
        {
            if (IdSyntax.IsWithin(id, value(s)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a rule's selectors match a request of an action, conditions and exceptions aside.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="action">The action.</param>
    /// <param name="request">The request's ids; those the action does not carry are ignored.</param>
    /// <returns>True when the rule applies to the action and every selector the action carries matches.</returns>
    public static bool Matches(PolicyRule rule, PrivacyAction action, in RuleRequest request)
        => AppliesTo(rule, action)
            && ((Reads(action) & RuleFields.Data) == RuleFields.None || request.Category is not { } category || rule.CoversCategory(category.Id, category.Class))
            && Selects(action, RuleFields.Purposes, rule.Purposes, static x => x.Value, request.Purpose)
            && Selects(action, RuleFields.Recipients, rule.Recipients, static x => x.Value, request.Recipient)
            && Selects(action, RuleFields.Reasons, rule.Reasons, static x => x.Value, request.Reason)
            && Selects(action, RuleFields.Messages, rule.Messages, static x => x.Value, request.Message)
            && Selects(action, RuleFields.Channels, rule.Channels, static x => x.Value, request.Channel);

    /// <summary>Whether a prohibition's exceptions exempt a request of an action.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="action">The action.</param>
    /// <param name="request">The request's ids.</param>
    /// <returns>True when the action carries an excepted field and the request's id lies within one it lists.</returns>
    public static bool Exempts(PolicyRule rule, PrivacyAction action, in RuleRequest request)
        => ((Reads(action) & RuleFields.ExceptPurposes) != RuleFields.None && request.Purpose is { } p && AnyWithin(p, rule.ExceptPurposes, static x => x.Value))
            || ((Reads(action) & RuleFields.ExceptReasons) != RuleFields.None && request.Reason is { } s && AnyWithin(s, rule.ExceptReasons, static x => x.Value));

    /// <summary>Whether <paramref name="id"/> lies within any of <paramref name="ids"/>; allocates nothing, as the analysis asks it millions of times.</summary>
    private static bool AnyWithin<TId>(string id, ImmutableArray<TId> ids, Func<TId, string> value)
    {
        foreach (var e in ids)
        {
            if (IdSyntax.IsWithin(id, value(e)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The document names of fields, for messages: <c>purposes</c>, <c>recipients</c>…</summary>
    public static string Describe(RuleFields fields, PolicyRule rule)
    {
        var names = new System.Collections.Generic.List<string>();
        if (fields.HasFlag(RuleFields.Data))
        {
            names.Add(rule.Categories.IsEmpty ? "classes" : "categories");
        }

        foreach (var (field, name) in new[]
        {
            (RuleFields.Purposes, "purposes"), (RuleFields.Recipients, "recipients"), (RuleFields.Reasons, "reasons"),
            (RuleFields.Messages, "messages"), (RuleFields.Channels, "channels"), (RuleFields.ExceptPurposes, "exceptPurposes"),
            (RuleFields.ExceptReasons, "exceptReasons"),
        })
        {
            if (fields.HasFlag(field))
            {
                names.Add(name);
            }
        }

        return string.Join(", ", names);
    }
}

/// <summary>The ids of a request as <see cref="RuleSemantics"/> matches them; an id the action does not carry is null.</summary>
/// <param name="Category">The data category, with its class.</param>
/// <param name="Purpose">The purpose.</param>
/// <param name="Recipient">The recipient.</param>
/// <param name="Reason">The disclosure reason.</param>
/// <param name="Message">The message kind.</param>
/// <param name="Channel">The channel.</param>
internal readonly record struct RuleRequest(DataCategory? Category, string? Purpose, string? Recipient, string? Reason, string? Message, string? Channel);
