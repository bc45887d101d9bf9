using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Scalewise.Simulator.Faults;

namespace Scalewise.Simulator.Wire;

/// <summary>The Azure Monitor requests: one resource's metrics and the <c>metrics:getBatch</c> of many resources.</summary>
internal sealed class MetricRoutes(Estate estate)
{
    /// <summary>The <see cref="HttpContext.Items"/> key of a <see cref="FaultKind.LateMetrics"/> or <see cref="FaultKind.MetricGap"/> rule that hit the request.</summary>
    public const string MetricFaultItem = "scalewise.metric-fault";

    public async Task MetricsAsync(HttpContext context, string resourceId)
    {
        var endpoint = MetricEndpoint.Find(estate, resourceId);
        if (endpoint is null)
        {
            await RequestRouter.NotFoundAsync(context, resourceId).ConfigureAwait(false);
            return;
        }

        var query = context.Request.Query;
        var now = estate.TimeProvider.GetUtcNow();
        if (!MetricsQuery.TryParseTimespan(query["timespan"].ToString(), now, out var start, out var end, out var error)
            || !TryParseQuery(context, start, end, endpoint, query["$filter"].ToString(), out var parsed, out var filter, out error))
        {
            await WireFormat.WriteMetricsErrorAsync(context, error).ConfigureAwait(false);
            return;
        }

        var values = endpoint.Values(parsed, filter, ServedUntil(context, now, start));
        var body = new JsonObject
        {
            ["cost"] = MetricsJson.PointCount(values),
            ["timespan"] = $"{WireFormat.Seconds(start)}/{WireFormat.Seconds(end)}",
            ["interval"] = WireFormat.Duration(parsed.Interval),
            ["value"] = values,
            ["namespace"] = endpoint.Catalog.Namespace,
            ["resourceregion"] = endpoint.Location,
        };
        await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    /// <summary>Azure Monitor's limit on resource ids per <c>metrics:getBatch</c> call.</summary>
    public const int MaxBatchResources = 50;

    public async Task MetricsBatchAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var now = estate.TimeProvider.GetUtcNow();
        DateTimeOffset start, end;
        var startText = query["starttime"].ToString();
        var endText = query["endtime"].ToString();
        if (string.IsNullOrEmpty(startText) && string.IsNullOrEmpty(endText))
        {
            end = now;
            start = now - TimeSpan.FromHours(1);
        }
        else if (!MetricsQuery.TryParseTime(startText, out start) || !MetricsQuery.TryParseTime(endText, out end) || end <= start || end - start > MetricsQuery.MaxRange)
        {
            await WireFormat.WriteMetricsErrorAsync(context, $"Invalid starttime '{startText}' / endtime '{endText}': both must be ISO 8601 times, endtime after starttime, at most 93 days apart.").ConfigureAwait(false);
            return;
        }

        List<string> resourceIds = [];
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            if (body?["resourceids"] is JsonArray ids)
            {
                resourceIds.AddRange(ids.Select(i => i?.GetValueKind() == JsonValueKind.String ? i.GetValue<string>() : string.Empty));
            }
        }
        catch (JsonException)
        {
            resourceIds.Clear();
        }

        if (resourceIds.Count == 0 || resourceIds.Exists(string.IsNullOrWhiteSpace))
        {
            await WireFormat.WriteMetricsErrorAsync(context, "The request body must be {\"resourceids\":[\"<resource id>\", ...]} with at least one resource id string.").ConfigureAwait(false);
            return;
        }

        if (resourceIds.Count > MaxBatchResources)
        {
            await WireFormat.WriteMetricsErrorAsync(context, $"The request body names {resourceIds.Count} resource ids; metrics:getBatch accepts at most {MaxBatchResources} per call.").ConfigureAwait(false);
            return;
        }

