using Scalewise.Core.Metrics;

namespace Scalewise.Azure.Metrics;

/// <summary>The requests one Azure Monitor call can answer together: same resource, namespace, grain, aggregation, window, dimension filter and ingestion latency.</summary>
internal sealed record MetricQuery(string ResourceId, string? MetricNamespace, TimeSpan TimeGrain, string Aggregation, TimeSpan Window, string? DimensionFilter, TimeSpan Latency)
{
    public static MetricQuery For(MetricRequest request) =>
        new(
            request.ResourceId.Trim('/').ToUpperInvariant(),
            request.MetricNamespace?.ToUpperInvariant(),
            request.TimeGrain,
            AzureMonitorAggregation.QueryValue(request.Aggregation),
            request.Window,
            request.DimensionFilter,
            MetricIngestion.LatencyOf(request));
}
