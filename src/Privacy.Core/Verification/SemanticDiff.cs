using System;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using Privacy.Compilation;

namespace Privacy.Verification;

/// <summary>One combination whose outcome differs between two versions of a policy.</summary>
/// <param name="Cell">The combination.</param>
/// <param name="Old">The outcome under the old version, for example <c>permit [use.contact]</c>, <c>retain P6M [k]</c> or <c>unknown id</c>.</param>
/// <param name="New">The outcome under the new version.</param>
public sealed record SemanticChange(DecisionCell Cell, string Old, string New)
{
    /// <summary>Describes the change.</summary>
    /// <returns>For example <c>use personal.email for marketing.own when consent: permit [k] -> deny [k2]</c>.</returns>
    public override string ToString() => $"{Cell}: {Old} -> {New}";
}

/// <summary>
/// The semantic difference between two versions of a policy: every combination of the finite domain
/// (as <see cref="PolicyVerifier"/> enumerates it, over the union of both vocabularies) whose effect,
/// or retention deadline, differs.
/// </summary>
/// <remarks>
/// Rule decisions compare effects; an id one version does not know is an error there (<c>unknown id</c>),
/// which never permits. Retention compares, per category, situation and ground, the effect 60 days after
/// a reference collection and the deadline as a period from collection in the policy's zone.
/// </remarks>
public static class SemanticDiff
{
    /// <summary>Lists the combinations that change between two versions.</summary>
    /// <param name="older">The version in force.</param>
    /// <param name="newer">The new version.</param>
    /// <returns>The changes, in enumeration order (action, then ids, then conditions).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ImmutableArray<SemanticChange> Compare(CompiledPolicy older, CompiledPolicy newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var a = new Side(older);
        var b = new Side(newer);
        static string[] Union(Func<CompiledVocabulary, IdTable> table, CompiledPolicy x, CompiledPolicy y)
            => [.. table(x.Vocabulary).ToList().Concat(table(y.Vocabulary).ToList()).Distinct(StringComparer.Ordinal)];
        var categories = Union(v => v.Categories, older, newer);
        var purposes = Union(v => v.Purposes, older, newer);
        var recipients = Union(v => v.Recipients, older, newer);
        var reasons = Union(v => v.Reasons, older, newer);
        var messages = Union(v => v.Messages, older, newer);
        var channels = Union(v => v.Channels, older, newer);
        var changes = ImmutableArray.CreateBuilder<SemanticChange>();

        void Compare(DecisionCell cell)
        {
            var (x, y) = (a.Outcome(cell), b.Outcome(cell));
            if (x.Key != y.Key)
            {
                changes.Add(new SemanticChange(cell, x.Text, y.Text));
            }
        }

        foreach (var action in new[] { PrivacyAction.Collect, PrivacyAction.Use })
        {
            foreach (var c in categories)
            {
                foreach (var p in purposes)
                {
                    foreach (var conditions in Domain.ConditionsFor(action))
                    {
                        Compare(new DecisionCell(action, Category: c, Purpose: p, Conditions: conditions));
                    }
                }
            }
        }

        foreach (var c in categories)
        {
            foreach (var r in recipients)
            {
                foreach (var s in reasons)
                {
                    foreach (var conditions in Domain.ConditionsFor(PrivacyAction.Disclose))
                    {
                        Compare(new DecisionCell(PrivacyAction.Disclose, Category: c, Recipient: r, Reason: s, Conditions: conditions));
                    }
                }
            }
        }

        foreach (var m in messages)
        {
            foreach (var h in channels)
            {
                foreach (var conditions in Domain.ConditionsFor(PrivacyAction.Communicate))
                {
                    Compare(new DecisionCell(PrivacyAction.Communicate, Message: m, Channel: h, Conditions: conditions));
                }
            }
        }

        var grounds = new[] { "none" }.Concat(older.Vocabulary.Grounds.ToList().Concat(newer.Vocabulary.Grounds.ToList()).Distinct(StringComparer.Ordinal));
        foreach (var c in categories)
        {
            foreach (var (situation, _, _) in Domain.Situations())
            {
                foreach (var g in grounds)
                {
                    Compare(new DecisionCell(PrivacyAction.Retain, Category: c, Situation: situation, Grounds: g));
                }
            }
        }

        return changes.ToImmutable();
    }

    private sealed class Side(CompiledPolicy policy)
    {
        private readonly Domain _domain = new(policy);

        /// <summary>The outcome of a cell: a key to compare and a text to show.</summary>
        public (string Key, string Text) Outcome(DecisionCell cell)
        {
            try
            {
                if (cell.Action == PrivacyAction.Retain)
                {
                    return Retention(cell);
                }

                var state = _domain.StateFor(cell.Conditions & Domain.SubjectConditions);
                var context = Domain.ContextFor(cell.Conditions);
                var decision = cell.Action switch
                {
                    PrivacyAction.Collect => policy.Decide(new CollectRequest(new(cell.Category!), new(cell.Purpose!), Domain.At, context), state),
                    PrivacyAction.Use => policy.Decide(new UseRequest(new(cell.Category!), new(cell.Purpose!), Domain.At, context), state),
                    PrivacyAction.Disclose => policy.Decide(new DiscloseRequest(new(cell.Category!), new(cell.Recipient!), new(cell.Reason!), Domain.At, context), state),
                    _ => policy.Decide(new CommunicateRequest(new(cell.Message!), new(cell.Channel!), Domain.At, context), state),
                };
                return (decision.Effect.ToString(), Show(decision));
            }
            catch (PrivacyRequestException e)
            {
                return ("unknown", $"unknown id ({e.Code})");
            }
        }

        private (string Key, string Text) Retention(DecisionCell cell)
        {
            var collected = _domain.CollectedAt[0];
            var at = collected + Duration.FromDays(60);
            var (_, make, _) = Domain.Situations().First(s => s.Name == cell.Situation);
            ImmutableArray<RetentionGroundId> grounds = cell.Grounds == "none" ? [] : [new RetentionGroundId(cell.Grounds!)];
            var decision = policy.Decide(new RetainRequest(new(cell.Category!), collected, at, grounds), make(collected).StateAt(at));
            var zone = policy.TimeZone;
            var period = decision.Deadline is { } d
                ? Period.Between(collected.InZone(zone).LocalDateTime, d.InZone(zone).LocalDateTime, PeriodUnits.YearMonthDay | PeriodUnits.HourMinuteSecond).Normalize().ToString()
                : "no deadline";
            var effect = decision.Effect.ToString().ToLowerInvariant();
            return ($"{decision.Effect} {period}", $"{effect}, deadline {(decision.Deadline is null ? "none" : $"collection + {period}")} [{string.Join(", ", decision.Clauses)}]");
        }

        private static string Show(PrivacyDecision decision) => $"{decision.Effect.ToString().ToLowerInvariant()} [{string.Join(", ", decision.Clauses)}]";
    }
}
