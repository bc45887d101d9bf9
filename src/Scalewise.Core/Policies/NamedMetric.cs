namespace Scalewise.Core.Policies;

/// <summary>
/// A metric a rule's formula reads by <see cref="Name"/>: read as a <see cref="MetricTrigger"/> reads its metric (its own
/// resource, dimensions, statistic, window and aggregation or percentile, optionally per instance), without a threshold.
/// </summary>
public sealed record NamedMetric(
    string Name,
    string MetricName,
    string? MetricNamespace,
    string? MetricResourceId,
    TimeAggregation Statistic,
    TimeAggregation TimeAggregation,
    TimeSpan TimeGrain,
    TimeSpan TimeWindow,
    IReadOnlyList<MetricDimension>? Dimensions = null,
    double? Percentile = null,
    bool DividePerInstance = false,
    TimeSpan? IngestionLatency = null)
{
    /// <summary>The metric as a trigger, so it is read, validated and described as a rule's metric is (the threshold is unused).</summary>
    public MetricTrigger AsTrigger() => new(
        MetricName, MetricNamespace, MetricResourceId, Statistic, TimeAggregation, TimeGrain, TimeWindow, ComparisonOperator.GreaterThan, 0, Dimensions, Percentile, DividePerInstance) { IngestionLatency = IngestionLatency };

    public MetricRequest ToRequest(string targetResourceId) => AsTrigger().ToRequest(targetResourceId);

    /// <summary>The metric of <paramref name="metrics"/> called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static NamedMetric? Find(IReadOnlyList<NamedMetric>? metrics, string name)
    {
        if (metrics is null)
        {
            return null;
        }

        for (var i = 0; i < metrics.Count; i++)
        {
            if (string.Equals(metrics[i]?.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return metrics[i];
            }
        }

        return null;
    }
}
