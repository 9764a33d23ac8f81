using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Privacy.Internal;

/// <summary>
/// Value equality over the immutable arrays that records hold: element by element, in order, a
/// default array equal to an empty one. A record's synthesized equality would compare the arrays
/// by reference, so two plans with the same items would differ.
/// </summary>
internal static class ValueEquality
{
    /// <summary>Whether two arrays hold equal elements in the same order.</summary>
    public static bool SequenceEqual<T>(ImmutableArray<T> left, ImmutableArray<T> right)
        => left.AsSpan().SequenceEqual(right.AsSpan(), EqualityComparer<T>.Default);

    /// <summary>Adds the length and every element of an array to a hash, in order.</summary>
    public static void Add<T>(ref HashCode hash, ImmutableArray<T> items)
    {
        var span = items.AsSpan();
        hash.Add(span.Length);
        foreach (var item in span)
        {
            hash.Add(item);
        }
    }
}
