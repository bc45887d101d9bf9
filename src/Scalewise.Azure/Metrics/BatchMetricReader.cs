using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using System.Xml;
using Azure.Core.Pipeline;
using Scalewise.Core.Metrics;

namespace Scalewise.Azure.Metrics;

/// <summary>
/// Reads many resources' metrics per call through the Azure Monitor data-plane API
/// <c>POST {endpoint}/subscriptions/{sub}/metrics:getBatch</c> (api-version 2024-02-01): up to 50 resource ids of one
/// subscription, region and resource type, up to 20 metric names, every aggregation and the longest window the group asks
/// for, each window then cut to its own length. Groups of fewer than <see cref="MetricsOptions.MinimumResourcesPerBatch"/>
/// resources, ids that are not resource ids, and resources whose region is not known yet go through <paramref name="perResource"/>
/// (ARM, one resource per call), which also learns their regions for the next tick.
/// </summary>
public sealed class BatchMetricReader(HttpPipeline pipeline, MetricsOptions options, AzureMonitorMetricReader perResource, ILogger<BatchMetricReader> logger) : IMetricReader
{
    public const string ApiVersion = "2024-02-01";

    /// <summary>The batch API answers at most 50 resource ids per call.</summary>
    public const int MaxResourcesPerCall = 50;

    private const string RegionPlaceholder = "{region}";

