using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Privacy.EntityFrameworkCore;

/// <summary>
/// Stores a NodaTime <see cref="Instant"/> as its Unix ticks (100 ns units) in a 64-bit integer
/// column: comparisons and range deletes work the same on every database, SQLite included.
/// </summary>
/// <remarks>Sub-tick precision is truncated. Register it for every instant with
/// <c>configurationBuilder.Properties&lt;Instant&gt;().HaveConversion&lt;InstantToUnixTicksConverter&gt;()</c>.</remarks>
public sealed class InstantToUnixTicksConverter : ValueConverter<Instant, long>
{
    /// <summary>Creates the converter.</summary>
    public InstantToUnixTicksConverter()
        : base(instant => instant.ToUnixTimeTicks(), ticks => Instant.FromUnixTimeTicks(ticks))
    {
    }
}
