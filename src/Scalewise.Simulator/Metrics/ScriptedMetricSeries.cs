namespace Scalewise.Simulator.Metrics;

/// <summary>
/// One time series a test or the local runner scripted on a resource: a metric, the dimension values it stands for (none:
/// the metric has no dimensions) and its value for each whole minute (null: no data that minute).
/// </summary>
internal sealed record ScriptedMetricSeries(
    string MetricName,
    string Unit,
    IReadOnlyDictionary<string, string> Dimensions,
    Func<DateTimeOffset, double?> Values)
{
    /// <summary>True when this series stands for exactly these dimension values (names and values case-insensitive, as Azure Monitor compares them).</summary>
    public bool HasDimensions(IReadOnlyDictionary<string, string> dimensions) =>
        dimensions.Count == Dimensions.Count
        && dimensions.All(d => Dimensions.Any(o => o.Key.Equals(d.Key, StringComparison.OrdinalIgnoreCase) && o.Value.Equals(d.Value, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The value of <paramref name="name"/> in this series, or null when it has no such dimension.</summary>
    public string? DimensionValue(string name) =>
        Dimensions.FirstOrDefault(d => d.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
