using System;
using System.Collections.Generic;

namespace Privacy.Compilation;

/// <summary>Compares rows of bits (or small integer rows) by content, for the compiler's dictionaries.</summary>
internal sealed class BitRowComparer : IEqualityComparer<ulong[]>, IEqualityComparer<int[]>
{
    public static readonly BitRowComparer Instance = new();

    public bool Equals(ulong[]? x, ulong[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(ulong[] row)
    {
        var hash = new HashCode();
        foreach (var word in row)
        {
            hash.Add(word);
        }

        return hash.ToHashCode();
    }

    public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(int[] row)
    {
        var hash = new HashCode();
        foreach (var value in row)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
