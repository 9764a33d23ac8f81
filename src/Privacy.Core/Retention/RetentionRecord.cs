using NodaTime;

namespace Privacy.Retention;

/// <summary>A stored record for a retention sweep, by dense ids: no strings, no allocation.</summary>
/// <param name="Category">The record's category, as a dense id of the compiled policy.</param>
/// <param name="CollectedAt">When the data was collected.</param>
/// <param name="Subject">Index of the record's subject in the sweep's subject facts, or -1 for a subject with no history.</param>
/// <param name="Ground">Dense id of the retention ground claimed for the record, or -1 for none.</param>
public readonly record struct RetentionRecord(int Category, Instant CollectedAt, int Subject = -1, int Ground = -1);
