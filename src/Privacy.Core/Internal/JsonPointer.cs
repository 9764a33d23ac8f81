using System;
using System.Collections.Generic;
using System.Globalization;

namespace Privacy.Internal;

/// <summary>
/// JSON Pointers (RFC 6901): the one path format of the library. Problems, findings and diff
/// changes all name the place they are about with one, such as <c>/rules/3/purposes/0</c>, spelled
/// by <see cref="PolicyPaths"/>.
/// </summary>
internal static class JsonPointer
{
    /// <summary>Gets a comparer that orders pointers by where they are in a document, array indices numerically.</summary>
    public static IComparer<string> Order { get; } = new DocumentOrder();

    /// <summary>Escapes one reference token: <c>~</c> as <c>~0</c>, <c>/</c> as <c>~1</c>.</summary>
    /// <param name="token">The unescaped token, such as a property name or an id.</param>
    /// <returns>The token as it appears in a pointer.</returns>
    public static string Escape(string token)
        => token.Contains('~', StringComparison.Ordinal) || token.Contains('/', StringComparison.Ordinal)
            ? token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            : token;

    private sealed class DocumentOrder : IComparer<string>
    {
        public int Compare(string? x, string? y)
        {
            var a = x!.Split('/');
            var b = y!.Split('/');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var numeric = int.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                    & int.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n);
                var c = numeric ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
