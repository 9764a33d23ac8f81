using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Privacy.Breach;
using Privacy.Compilation;

namespace Privacy.Testing.Generators;

/// <summary>
/// FsCheck generators, with shrinking, for any compiled policy: ids of each kind drawn from its
/// vocabulary, instants that cross clock changes and month ends in its time zone, subjects with
/// histories, requests of every action, stored records and breach incidents.
/// </summary>
/// <remarks>
/// <para>Every arbitrary shrinks towards something simpler a person can read: ids towards their
/// parent and the first id of the vocabulary, instants towards <see cref="Epoch"/>, histories by
/// dropping events, requests field by field. A counterexample therefore comes out minimal.</para>
/// <para>To use them with an attribute-driven runner (FsCheck.Xunit, FsCheck.NUnit), expose them
/// from a static class, for example
/// <c>public static Arbitrary&lt;PolicyRequest&gt; Requests() => Arbs.Requests;</c> with
/// <c>static readonly PolicyArbitraries Arbs = new(myCompiledPolicy);</c>. Thread-safe.</para>
/// </remarks>
public sealed class PolicyArbitraries
{
    /// <summary>The default <see cref="Epoch"/>: 2026-01-01T00:00:00Z.</summary>
    public static readonly Instant DefaultEpoch = Instant.FromUtc(2026, 1, 1, 0, 0);

    private static readonly PrivacyEventKind[] Kinds = Enum.GetValues<PrivacyEventKind>();
    private static readonly PrivacyAction[] Actions = Enum.GetValues<PrivacyAction>();
    private readonly int _spanMinutes;
    private readonly int[] _landmarks;
    private readonly CompiledVocabulary _v;