    private readonly ConcurrentDictionary<string, string> regions = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<MetricWindow>> ReadAsync(IReadOnlyList<MetricRequest> requests, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var endpoint = string.IsNullOrWhiteSpace(options.BatchEndpoint) ? MetricsOptions.DefaultBatchEndpoint : options.BatchEndpoint;
        var perRegion = endpoint.Contains(RegionPlaceholder, StringComparison.OrdinalIgnoreCase);

        var fallback = new List<MetricRequest>();
        var groups = new Dictionary<MetricBatchKey, List<MetricRequest>>();
        foreach (var request in requests)
        {
            var key = KeyOf(request, perRegion);
            if (key is null)
            {
                fallback.Add(request);
            }
            else if (groups.TryGetValue(key, out var members))
            {
                members.Add(request);
            }
            else
            {
                groups[key] = [request];
            }
        }

        var calls = new List<Task<IReadOnlyList<MetricWindow>>>();
        foreach (var (key, members) in groups)
        {
            var resources = members.Select(r => r.ResourceId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (resources.Count < Math.Max(1, options.MinimumResourcesPerBatch))
            {
                fallback.AddRange(members);
                continue;
            }

            var names = members.Select(r => r.MetricName).Distinct(StringComparer.OrdinalIgnoreCase).Chunk(AzureMonitorMetricReader.MaxMetricsPerCall);
            foreach (var nameChunk in names)
            {
                var nameSet = new HashSet<string>(nameChunk, StringComparer.OrdinalIgnoreCase);
                foreach (var resourceChunk in resources.Chunk(MaxResourcesPerCall))
                {
                    var resourceSet = new HashSet<string>(resourceChunk, StringComparer.OrdinalIgnoreCase);
                    var callRequests = members.Where(r => nameSet.Contains(r.MetricName) && resourceSet.Contains(r.ResourceId)).ToList();
                    calls.Add(ReadBatchAsync(EndpointFor(endpoint, key.Region), key, callRequests, windowEnd, cancellationToken));
                }
            }
        }

        var batchCalls = calls.Count;
        if (fallback.Count > 0)
        {
            calls.Add(ReadSingleAsync(fallback, windowEnd, cancellationToken));
        }

        var answered = new Dictionary<MetricRequest, MetricWindow>(ReferenceEqualityComparer.Instance);
        foreach (var windows in await Task.WhenAll(calls).ConfigureAwait(false))
        {
            foreach (var window in windows)
            {
                answered[window.Request] = window;
            }
        }

        MetricsLog.BatchRead(logger, requests.Count, batchCalls, fallback.Count);
        return requests.Select(r => answered[r]).ToList();
    }

    private async Task<IReadOnlyList<MetricWindow>> ReadSingleAsync(List<MetricRequest> requests, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        var windows = await perResource.ReadAsync(requests, windowEnd, cancellationToken).ConfigureAwait(false);
        foreach (var request in requests)
        {
            if (perResource.RegionOf(request.ResourceId) is { } region)
            {
                regions[Normalize(request.ResourceId)] = region;
            }
        }

        return windows;
    }

    private MetricBatchKey? KeyOf(MetricRequest request, bool perRegion)
    {
        if (!TryParse(request.ResourceId, out var subscription, out var resourceType))
        {
            return null;
        }

        var region = string.Empty;
        if (perRegion && !regions.TryGetValue(Normalize(request.ResourceId), out region!))
        {
            return null;
        }

        return new MetricBatchKey(
            subscription.ToUpperInvariant(),
            region.ToUpperInvariant(),
            resourceType.ToUpperInvariant(),
            (request.MetricNamespace ?? resourceType).ToUpperInvariant(),
            request.TimeGrain,
            request.DimensionFilter,
            MetricIngestion.LatencyOf(request));
    }

    private async Task<IReadOnlyList<MetricWindow>> ReadBatchAsync(Uri endpoint, MetricBatchKey key, List<MetricRequest> requests, DateTimeOffset readTime, CancellationToken cancellationToken)
    {
        var windowEnd = AzureMonitorMetricReader.WindowEnd(requests[0], readTime, options.ApplyIngestionLatency);
        var resources = requests.Select(r => r.ResourceId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var names = requests.Select(r => r.MetricName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        using var message = CreateMessage(endpoint, requests, resources, names, windowEnd);
        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            throw Failure(resources, names, ex.Status, ex.ErrorCode, ex.Message, ex);
        }

        var response = message.Response;
        if (response.IsError)
        {
            var (code, errorMessage) = MetricsResponseParser.ParseError(response.Content.ToString());
            throw Failure(resources, names, response.Status, code, errorMessage ?? response.ReasonPhrase, null);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(response.ContentStream ?? Stream.Null, cancellationToken: cancellationToken).ConfigureAwait(false);
            return ToWindows(document.RootElement, key, requests, resources.Count, windowEnd);
        }
        catch (JsonException ex)
        {
            throw Failure(resources, names, response.Status, null, "the response is not valid JSON: " + ex.Message, ex);
        }
    }

    private List<MetricWindow> ToWindows(JsonElement body, MetricBatchKey key, List<MetricRequest> requests, int resourceCount, DateTimeOffset windowEnd)
    {
        var byResource = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        if (body.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            foreach (var value in values.EnumerateArray())
            {
                if (value.TryGetProperty("resourceid", out var id) && id.GetString() is { } resourceId)
                {
                    byResource[Normalize(resourceId)] = value;
                    if (value.TryGetProperty("resourceregion", out var region) && region.GetString() is { Length: > 0 } regionName)
                    {
                        regions[Normalize(resourceId)] = regionName;
                    }
                }
            }
        }

        var windows = new List<MetricWindow>(requests.Count);
        var parsed = new Dictionary<(string Resource, TimeAggregation Aggregation), IReadOnlyList<ParsedMetric>>();
        var missing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var request in requests)
        {
            var resource = Normalize(request.ResourceId);
            if (!byResource.TryGetValue(resource, out var element))
            {
                if (missing.Add(resource))
                {
                    MetricsLog.BatchResourceMissing(logger, resourceCount, key.ResourceType, request.ResourceId);
                }

                windows.Add(new MetricWindow(request, []));
                continue;
            }

            if (!parsed.TryGetValue((resource, request.Aggregation), out var metrics))
            {
                parsed[(resource, request.Aggregation)] = metrics = MetricsResponseParser.Parse(element, request.Aggregation);
            }

            // The call asked for the group's longest window; each request sees only the grains that overlap its own.
            var from = windowEnd - request.Window;
            var points = MetricsResponseParser.PointsFor(metrics, request, logger);
            windows.Add(new MetricWindow(request, points.Where(p => p.TimeStamp + request.TimeGrain > from).ToList()));
        }

        return windows;
    }

    private HttpMessage CreateMessage(Uri endpoint, List<MetricRequest> requests, List<string> resources, List<string> names, DateTimeOffset windowEnd)
    {
        var first = requests[0];
        var window = requests.Max(r => r.Window);
        var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(endpoint);
        request.Uri.AppendPath("/subscriptions/", escape: false);
        request.Uri.AppendPath(SubscriptionOf(first.ResourceId), escape: true);
        request.Uri.AppendPath("/metrics:getBatch", escape: false);
        request.Uri.AppendQuery("api-version", ApiVersion);
        var metricNamespace = first.MetricNamespace ?? (TryParse(first.ResourceId, out _, out var resourceType) ? resourceType : string.Empty);
        request.Uri.AppendQuery("metricnamespace", metricNamespace, escapeValue: true);
        request.Uri.AppendQuery("metricnames", string.Join(',', names.Select(n => n.Replace(",", "%2", StringComparison.Ordinal))), escapeValue: true);
        request.Uri.AppendQuery("starttime", (windowEnd - window).UtcDateTime.ToString("o", CultureInfo.InvariantCulture), escapeValue: true);
        request.Uri.AppendQuery("endtime", windowEnd.UtcDateTime.ToString("o", CultureInfo.InvariantCulture), escapeValue: true);
        request.Uri.AppendQuery("interval", XmlConvert.ToString(first.TimeGrain), escapeValue: true);
        var split = !string.IsNullOrEmpty(first.DimensionFilter);
        var aggregations = requests.SelectMany(r => AzureMonitorAggregation.QueryValue(r.Aggregation, split).Split(',')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        request.Uri.AppendQuery("aggregation", string.Join(',', aggregations), escapeValue: true);
        if (!string.IsNullOrEmpty(first.DimensionFilter))
        {
            request.Uri.AppendQuery("filter", first.DimensionFilter, escapeValue: true);
            request.Uri.AppendQuery("top", AzureMonitorAggregation.MaxSeries.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        }

        request.Headers.Add("Accept", "application/json");
        request.Headers.Add("Content-Type", "application/json");
        request.Content = RequestContent.Create(BinaryData.FromObjectAsJson(new BatchBody(resources)));
        return message;
    }

    private static Uri EndpointFor(string template, string region) =>
        new(template.Replace(RegionPlaceholder, region.ToLowerInvariant(), StringComparison.OrdinalIgnoreCase));

    private static string Normalize(string resourceId) => "/" + resourceId.Trim('/');

    private static string SubscriptionOf(string resourceId) =>
        TryParse(resourceId, out var subscription, out _) ? subscription : throw new ArgumentException($"'{resourceId}' is not an ARM resource id.", nameof(resourceId));

    /// <summary>The subscription and the full resource type ("Microsoft.Compute/virtualMachineScaleSets", with child types) of an ARM resource id.</summary>
    internal static bool TryParse(string resourceId, out string subscription, out string resourceType)
    {
        subscription = string.Empty;
        resourceType = string.Empty;
        var segments = resourceId.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || !segments[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var provider = Array.FindLastIndex(segments, s => s.Equals("providers", StringComparison.OrdinalIgnoreCase));
        var rest = segments.Length - provider - 2;
        if (provider < 2 || rest < 2 || rest % 2 != 0)
        {
            return false;
        }

        subscription = segments[1];
        var types = new List<string> { segments[provider + 1] };
        for (var i = provider + 2; i < segments.Length; i += 2)
        {
            types.Add(segments[i]);
        }

        resourceType = string.Join('/', types);
        return true;
    }

    private static MetricReadException Failure(List<string> resources, IReadOnlyList<string> names, int status, string? code, string? message, Exception? inner) =>
        new(
            $"Reading metric(s) {string.Join(", ", names.Select(n => $"'{n}'"))} of {resources.Count} resource(s) starting with '{resources[0]}' from the Azure Monitor batch API failed"
                + (status > 0 ? $" with HTTP {status}" : string.Empty)
                + (code is null ? string.Empty : $" ({code})")
                + (string.IsNullOrEmpty(message) ? "." : $": {message}"),
            resources[0],
            names,
            status,
            code,
            inner);

    private sealed record BatchBody([property: JsonPropertyName("resourceids")] IReadOnlyList<string> ResourceIds);
}
