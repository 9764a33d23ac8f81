using System;

namespace Privacy.Internal;

/// <summary>
/// The syntax every vocabulary id follows: lowercase ASCII segments of letters, digits and
/// hyphens, separated by single dots (<c>personal.log.ip-address</c>). The dots make the hierarchy.
/// </summary>
internal static class IdSyntax
{
    public const int MaxLength = 200;

    public static string Require(string? value, string paramName, string kind)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (!IsValid(value))
        {
            throw new ArgumentException(
                $"'{value}' is not a valid {kind} id: use lowercase letters, digits and hyphens in dot-separated segments, at most {MaxLength} characters.",
                paramName);
        }

        return value;
    }

    public static bool IsValid(ReadOnlySpan<char> value)
    {
        if (value.Length == 0 || value.Length > MaxLength)
        {
            return false;
        }

        var segmentStart = true;
        foreach (var c in value)
        {
            if (c == '.')
            {
                if (segmentStart)
                {
                    return false;
                }

                segmentStart = true;
                continue;
            }

            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }

            if (c == '-' && segmentStart)
            {
                return false;
            }

            segmentStart = false;
        }

        return !segmentStart;
    }

    /// <summary>True when <paramref name="id"/> equals <paramref name="ancestor"/> or lies below it.</summary>
    public static bool IsWithin(string? id, string? ancestor)
    {
        if (id is null || ancestor is null)
        {
            return false;
        }

        return id.Length == ancestor.Length
            ? string.Equals(id, ancestor, StringComparison.Ordinal)
            : id.Length > ancestor.Length && id[ancestor.Length] == '.' && id.StartsWith(ancestor, StringComparison.Ordinal);
    }

    /// <summary>The id one level up, or null at the top of the hierarchy.</summary>
    public static string? ParentOf(string id)
    {
        var dot = id.LastIndexOf('.');
        return dot < 0 ? null : id[..dot];
    }
}
