namespace Scalewise.Core.Metrics;

/// <summary>The points Azure Monitor returned for one metric request.</summary>
public sealed record MetricWindow(MetricRequest Request, IReadOnlyList<MetricPoint> Points)
{
    /// <summary>Combines the window's points with the given aggregation; null when no point has a value.</summary>
    public double? Aggregate(TimeAggregation aggregation)
    {
        var values = Points.Where(p => p.Value.HasValue).Select(p => p.Value!.Value).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        return aggregation switch
        {
            TimeAggregation.Average => values.Average(),
            TimeAggregation.Minimum => values.Min(),
            TimeAggregation.Maximum => values.Max(),
            TimeAggregation.Total => values.Sum(),
            TimeAggregation.Count => values.Count,
            TimeAggregation.Last => values[^1],
            _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown time aggregation."),
        };
    }
}