        // The batch API names one namespace for all its resources; each must be of it.
        var values = new JsonArray();
        foreach (var resourceId in resourceIds)
        {
            var endpoint = MetricEndpoint.Find(estate, resourceId);
            if (endpoint is null)
            {
                await WireFormat.WriteMetricsErrorAsync(context, $"Resource '{resourceId}' was not found.").ConfigureAwait(false);
                return;
            }

            if (!TryParseQuery(context, start, end, endpoint, query["filter"].ToString(), out var parsed, out var filter, out var error))
            {
                await WireFormat.WriteMetricsErrorAsync(context, error).ConfigureAwait(false);
                return;
            }

            values.Add(new JsonObject
            {
                ["starttime"] = WireFormat.Precise(start),
                ["endtime"] = WireFormat.Precise(end),
                ["interval"] = WireFormat.Duration(parsed.Interval),
                ["value"] = endpoint.Values(parsed, filter, now - estate.MetricLatency),
                ["namespace"] = endpoint.Catalog.Namespace,
                ["resourceregion"] = endpoint.Location,
                ["resourceid"] = endpoint.ResourceId,
            });
        }

        await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["values"] = values }).ConfigureAwait(false);
    }

    /// <summary>
    /// Up to when the answer has values: the estate's ingestion latency behind now, or later still under a late-metrics
    /// fault; under a metric gap, nothing after the query's start.
    /// </summary>
    private DateTimeOffset ServedUntil(HttpContext context, DateTimeOffset now, DateTimeOffset start) =>
        context.Items[MetricFaultItem] switch
        {
            FaultRule { Kind: FaultKind.MetricGap } => start,
            FaultRule { Kind: FaultKind.LateMetrics } late => now - (late.Delay > estate.MetricLatency ? late.Delay : estate.MetricLatency),
            _ => now - estate.MetricLatency,
        };

    /// <summary>Parses what the single-resource and batch queries share against one resource's metrics; false with Azure Monitor's message when invalid.</summary>
    private static bool TryParseQuery(
        HttpContext context,
        DateTimeOffset start,
        DateTimeOffset end,
        MetricEndpoint endpoint,
        string filterText,
        [NotNullWhen(true)] out MetricsQuery? parsed,
        out MetricFilter? filter,
        [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        filter = null;
        var query = context.Request.Query;
        var catalog = endpoint.Catalog;
        var metricNamespace = query["metricnamespace"].ToString();
        if (!string.IsNullOrEmpty(metricNamespace) && !metricNamespace.Equals(catalog.Namespace, StringComparison.OrdinalIgnoreCase))
        {
            error = $"Metric namespace '{metricNamespace}' is not served; the simulator serves {catalog.Namespace} for resource '{endpoint.ResourceId}'.";
            return false;
        }

        if (!MetricsQuery.TryParseInterval(query["interval"].ToString(), start, end, out var interval, out error)
            || !MetricsQuery.TryParseAggregations(query["aggregation"].ToString(), out var aggregations, out error))
        {
            return false;
        }

        var requested = query["metricnames"].ToString();
        if (string.IsNullOrWhiteSpace(requested) && catalog.Metrics.Count == 0)
        {
            error = $"No metric names were given and '{endpoint.ResourceId}' has no metrics yet; name them in metricnames.";
            return false;
        }

        var names = new List<string>();
        foreach (var name in string.IsNullOrWhiteSpace(requested) ? [catalog.Metrics[0].Name] : requested.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Azure Monitor's convention: a comma inside one metric name is sent as %2.
            var canonical = catalog.Canonical(name.Replace("%2", ",", StringComparison.Ordinal));
            if (canonical is null)
            {
                error = catalog.UnknownMetricMessage(name);
                return false;
            }

            names.Add(canonical);
        }

        if (!string.IsNullOrWhiteSpace(filterText))
        {
            if (!MetricFilter.TryParse(filterText, out filter, out error))
            {
                return false;
            }

            if (endpoint.DimensionError(names, filter) is { } unsupported)
            {
                error = unsupported;
                return false;
            }
        }

        parsed = new MetricsQuery(names, start, end, interval, aggregations);
        error = null;
        return true;
    }
}
