using System;
using System.Diagnostics.CodeAnalysis;
using Privacy.Internal;

namespace Privacy;

/// <summary>
/// Identifies a channel a message travels by, for example <c>email</c>.
/// </summary>
/// <remarks>
/// Ids are lowercase, dot-separated and compared ordinally. The default value is not a valid id;
/// the library rejects it wherever an id is required. This type is an immutable value and is thread-safe.
/// </remarks>
public readonly struct ChannelId : IEquatable<ChannelId>, IComparable<ChannelId>
{
    private readonly string? _value;

    /// <summary>Creates an id after checking its syntax.</summary>
    /// <param name="value">The id text, such as <c>email</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid id.</exception>
    public ChannelId(string value) => _value = IdSyntax.Require(value, nameof(value), "channel");

    /// <summary>Gets the id text.</summary>
    /// <value>The id as written, or the empty string for the default value.</value>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the (invalid) default value.</summary>
    /// <value>True only for <c>default(ChannelId)</c>.</value>
    public bool IsDefault => _value is null;

    /// <summary>Parses an id, throwing when the text is not a valid id.</summary>
    /// <param name="value">The id text.</param>
    /// <returns>The parsed id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid id.</exception>
    public static ChannelId Parse(string value) => new(value);

    /// <summary>Parses an id without throwing.</summary>
    /// <param name="value">The id text.</param>
    /// <param name="id">The parsed id, or the default value when parsing fails.</param>
    /// <returns>True when <paramref name="value"/> is a valid id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out ChannelId id)
    {
        if (value is not null && IdSyntax.IsValid(value))
        {
            id = new ChannelId(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(ChannelId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ChannelId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc/>
    public int CompareTo(ChannelId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Returns the id text.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;

    /// <summary>Compares two ids for equality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when both ids have the same text.</returns>
    public static bool operator ==(ChannelId left, ChannelId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when the ids differ.</returns>
    public static bool operator !=(ChannelId left, ChannelId right) => !left.Equals(right);

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator <(ChannelId left, ChannelId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator >(ChannelId left, ChannelId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts before or equals <paramref name="right"/>.</returns>
    public static bool operator <=(ChannelId left, ChannelId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts after or equals <paramref name="right"/>.</returns>
    public static bool operator >=(ChannelId left, ChannelId right) => left.CompareTo(right) >= 0;
}
