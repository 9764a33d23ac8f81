using System.Collections.Immutable;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;

namespace Privacy.Tests.Rights;

/// <summary>
/// Rights plans compare by value: equal contents in separate arrays are equal, with the same hash.
/// Each instance below is built from its own arrays, so reference equality of the arrays cannot pass.
/// </summary>
public class RightsPlanEqualityProperties
{
    [Property]
    public void OptOutScope_EqualContents_EqualWithTheSameHash(int minutes, byte[] stopped, byte[] continuing, byte[] channels, byte[] purposes)
    {
        OptOutScope Make() => new(At(minutes), Ids(stopped, Message), Ids(continuing, Message), Ids(channels, Channel), Ids(purposes, Purpose));
        ValueEqualityAssert.EqualWithTheSameHash(Make(), Make());
    }

    [Property]
    public void OptOutScope_StoppedMessagesInAnotherOrder_NotEqual(int minutes, byte[] stopped)
    {
        var reversed = stopped.Reverse().ToArray();
        var a = new OptOutScope(At(minutes), Ids(stopped, Message), [], [], []);
        var b = new OptOutScope(At(minutes), Ids(reversed, Message), [], [], []);
        Assert.Equal(Ids(stopped, Message).SequenceEqual(Ids(reversed, Message)), a.Equals(b));
    }

    [Property]
    public void RightsPlanItem_EqualContents_EqualWithTheSameHash(string record, byte category, int minutes, byte[] grounds, byte[] clauses, byte[] purposes, byte[] recipients)
    {
        RightsPlanItem Make() => Item(record ?? "r", category, minutes, grounds, clauses, purposes, recipients);
        ValueEqualityAssert.EqualWithTheSameHash(Make(), Make());
    }

    [Property]
    public void RightsPlanItem_AnotherClause_NotEqual(byte[] clauses)
    {
        var a = Item("r", 1, 0, [], clauses, [], []);
        var b = Item("r", 1, 0, [], [.. clauses, 200], [], []);
        Assert.NotEqual(a, b);
    }

    [Property]
    public void RightsPlan_EqualContents_EqualWithTheSameHash(int minutes, byte[] items, byte[] clauses, byte[] suppressions, bool optOut)
    {
        RightsPlan Make() => new(
            RightKind.Erasure,
            At(minutes),
            At(minutes) + Duration.FromDays(30),
            At(minutes) + Duration.FromDays(90),
            [.. items.Select(i => Item($"rec-{i}", i, i, [i], [i], [], [i]))],
            [.. items.Select(i => new RecordProblem($"rec-{i}", "unknown-category", "category", "Unknown category."))],
            Ids(clauses, Clause),
            [.. suppressions.Select(s => new SuppressionEntry($"hmac-sha256:{s}", At(s), "k1"))],
            optOut ? new OptOutScope(At(minutes), Ids(items, Message), [], Ids(clauses, Channel), []) : null);
        ValueEqualityAssert.EqualWithTheSameHash(Make(), Make());
    }

    private static RightsPlanItem Item(string record, byte category, int minutes, byte[] grounds, byte[] clauses, byte[] purposes, byte[] recipients)
        => new(record, new DataCategoryId($"personal.c{category % 7}"), PlanAction.Delete, At(minutes), Ids(grounds, Ground), Ids(clauses, Clause), Ids(purposes, Purpose), Ids(recipients, Recipient), At(minutes + 1));

    private static Instant At(int minutes) => Instant.FromUtc(2026, 3, 1, 0, 0) + Duration.FromMinutes(minutes % 100_000);

    /// <summary>A new array each call: the ids of the numbers, a few distinct values so that generated lists repeat ids.</summary>
    private static ImmutableArray<T> Ids<T>(byte[] numbers, System.Func<byte, T> id) => [.. numbers.Select(id)];

    private static MessageKindId Message(byte n) => new($"m{n % 5}");

    private static ChannelId Channel(byte n) => new($"ch{n % 3}");

    private static PurposeId Purpose(byte n) => new($"p{n % 5}");

    private static RecipientId Recipient(byte n) => new($"r{n % 5}");

    private static ClauseId Clause(byte n) => new($"c{n % 5}");

    private static RetentionGroundId Ground(byte n) => new($"g{n % 3}");
}
