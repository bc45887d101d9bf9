namespace Scalewise.Azure.Metrics;

/// <summary>How metrics are read; bound from the configuration section <c>Scalewise:Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Scalewise:Metrics";

    /// <summary>The regional data-plane endpoint of Azure Monitor; <c>{region}</c> is replaced by each resource's region.</summary>
    public const string DefaultBatchEndpoint = "https://{region}.metrics.monitor.azure.com";

    /// <summary>Read many resources per call through the <c>metrics:getBatch</c> data-plane API (single resources still go through ARM).</summary>
    public bool UseBatch { get; set; }

    /// <summary>
    /// Where batch calls go: a URL with <c>{region}</c> (the default, for Azure), or one fixed URL (the local simulator, or an
    /// estate in one region). With <c>{region}</c>, a resource is read through ARM until a response has told its region.
    /// </summary>
    public string? BatchEndpoint { get; set; }

    /// <summary>The token audience of the batch API; the scope requested is the audience + "/.default".</summary>
    public string BatchAudience { get; set; } = "https://metrics.monitor.azure.com";

    /// <summary>The default of <see cref="MaxConcurrentCalls"/>.</summary>
    public const int DefaultMaxConcurrentCalls = 32;

    /// <summary>How many Azure Monitor calls one read keeps in flight at most (ARM calls, one per resource and window).</summary>
    public int MaxConcurrentCalls { get; set; } = DefaultMaxConcurrentCalls;

    /// <summary>
    /// End each window at the last whole minute the metric's ingestion latency ago (<see cref="Core.Metrics.MetricIngestion"/>),
    /// as Azure Monitor needs; false ends windows at the read time (the local estate simulator has its data at once).
    /// </summary>
    public bool ApplyIngestionLatency { get; set; } = true;

    /// <summary>A group with fewer resources than this is read through ARM, one resource per call.</summary>
    public int MinimumResourcesPerBatch { get; set; } = 2;
}
