namespace Scalewise.Core.Metrics;

/// <summary>
/// How long Azure Monitor takes before a minute's value is complete, and so where a window read now may end: at the last
/// whole minute at least the ingestion latency ago. A window ending "now" would count a partial minute, and Total or Count
/// rules would read low.
/// </summary>
public static class MetricIngestion
{
    /// <summary>Platform metrics (a <c>Microsoft.*</c> namespace, or the resource type's own): usually there within 3 minutes.</summary>
    public static readonly TimeSpan PlatformLatency = TimeSpan.FromMinutes(3);

    /// <summary>Custom and guest metrics (any other namespace, e.g. <c>Azure.ApplicationInsights</c>, <c>Azure.VM.Linux.GuestMetrics</c>): up to 5 minutes.</summary>
    public static readonly TimeSpan CustomLatency = TimeSpan.FromMinutes(5);

    /// <summary>The most a policy may set (<c>ingestionLatency</c>).</summary>
    public static readonly TimeSpan MaximumLatency = TimeSpan.FromHours(1);

    /// <summary>The default latency of a metric in <paramref name="metricNamespace"/> (null: the resource type's platform metrics).</summary>
    public static TimeSpan DefaultFor(string? metricNamespace) =>
        string.IsNullOrEmpty(metricNamespace) || metricNamespace.StartsWith("Microsoft.", StringComparison.OrdinalIgnoreCase)
            ? PlatformLatency
            : CustomLatency;

    /// <summary>The latency that applies to <paramref name="request"/>: its own, else the default of its namespace.</summary>
    public static TimeSpan LatencyOf(MetricRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.IngestionLatency ?? DefaultFor(request.MetricNamespace);
    }

    /// <summary>Where a window read at <paramref name="readTime"/> ends: the start of the minute <paramref name="latency"/> before it.</summary>
    public static DateTimeOffset WindowEnd(DateTimeOffset readTime, TimeSpan latency)
    {
        var settled = readTime - latency;
        return new DateTimeOffset(settled.Ticks - (settled.Ticks % TimeSpan.TicksPerMinute), settled.Offset);
    }
}
