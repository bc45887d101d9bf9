namespace Scalewise.Core.Metrics;

/// <summary>One metric to read from one resource over a window ending at the read time.</summary>
public sealed record MetricRequest(
    string ResourceId,
    string MetricName,
    string? MetricNamespace,
    TimeAggregation Aggregation,
    TimeSpan TimeGrain,
    TimeSpan Window);
