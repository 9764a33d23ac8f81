using System;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Privacy.Fuzz.Engine;

namespace Privacy.Fuzz.Tests.Engine;

public sealed class MutatorTests
{
    private static readonly byte[] Seed = Encoding.UTF8.GetBytes("{\"id\":\"r1\",\"action\":\"use\",\"at\":\"2026-03-01T09:00:00Z\",\"category\":\"personal.email\",\"n\":12}");

    private static Mutator Create(int seed) => new(new Random(seed), ["id", "category"], ["personal.email"]);

    [Fact]
    public void Mutate_SameSeed_GivesSameInputs()
    {
        var a = Create(7);
        var b = Create(7);

        for (var i = 0; i < 500; i++)
        {
            Assert.Equal(a.Mutate(Seed, Seed, 4096), b.Mutate(Seed, Seed, 4096));
        }
    }

    [Property(MaxTest = 200)]
    public Property Mutate_AnyInput_StaysWithinMaxLength(byte[] input, byte[] other, int seed)
    {
        var maxLength = 1 + (Math.Abs(seed % 512));
        var mutator = Create(seed);

        var lengths = Enumerable.Range(0, 20).Select(_ => mutator.Mutate(input, other, maxLength).Length);

        return lengths.All(l => l <= maxLength).ToProperty();
    }

    [Fact]
    public void Mutate_ManyTimes_MakesDuplicateAndEscapedKeysAndDictionaryTokens()
    {
        var mutator = Create(1);

        var outputs = Enumerable.Range(0, 5000).Select(_ => Encoding.UTF8.GetString(mutator.Mutate(Seed, Seed, 4096))).ToList();

        Assert.Contains(outputs, o => o.Split("\"category\":").Length > 2);
        Assert.Contains(outputs, o => o.Contains("\\u00", StringComparison.Ordinal) && o.Contains("\":", StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.Contains("\\ud800", StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.Contains("9999-12-31T23:59:59-18:00", StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.Contains("[[[[[[[[", StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.Contains("1e309", StringComparison.Ordinal) || o.Contains("99999999999999999999", StringComparison.Ordinal));
    }
}
