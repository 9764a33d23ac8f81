using System;
using System.Diagnostics.CodeAnalysis;
using Privacy.Internal;

namespace Privacy;

/// <summary>
/// Identifies a data category (what kind of data is processed), for example <c>personal.email</c>.
/// </summary>
/// <remarks>
/// Ids are lowercase, dot-separated and compared ordinally. The default value is not a valid id;
/// the library rejects it wherever an id is required. This type is an immutable value and is thread-safe.
/// </remarks>
public readonly struct DataCategoryId : IEquatable<DataCategoryId>, IComparable<DataCategoryId>
{
    private readonly string? _value;

    /// <summary>Creates an id after checking its syntax.</summary>
    /// <param name="value">The id text, such as <c>personal.email</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid id.</exception>
    public DataCategoryId(string value) => _value = IdSyntax.Require(value, nameof(value), "data category");

    /// <summary>Gets the id text.</summary>
    /// <value>The id as written, or the empty string for the default value.</value>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the (invalid) default value.</summary>
    /// <value>True only for <c>default(DataCategoryId)</c>.</value>
    public bool IsDefault => _value is null;

    /// <summary>
    /// True when this id equals <paramref name="ancestor"/> or lies below it in the dot hierarchy:
    /// a rule on <c>personal</c> covers <c>personal.email</c>.
    /// </summary>
    /// <param name="ancestor">The id that may contain this one.</param>
    /// <returns>True when this id is <paramref name="ancestor"/> or one of its descendants.</returns>
    public bool IsWithin(DataCategoryId ancestor) => IdSyntax.IsWithin(_value, ancestor._value);

    /// <summary>Gets the id one level up, or null for a top-level id.</summary>
    /// <value>For <c>personal.email</c>, <c>personal</c>.</value>
    public DataCategoryId? Parent => _value is null || IdSyntax.ParentOf(_value) is not { } parent ? null : new DataCategoryId(parent);

    /// <summary>Parses an id, throwing when the text is not a valid id.</summary>
    /// <param name="value">The id text.</param>
    /// <returns>The parsed id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid id.</exception>
    public static DataCategoryId Parse(string value) => new(value);

    /// <summary>Parses an id without throwing.</summary>
    /// <param name="value">The id text.</param>
    /// <param name="id">The parsed id, or the default value when parsing fails.</param>
    /// <returns>True when <paramref name="value"/> is a valid id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out DataCategoryId id)
    {
        if (value is not null && IdSyntax.IsValid(value))
        {
            id = new DataCategoryId(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(DataCategoryId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DataCategoryId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc/>
    public int CompareTo(DataCategoryId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Returns the id text.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;

    /// <summary>Compares two ids for equality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when both ids have the same text.</returns>
    public static bool operator ==(DataCategoryId left, DataCategoryId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when the ids differ.</returns>
    public static bool operator !=(DataCategoryId left, DataCategoryId right) => !left.Equals(right);

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator <(DataCategoryId left, DataCategoryId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator >(DataCategoryId left, DataCategoryId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts before or equals <paramref name="right"/>.</returns>
    public static bool operator <=(DataCategoryId left, DataCategoryId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts after or equals <paramref name="right"/>.</returns>
    public static bool operator >=(DataCategoryId left, DataCategoryId right) => left.CompareTo(right) >= 0;
}
