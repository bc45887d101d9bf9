using System.Xml;
using Azure.Core.Pipeline;
using Scalewise.Core.Metrics;

namespace Scalewise.Azure.Metrics;

/// <summary>
/// Reads metric windows with ARM <c>GET {resourceId}/providers/Microsoft.Insights/metrics</c> (api-version 2024-02-01).
/// Requests that share resource, namespace, grain, aggregation, window and dimension filter (sent as <c>$filter</c> with
/// <c>top</c> = <see cref="AzureMonitorAggregation.MaxSeries"/>, series combined as <see cref="MetricsResponseParser"/> says) go out
/// as one call (up to 20 metric names).
/// With <c>applyIngestionLatency</c> (production) each window ends at the last whole minute its metric's ingestion latency
/// ago (<see cref="MetricIngestion"/>), so no partial minute is read. A metric Azure reports an error for yields an empty window and a warning; an HTTP failure throws <see cref="MetricReadException"/>.
/// <see cref="TimeAggregation.Last"/> is requested as Average (Azure has no "last"); Core then takes the window's last point.
/// At most <c>maxConcurrentCalls</c> calls are in flight per read, so a tick over thousands of targets queues its calls
/// instead of opening them all at once.
/// </summary>
public sealed class AzureMonitorMetricReader(HttpPipeline pipeline, Uri armEndpoint, ILogger<AzureMonitorMetricReader> logger, int maxConcurrentCalls = MetricsOptions.DefaultMaxConcurrentCalls, bool applyIngestionLatency = false) : IMetricReader
{
    public const string ApiVersion = "2024-02-01";

    /// <summary>Azure Monitor answers at most 20 metric names per call.</summary>
    internal const int MaxMetricsPerCall = 20;

    // Each response names its resource's region ("resourceregion"); the batch reader needs it to pick a regional endpoint.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> regions = new(StringComparer.OrdinalIgnoreCase);

    public AzureMonitorMetricReader(ArmConnection connection, ILogger<AzureMonitorMetricReader> logger, int maxConcurrentCalls = MetricsOptions.DefaultMaxConcurrentCalls, bool applyIngestionLatency = false)
        : this((connection ?? throw new ArgumentNullException(nameof(connection))).MonitorPipeline, connection.Endpoint, logger, maxConcurrentCalls, applyIngestionLatency)
    {
    }

    private readonly int concurrency = maxConcurrentCalls > 0
        ? maxConcurrentCalls
        : throw new ArgumentOutOfRangeException(nameof(maxConcurrentCalls), maxConcurrentCalls, "At least one metric call must be allowed at a time.");

    public async Task<IReadOnlyList<MetricWindow>> ReadAsync(IReadOnlyList<MetricRequest> requests, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var groups = requests
            .GroupBy(MetricQuery.For)
            .SelectMany(group => group
                .GroupBy(r => r.MetricName, StringComparer.OrdinalIgnoreCase)
                .Chunk(MaxMetricsPerCall)
                .Select(chunk => chunk.SelectMany(c => c).ToList()))
            .ToList();

        var answered = new System.Collections.Concurrent.ConcurrentDictionary<MetricRequest, MetricWindow>(ReferenceEqualityComparer.Instance);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(groups, parallel, async (group, token) =>
        {
            foreach (var window in await ReadGroupAsync(group, windowEnd, token).ConfigureAwait(false))
            {
                answered[window.Request] = window;
            }
        }).ConfigureAwait(false);

        return requests.Select(r => answered[r]).ToList();
    }

