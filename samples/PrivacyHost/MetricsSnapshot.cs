using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using Privacy.Telemetry;

namespace PrivacyHost;

/// <summary>
/// Listens to the library's <see cref="Meter"/> (named <see cref="PrivacyTelemetry.Name"/>) and keeps a running
/// total per instrument and tag set, served at <c>/metrics</c>. A real service would export to OpenTelemetry instead.
/// </summary>
internal sealed class MetricsSnapshot : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _totals = new(StringComparer.Ordinal);

    public MetricsSnapshot()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PrivacyTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Gets the totals so far, keyed <c>instrument{tag=value,...}</c>.</summary>
    public SortedDictionary<string, double> Totals() => new(_totals, StringComparer.Ordinal);

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = tags.Length == 0
            ? instrument.Name
            : $"{instrument.Name}{{{string.Join(",", tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"))}}}";
        _totals.AddOrUpdate(key, value, (_, total) => total + value);
    }
}
