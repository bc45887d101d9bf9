namespace Scalewise.Simulator.Metrics;

/// <summary>A simulated resource (other than a scale set) that Azure Monitor has metrics for.</summary>
internal interface IMetricSource
{
    string ResourceId { get; }

    string Location { get; }

    MetricCatalog Catalog { get; }

    /// <summary>The metric's value at <paramref name="time"/> (as far as the simulator knows now).</summary>
    double ValueAt(string metric, DateTimeOffset time);
}
