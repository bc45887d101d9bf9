namespace Scalewise.Core.Metrics;

/// <summary>How the points of a metric window are combined into one value (Azure Monitor's aggregation types).</summary>
public enum TimeAggregation
{
    Average,
    Minimum,
    Maximum,
    Total,
    Count,
    Last,
}
