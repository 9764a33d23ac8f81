using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck.Fluent;
using Privacy.Compilation;

namespace Privacy.Testing.Generators;

/// <summary>Shrinkers the generators share: every candidate is strictly simpler than its input, so shrinking ends.</summary>
internal static class Shrink
{
    /// <summary>Towards zero, never below it.</summary>
    public static IEnumerable<int> NonNegative(int value)
    {
        if (value <= 0)
        {
            yield break;
        }

        // 0, v/2, 3v/4, 7v/8, ..., v-1: a failure boundary is found in logarithmically many steps.
        for (var distance = value; distance > 0; distance /= 2)
        {
            yield return value - distance;
        }
    }

    /// <summary>Towards the top of the hierarchy, then towards the first id: the parent, then the first root.</summary>
    public static IEnumerable<int> Id(IdTable table, int index)
    {
        if (table.ParentOf(index) is var parent and >= 0)
        {
            yield return parent;
        }
        else if (index > 0)
        {
            yield return 0;
        }
    }

    /// <summary>Drops items (the back half, the front half, then each one), then shrinks each item in place.</summary>
    public static IEnumerable<ImmutableArray<T>> Array<T>(ImmutableArray<T> items, Func<T, IEnumerable<T>> item)
    {
        if (items.IsDefaultOrEmpty)
        {
            yield break;
        }

        if (items.Length > 1)
        {
            yield return items[..(items.Length / 2)];
            yield return items[(items.Length / 2)..];
        }

        for (var i = 0; i < items.Length; i++)
        {
            yield return items.RemoveAt(i);
        }

        for (var i = 0; i < items.Length; i++)
        {
            foreach (var smaller in item(items[i]))
            {
                yield return items.SetItem(i, smaller);
            }
        }
    }

    public static IEnumerable<T> None<T>(T value)
    {
        _ = value;
        return [];
    }

    /// <summary>An arbitrary from a generator and a shrinker.</summary>
    public static FsCheck.Arbitrary<T> Arbitrary<T>(FsCheck.Gen<T> gen, Func<T, IEnumerable<T>> shrinker) => Arb.From(gen, shrinker);

    public static IEnumerable<T> Distinct<T>(IEnumerable<T> candidates, T original)
        => candidates.Where(c => !EqualityComparer<T>.Default.Equals(c, original));
}
