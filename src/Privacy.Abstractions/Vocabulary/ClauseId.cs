using System;
using System.Diagnostics.CodeAnalysis;
using Privacy.Internal;

namespace Privacy;

/// <summary>
/// Identifies a clause of a policy: the unit every decision cites, for example <c>rights.erasure</c>.
/// </summary>
/// <remarks>
/// Ids are lowercase, dot-separated and compared ordinally. The default value is not a valid id;
/// the library rejects it wherever an id is required. This type is an immutable value and is thread-safe.
/// </remarks>
public readonly struct ClauseId : IEquatable<ClauseId>, IComparable<ClauseId>
{
    private readonly string? _value;

    /// <summary>Creates an id after checking its syntax.</summary>
    /// <param name="value">The id text, such as <c>rights.erasure</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid id.</exception>
    public ClauseId(string value) => _value = IdSyntax.Require(value, nameof(value), "clause");

    /// <summary>Gets the id text.</summary>
    /// <value>The id as written, or the empty string for the default value.</value>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the (invalid) default value.</summary>
    /// <value>True only for <c>default(ClauseId)</c>.</value>
    public bool IsDefault => _value is null;

    /// <summary>Parses an id, throwing when the text is not a valid id.</summary>
    /// <param name="value">The id text.</param>
    /// <returns>The parsed id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid id.</exception>
    public static ClauseId Parse(string value) => new(value);

    /// <summary>Parses an id without throwing.</summary>
    /// <param name="value">The id text.</param>
    /// <param name="id">The parsed id, or the default value when parsing fails.</param>
    /// <returns>True when <paramref name="value"/> is a valid id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out ClauseId id)
    {
        if (value is not null && IdSyntax.IsValid(value))
        {
            id = new ClauseId(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(ClauseId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ClauseId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc/>
    public int CompareTo(ClauseId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Returns the id text.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;

    /// <summary>Compares two ids for equality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when both ids have the same text.</returns>
    public static bool operator ==(ClauseId left, ClauseId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when the ids differ.</returns>
    public static bool operator !=(ClauseId left, ClauseId right) => !left.Equals(right);

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator <(ClauseId left, ClauseId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator >(ClauseId left, ClauseId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts before or equals <paramref name="right"/>.</returns>
    public static bool operator <=(ClauseId left, ClauseId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts after or equals <paramref name="right"/>.</returns>
    public static bool operator >=(ClauseId left, ClauseId right) => left.CompareTo(right) >= 0;
}