    /// <summary>Creates generators for a policy.</summary>
    /// <param name="policy">The compiled policy whose vocabulary and time zone the values use.</param>
    /// <param name="epoch">The earliest instant generated, and where instants shrink to; <see cref="DefaultEpoch"/> when null.</param>
    /// <param name="span">How far after <paramref name="epoch"/> instants reach; two years when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="span"/> is under a minute or over 20 years.</exception>
    public PolicyArbitraries(CompiledPolicy policy, Instant? epoch = null, Duration? span = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
        Epoch = epoch ?? DefaultEpoch;
        var length = span ?? Duration.FromDays(730);
        if (length < Duration.FromMinutes(1) || length > Duration.FromDays(7305))
        {
            throw new ArgumentException("The span must be between a minute and 20 years.", nameof(span));
        }

        _spanMinutes = (int)length.TotalMinutes;
        _v = policy.Vocabulary;
        _landmarks = Landmarks(policy.TimeZone, Epoch, Epoch + length).Select(i => (int)(i - Epoch).TotalMinutes).Where(m => m >= 0 && m <= _spanMinutes).Distinct().Order().ToArray();
        Landmark = [.. _landmarks.Select(m => Epoch + Duration.FromMinutes(m))];

        Categories = IdArbitrary(_v.Categories, s => new DataCategoryId(s), id => id.Value);
        Purposes = IdArbitrary(_v.Purposes, s => new PurposeId(s), id => id.Value);
        Recipients = IdArbitrary(_v.Recipients, s => new RecipientId(s), id => id.Value);
        Reasons = IdArbitrary(_v.Reasons, s => new DisclosureReasonId(s), id => id.Value);
        Messages = IdArbitrary(_v.Messages, s => new MessageKindId(s), id => id.Value);
        Channels = IdArbitrary(_v.Channels, s => new ChannelId(s), id => id.Value);
        Grounds = Shrink.Arbitrary(
            _v.Grounds.Count == 0 ? Gen.Constant(ImmutableArray<RetentionGroundId>.Empty) : Gen.SubListOf(_v.Grounds.ToList().Select(g => new RetentionGroundId(g)).ToArray()).Select(g => g.ToImmutableArray()),
            g => Shrink.Array(g, Shrink.None));
        Instants = Shrink.Arbitrary(InstantGen(), ShrinkInstant);
        Contexts = Shrink.Arbitrary(
            from location in Gen.Elements(false, true) from confidentiality in Gen.Elements(false, true) select new RequestContext(location, confidentiality),
            c => c == default ? [] : [default]);
        Events = Shrink.Arbitrary(EventGen(), ShrinkEvent);
        Histories = Shrink.Arbitrary(HistoryGen(), h => Shrink.Array(h, ShrinkEvent));
        Subjects = Shrink.Arbitrary(
            from n in Gen.Choose(1, 999) from hasEmail in Gen.Elements(true, false) from history in Histories.Generator select new GeneratedSubject($"u-{n}", hasEmail, history),
            s => Shrink.Array(s.Events, ShrinkEvent).Select(s.WithEvents));
        var askable = Actions.Where(Askable).ToArray();
        Requests = Shrink.Arbitrary(askable.Length == 0 ? Gen.Fresh<PolicyRequest>(() => throw new InvalidOperationException("The policy's vocabulary is too small to ask anything.")) : Gen.Elements(askable).SelectMany(RequestGen), ShrinkRequest);
        Records = Shrink.Arbitrary(RecordGen(Gen.Choose(0, 99).Select(i => $"rec-{i}")), ShrinkRecord);
        RecordSets = Shrink.Arbitrary(
            Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(RecordGen(Gen.Constant("rec")), n)).Select(r => r.Select((x, i) => new StoredRecord($"rec-{i}", x.Category, x.CollectedAt, x.Purposes, x.DisclosedTo, x.Grounds)).ToImmutableArray()),
            r => Shrink.Array(r, ShrinkRecord));
        Incidents = Shrink.Arbitrary(IncidentGen(), ShrinkIncident);
    }

    /// <summary>Gets the policy the values are drawn from.</summary>
    /// <value>The compiled policy.</value>
    public CompiledPolicy Policy { get; }

    /// <summary>Gets the earliest instant generated; instants shrink towards it.</summary>
    /// <value>The epoch.</value>
    public Instant Epoch { get; }

    /// <summary>Gets the instants the generators favour: each clock change in the policy's zone and each local month start, within the span.</summary>
    /// <value>In order.</value>
    public ImmutableArray<Instant> Landmark { get; }

    /// <summary>Gets data categories of the vocabulary, parents and children alike; shrinks towards the parent.</summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<DataCategoryId> Categories { get; }

    /// <summary>Gets purposes of the vocabulary; shrinks towards the parent.</summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<PurposeId> Purposes { get; }

    /// <summary>Gets recipients of the vocabulary.</summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<RecipientId> Recipients { get; }

    /// <summary>Gets disclosure reasons of the vocabulary.</summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<DisclosureReasonId> Reasons { get; }

    /// <summary>Gets message kinds of the vocabulary.</summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<MessageKindId> Messages { get; }

    /// <summary>Gets channels of the vocabulary.</summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<ChannelId> Channels { get; }

    /// <summary>Gets sets of the policy's retention grounds (possibly empty); shrinks by dropping grounds.</summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<ImmutableArray<RetentionGroundId>> Grounds { get; }

    /// <summary>Gets instants on whole minutes within the span, half of them within two hours of a clock change or a month start in the policy's zone; shrinks towards <see cref="Epoch"/>.</summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<Instant> Instants { get; }

    /// <summary>Gets request contexts; shrinks towards none.</summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<RequestContext> Contexts { get; }

    /// <summary>Gets single events of every kind on the vocabulary.</summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<PrivacyEvent> Events { get; }

    /// <summary>
    /// Gets histories: random events, consent withdrawn and granted again for one purpose or recipient,
    /// ties (two opposite events at one instant), erasure requests and legal holds; shrinks by dropping events.
    /// </summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<ImmutableArray<PrivacyEvent>> Histories { get; }

    /// <summary>Gets subjects with histories; shrinks the history.</summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<GeneratedSubject> Subjects { get; }

    /// <summary>Gets requests of every action on the vocabulary; shrinks field by field.</summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<PolicyRequest> Requests { get; }

    /// <summary>Gets stored records on the vocabulary, collected within the span.</summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<StoredRecord> Records { get; }

    /// <summary>Gets sets of up to 12 stored records with distinct ids.</summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<ImmutableArray<StoredRecord>> RecordSets { get; }

    /// <summary>Gets breach incidents on the vocabulary's categories.</summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<BreachIncident> Incidents { get; }

    /// <summary>Requests of one action only.</summary>
    /// <remarks>Requests of every action draw only actions the vocabulary can ask about (a policy without recipients is asked no disclosure).</remarks>
    /// <param name="action">The action.</param>
    /// <returns>The arbitrary; shrinks field by field.</returns>
    public Arbitrary<PolicyRequest> RequestsOf(PrivacyAction action) => Shrink.Arbitrary(RequestGen(action), ShrinkRequest);

    /// <summary>Whether the vocabulary has every kind of id an action reads.</summary>
    private bool Askable(PrivacyAction action) => action switch
    {
        PrivacyAction.Collect or PrivacyAction.Use => _v.Categories.Count > 0 && _v.Purposes.Count > 0,
        PrivacyAction.Disclose => _v.Categories.Count > 0 && _v.Recipients.Count > 0 && _v.Reasons.Count > 0,
        PrivacyAction.Communicate => _v.Messages.Count > 0 && _v.Channels.Count > 0,
        _ => _v.Categories.Count > 0,
    };

    /// <summary>Clock changes and local month starts in a zone between two instants.</summary>
    internal static IEnumerable<Instant> Landmarks(DateTimeZone zone, Instant start, Instant end)
    {
        foreach (var interval in zone.GetZoneIntervals(start, end))
        {
            if (interval.HasStart && interval.Start > start)
            {
                yield return interval.Start;
            }
        }

        var month = start.InZone(zone).Date.With(DateAdjusters.StartOfMonth);
        for (var i = 0; i < 12 * 21; i++)
        {
            var first = zone.AtStartOfDay(month.PlusMonths(i)).ToInstant();
            if (first > end)
            {
                yield break;
            }

            if (first >= start)
            {
                yield return first;
            }
        }
    }

    private Arbitrary<T> IdArbitrary<T>(IdTable table, Func<string, T> make, Func<T, string> value)
    {
        var gen = table.Count == 0 ? Gen.Fresh<T>(() => throw new InvalidOperationException($"The policy has no {table.Kind} to generate.")) : Gen.Choose(0, table.Count - 1).Select(i => make(table[i]));
        return Shrink.Arbitrary(gen, id => table.TryGetIndex(value(id), out var i) ? Shrink.Id(table, i).Select(j => make(table[j])) : []);
    }

    private Gen<Instant> InstantGen()
    {
        var uniform = Gen.Choose(0, _spanMinutes);
        var near = _landmarks.Length == 0
            ? uniform
            : from landmark in Gen.Elements(_landmarks)
              from offset in Gen.Choose(-120, 120)
              select Math.Clamp(landmark + offset, 0, _spanMinutes);
        return Gen.Frequency((1, uniform), (1, near)).Select(m => Epoch + Duration.FromMinutes(m));
    }

    private IEnumerable<Instant> ShrinkInstant(Instant at)
    {
        var minutes = (long)Math.Floor((at - Epoch).TotalMinutes);
        if (minutes <= 0 || minutes > int.MaxValue)
        {
            return at > Epoch || at < Epoch ? [Epoch] : [];
        }

        var whole = Epoch + Duration.FromMinutes(minutes);
        var candidates = Shrink.NonNegative((int)minutes).Select(m => Epoch + Duration.FromMinutes(m));
        return whole != at ? candidates.Prepend(whole) : candidates;
    }

    private Gen<PrivacyEvent> EventGen()
    {
        var purposes = _v.Purposes.Count > 0 ? Purposes.Generator.Select(p => (PurposeId?)p) : Gen.Constant<PurposeId?>(null);
        var recipients = _v.Recipients.Count > 0 ? Recipients.Generator.Select(r => (RecipientId?)r) : Gen.Constant<RecipientId?>(null);
        return from kind in Gen.Frequency((3, Gen.Elements(PrivacyEventKind.ConsentGranted, PrivacyEventKind.ConsentWithdrawn)), (4, Gen.Elements(Kinds)))
               from at in Instants.Generator
               from purpose in purposes
               from recipient in recipients
               from which in Gen.Choose(0, 2)
               select MakeEvent(kind, at, purpose, recipient, which);
    }

    private PrivacyEvent MakeEvent(PrivacyEventKind kind, Instant at, PurposeId? purpose, RecipientId? recipient, int which)
    {
        switch (kind)
        {
            case PrivacyEventKind.ConsentGranted or PrivacyEventKind.ConsentWithdrawn:
                var p = which != 1 || recipient is null ? purpose : null;
                var r = which != 0 || p is null ? recipient : null;
                return p is null && r is null ? new PrivacyEvent(PrivacyEventKind.ServiceUsed, at) : new PrivacyEvent(kind, at, p, r);
            case PrivacyEventKind.PolicyAccepted or PrivacyEventKind.PolicyNotified:
                return new PrivacyEvent(kind, at, version: Policy.Policy.Version);
            default:
                return new PrivacyEvent(kind, at);
        }
    }

    private Gen<ImmutableArray<PrivacyEvent>> HistoryGen()
    {
        var random = Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(EventGen(), n));

        // Consent given, withdrawn and given again for one matter, at increasing instants.
        var regrant =
            from e in EventGen().Where(e => e.Kind is PrivacyEventKind.ConsentGranted or PrivacyEventKind.ConsentWithdrawn)
            from gap1 in Gen.Choose(0, 60 * 24 * 30)
            from gap2 in Gen.Choose(0, 60 * 24 * 30)
            from times in Gen.Choose(1, 3)
            select Enumerable.Range(0, times).Select(i => new PrivacyEvent(
                i % 2 == 0 ? PrivacyEventKind.ConsentGranted : PrivacyEventKind.ConsentWithdrawn,
                e.At + Duration.FromMinutes(i == 0 ? 0 : i == 1 ? gap1 : gap1 + gap2), e.Purpose, e.Recipient)).ToArray();

        // Two opposite events on one matter at the same instant.
        var tie =
            from e in EventGen()
            from kind in Gen.Elements(PrivacyEventKind.MarketingOptOut, PrivacyEventKind.ConsentGranted, PrivacyEventKind.LegalHoldPlaced)
            select kind switch
            {
                PrivacyEventKind.MarketingOptOut => new[] { PrivacyEvent.MarketingOptOut(e.At), PrivacyEvent.MarketingOptIn(e.At) },
                PrivacyEventKind.LegalHoldPlaced => new[] { PrivacyEvent.LegalHoldPlaced(e.At), PrivacyEvent.LegalHoldReleased(e.At) },
                _ when e.Purpose is not null || e.Recipient is not null => new[] { new PrivacyEvent(PrivacyEventKind.ConsentGranted, e.At, e.Purpose, e.Recipient), new PrivacyEvent(PrivacyEventKind.ConsentWithdrawn, e.At, e.Purpose, e.Recipient) },
                _ => new[] { PrivacyEvent.MarketingOptIn(e.At), PrivacyEvent.MarketingOptOut(e.At) },
            };

        var erasureOrHold =
            from at in Instants.Generator
            from kind in Gen.Elements(PrivacyEventKind.ErasureRequested, PrivacyEventKind.LegalHoldPlaced, PrivacyEventKind.AccountClosed)
            select new[] { new PrivacyEvent(kind, at) };

        var none = Gen.Constant(System.Array.Empty<PrivacyEvent>());
        return from a in random
               from b in Gen.Frequency((2, none), (1, regrant))
               from c in Gen.Frequency((3, none), (1, tie))
               from d in Gen.Frequency((3, none), (1, erasureOrHold))
               select a.Concat(b).Concat(c).Concat(d).ToImmutableArray();
    }

    private IEnumerable<PrivacyEvent> ShrinkEvent(PrivacyEvent e)
    {
        foreach (var at in ShrinkInstant(e.At))
        {
            yield return new PrivacyEvent(e.Kind, at, e.Purpose, e.Recipient, e.Version);
        }

        if (e.Purpose is { } purpose)
        {
            if (e.Recipient is not null)
            {
                yield return new PrivacyEvent(e.Kind, e.At, purpose: purpose, version: e.Version);
            }

            foreach (var p in Purposes.Shrinker(purpose))
            {
                yield return new PrivacyEvent(e.Kind, e.At, p, e.Recipient, e.Version);
            }
        }

        if (e.Recipient is { } recipient)
        {
            if (e.Purpose is not null)
            {
                yield return new PrivacyEvent(e.Kind, e.At, recipient: recipient, version: e.Version);
            }

            foreach (var r in Recipients.Shrinker(recipient))
            {
                yield return new PrivacyEvent(e.Kind, e.At, e.Purpose, r, e.Version);
            }
        }
    }

    private Gen<PolicyRequest> RequestGen(PrivacyAction action)
    {
        static Gen<T> Or<T>(int count, Arbitrary<T> arbitrary, T fallback) => count > 0 ? arbitrary.Generator : Gen.Constant(fallback);
        var reads = (category: action != PrivacyAction.Communicate, purpose: action is PrivacyAction.Collect or PrivacyAction.Use, disclose: action == PrivacyAction.Disclose, message: action == PrivacyAction.Communicate);
        return from category in reads.category ? Categories.Generator : Or(_v.Categories.Count, Categories, default)
               from purpose in reads.purpose ? Purposes.Generator : Or(_v.Purposes.Count, Purposes, default)
               from recipient in reads.disclose ? Recipients.Generator : Or(_v.Recipients.Count, Recipients, default)
               from reason in reads.disclose ? Reasons.Generator : Or(_v.Reasons.Count, Reasons, default)
               from message in reads.message ? Messages.Generator : Or(_v.Messages.Count, Messages, default)
               from channel in reads.message ? Channels.Generator : Or(_v.Channels.Count, Channels, default)
               from at in Instants.Generator
               from age in Gen.Frequency((3, Gen.Choose(0, 60 * 24 * 900)), (1, Gen.Choose(0, 120)))
               from grounds in Grounds.Generator
               from context in Contexts.Generator
               select new PolicyRequest(action, category, purpose, recipient, reason, message, channel, at, at - Duration.FromMinutes(age), grounds, context);
    }

    private IEnumerable<PolicyRequest> ShrinkRequest(PolicyRequest r)
    {
        foreach (var c in r.Context == default ? [] : Contexts.Shrinker(r.Context))
        {
            yield return r with { Context = c };
        }

        foreach (var g in Grounds.Shrinker(r.Grounds))
        {
            yield return r with { Grounds = g };
        }

        if (r.Action != PrivacyAction.Communicate && !r.Category.IsDefault)
        {
            foreach (var c in Categories.Shrinker(r.Category))
            {
                yield return r with { Category = c };
            }
        }

        if (r.Action is PrivacyAction.Collect or PrivacyAction.Use)
        {
            foreach (var p in Purposes.Shrinker(r.Purpose))
            {
                yield return r with { Purpose = p };
            }
        }

        if (r.Action == PrivacyAction.Disclose)
        {
            foreach (var x in Recipients.Shrinker(r.Recipient))
            {
                yield return r with { Recipient = x };
            }

            foreach (var x in Reasons.Shrinker(r.Reason))
            {
                yield return r with { Reason = x };
            }
        }

        if (r.Action == PrivacyAction.Communicate)
        {
            foreach (var x in Messages.Shrinker(r.Message))
            {
                yield return r with { Message = x };
            }

            foreach (var x in Channels.Shrinker(r.Channel))
            {
                yield return r with { Channel = x };
            }
        }

        var age = r.At - r.CollectedAt;
        foreach (var at in ShrinkInstant(r.At))
        {
            yield return r with { At = at, CollectedAt = at - age };
        }

        var minutes = (int)Math.Min(int.MaxValue, Math.Max(0, Math.Floor(age.TotalMinutes)));
        foreach (var m in Shrink.NonNegative(minutes))
        {
            yield return r with { CollectedAt = r.At - Duration.FromMinutes(m) };
        }
    }

    private Gen<StoredRecord> RecordGen(Gen<string> ids)
        => from id in ids
           from category in Categories.Generator
           from collected in Instants.Generator
           from purposes in _v.Purposes.Count == 0 ? Gen.Constant(System.Array.Empty<PurposeId>()) : Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(Purposes.Generator, n))
           from recipients in _v.Recipients.Count == 0 ? Gen.Constant(System.Array.Empty<RecipientId>()) : Gen.Choose(0, 1).SelectMany(n => Gen.ArrayOf(Recipients.Generator, n))
           from grounds in Gen.Frequency((3, Gen.Constant(ImmutableArray<RetentionGroundId>.Empty)), (1, Grounds.Generator))
           select new StoredRecord(id, category, collected, purposes.Distinct(), recipients.Distinct(), grounds);

    private IEnumerable<StoredRecord> ShrinkRecord(StoredRecord r)
    {
        StoredRecord With(DataCategoryId? category = null, Instant? collected = null, ImmutableArray<PurposeId>? purposes = null, ImmutableArray<RecipientId>? recipients = null, ImmutableArray<RetentionGroundId>? grounds = null)
            => new(r.Id, category ?? r.Category, collected ?? r.CollectedAt, purposes ?? r.Purposes, recipients ?? r.DisclosedTo, grounds ?? r.Grounds);

        foreach (var g in Shrink.Array(r.Grounds, Shrink.None))
        {
            yield return With(grounds: g);
        }

        foreach (var p in Shrink.Array(r.Purposes, Shrink.None))
        {
            yield return With(purposes: p);
        }

        foreach (var x in Shrink.Array(r.DisclosedTo, Shrink.None))
        {
            yield return With(recipients: x);
        }

        foreach (var c in Categories.Shrinker(r.Category))
        {
            yield return With(category: c);
        }

        foreach (var at in ShrinkInstant(r.CollectedAt))
        {
            yield return With(collected: at);
        }
    }

    private Gen<BreachIncident> IncidentGen()
        => from aware in Instants.Generator
           from categories in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Categories.Generator, n))
           from count in Gen.Frequency((3, Gen.Choose(1, 50)), (1, Gen.Choose(51, 1_000_000)))
           from unintelligible in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
           select new BreachIncident(aware, categories.Distinct(), count, unintelligible);

    private IEnumerable<BreachIncident> ShrinkIncident(BreachIncident i)
    {
        if (i.Unintelligible)
        {
            yield return new BreachIncident(i.AwareAt, i.Categories, i.Subjects, false, i.Affected);
        }

        foreach (var c in Shrink.Array(i.Categories, Categories.Shrinker).Where(c => c.Length > 0 && c.Distinct().Count() == c.Length))
        {
            yield return new BreachIncident(i.AwareAt, c, i.Subjects, i.Unintelligible, i.Affected);
        }

        foreach (var n in Shrink.NonNegative(i.Subjects - 1))
        {
            yield return new BreachIncident(i.AwareAt, i.Categories, n + 1, i.Unintelligible, i.Affected);
        }

        foreach (var at in ShrinkInstant(i.AwareAt))
        {
            yield return new BreachIncident(at, i.Categories, i.Subjects, i.Unintelligible, i.Affected);
        }
    }
}
