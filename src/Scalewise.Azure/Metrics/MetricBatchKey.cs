namespace Scalewise.Azure.Metrics;

/// <summary>
/// The requests one <c>metrics:getBatch</c> call can answer together: one subscription, region and resource type (the API's
/// rule), one namespace, grain, dimension filter and ingestion latency (one query string, one window end). Metric names,
/// aggregations and windows are merged.
/// </summary>
internal sealed record MetricBatchKey(string Subscription, string Region, string ResourceType, string MetricNamespace, TimeSpan TimeGrain, string? DimensionFilter, TimeSpan Latency);