    private async Task<IReadOnlyList<MetricWindow>> ReadGroupAsync(List<MetricRequest> requests, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        var first = requests[0];
        var names = requests.Select(r => r.MetricName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        using var message = CreateMessage(first, names, WindowEnd(first, windowEnd, applyIngestionLatency));

        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            throw Failure(first.ResourceId, names, ex.Status, ex.ErrorCode, ex.Message, ex);
        }

        var response = message.Response;
        if (response.IsError)
        {
            var (code, errorMessage) = MetricsResponseParser.ParseError(response.Content.ToString());
            throw Failure(first.ResourceId, names, response.Status, code, errorMessage ?? response.ReasonPhrase, null);
        }

        IReadOnlyList<ParsedMetric> parsed;
        try
        {
            using var document = await JsonDocument.ParseAsync(response.ContentStream ?? Stream.Null, cancellationToken: cancellationToken).ConfigureAwait(false);
            parsed = MetricsResponseParser.Parse(document.RootElement, first.Aggregation);
            if (document.RootElement.TryGetProperty("resourceregion", out var region) && region.ValueKind == JsonValueKind.String && region.GetString() is { Length: > 0 } regionName)
            {
                regions["/" + first.ResourceId.Trim('/')] = regionName;
            }
        }
        catch (JsonException ex)
        {
            throw Failure(first.ResourceId, names, response.Status, null, "the response is not valid JSON: " + ex.Message, ex);
        }

        var windows = new List<MetricWindow>(requests.Count);
        foreach (var request in requests)
        {
            windows.Add(new MetricWindow(request, MetricsResponseParser.PointsFor(parsed, request, logger)));
        }

        return windows;
    }

    private HttpMessage CreateMessage(MetricRequest request, IReadOnlyList<string> names, DateTimeOffset windowEnd)
    {
        var message = pipeline.CreateMessage();
        var uri = message.Request.Uri;
        message.Request.Method = RequestMethod.Get;
        uri.Reset(armEndpoint);
        uri.AppendPath(ResourcePath(request.ResourceId) + "/providers/Microsoft.Insights/metrics", escape: false);
        uri.AppendQuery("api-version", ApiVersion);

        // Azure Monitor's convention: a comma inside one metric name is written %2, commas separate names.
        uri.AppendQuery("metricnames", string.Join(',', names.Select(n => n.Replace(",", "%2", StringComparison.Ordinal))), escapeValue: true);
        var end = windowEnd.UtcDateTime;
        var start = (windowEnd - request.Window).UtcDateTime;
        uri.AppendQuery("timespan", start.ToString("o", System.Globalization.CultureInfo.InvariantCulture) + "/" + end.ToString("o", System.Globalization.CultureInfo.InvariantCulture), escapeValue: true);
        uri.AppendQuery("interval", XmlConvert.ToString(request.TimeGrain), escapeValue: true);
        var split = !string.IsNullOrEmpty(request.DimensionFilter);
        uri.AppendQuery("aggregation", AzureMonitorAggregation.QueryValue(request.Aggregation, split), escapeValue: true);
        if (!string.IsNullOrEmpty(request.MetricNamespace))
        {
            uri.AppendQuery("metricnamespace", request.MetricNamespace, escapeValue: true);
        }

        if (!string.IsNullOrEmpty(request.DimensionFilter))
        {
            uri.AppendQuery("$filter", request.DimensionFilter, escapeValue: true);
            uri.AppendQuery("top", AzureMonitorAggregation.MaxSeries.ToString(System.Globalization.CultureInfo.InvariantCulture), escapeValue: false);
        }

        message.Request.Headers.Add("Accept", "application/json");
        return message;
    }

    /// <summary>Where <paramref name="request"/>'s window ends when read at <paramref name="readTime"/>: after its ingestion latency, on a whole minute.</summary>
    internal static DateTimeOffset WindowEnd(MetricRequest request, DateTimeOffset readTime, bool applyIngestionLatency) =>
        applyIngestionLatency ? MetricIngestion.WindowEnd(readTime, MetricIngestion.LatencyOf(request)) : readTime;

    /// <summary>The region an earlier response named for <paramref name="resourceId"/>; null until one has.</summary>
    internal string? RegionOf(string resourceId) => regions.TryGetValue("/" + resourceId.Trim('/'), out var region) ? region : null;

    /// <summary>"/subscriptions/.../name" with each segment escaped, so a name with spaces or '#' stays one segment.</summary>
    internal static string ResourcePath(string resourceId) =>
        "/" + string.Join('/', resourceId.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));

    private static MetricReadException Failure(string resourceId, IReadOnlyList<string> names, int status, string? code, string? message, Exception? inner) =>
        new(
            $"Reading metric(s) {string.Join(", ", names.Select(n => $"'{n}'"))} of '{resourceId}' from Azure Monitor failed"
                + (status > 0 ? $" with HTTP {status}" : string.Empty)
                + (code is null ? string.Empty : $" ({code})")
                + (string.IsNullOrEmpty(message) ? "." : $": {message}"),
            resourceId,
            names,
            status,
            code,
            inner);
}
