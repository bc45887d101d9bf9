using Scalewise.Core.Metrics;

namespace Scalewise.Azure.Metrics;

/// <summary>Reads the body of ARM <c>GET {resourceId}/providers/Microsoft.Insights/metrics</c> (api-version 2024-02-01) and of <c>metrics:getBatch</c>.</summary>
internal static class MetricsResponseParser
{
    /// <summary>
    /// The metrics in <paramref name="body"/>, each with the values of <paramref name="aggregation"/>'s field.
    /// Several time series (one per dimension value when a filter splits them) are combined per time stamp: Total and Count
    /// are summed, Minimum and Maximum take the least and greatest, and Average is the mean weighted by each series'
    /// <c>count</c> (the average over all the samples, as the unsplit metric would report it; a plain mean of the series only
    /// when a point carries no count). So a metric is always one series.
    /// </summary>
    public static IReadOnlyList<ParsedMetric> Parse(JsonElement body, TimeAggregation aggregation)
    {
        var field = AzureMonitorAggregation.ResponseField(aggregation);
        var result = new List<ParsedMetric>();
        if (!body.TryGetProperty("value", out var metrics) || metrics.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var metric in metrics.EnumerateArray())
        {
            var name = metric.TryGetProperty("name", out var nameElement) && nameElement.TryGetProperty("value", out var nameValue)
                ? nameValue.GetString() ?? string.Empty
                : string.Empty;
            var errorCode = metric.TryGetProperty("errorCode", out var code) ? code.GetString() : null;
            var errorMessage = metric.TryGetProperty("errorMessage", out var message) ? message.GetString() : null;

            var byTime = new SortedDictionary<DateTimeOffset, List<(double Value, double? Count)>>();
            var timeStamps = new SortedSet<DateTimeOffset>();
            if (metric.TryGetProperty("timeseries", out var series) && series.ValueKind == JsonValueKind.Array)
            {
                foreach (var element in series.EnumerateArray())
                {
                    if (!element.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                    {
                        continue;
                    }

                    foreach (var point in data.EnumerateArray())
                    {
                        var time = DateTimeOffset.Parse(point.GetProperty("timeStamp").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                        timeStamps.Add(time);
                        if (point.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number)
                        {
                            if (!byTime.TryGetValue(time, out var values))
                            {
                                byTime[time] = values = [];
                            }

                            values.Add((value.GetDouble(), point.TryGetProperty("count", out var count) && count.ValueKind == JsonValueKind.Number ? count.GetDouble() : null));
                        }
                    }
                }
            }

            var points = timeStamps
                .Select(t => new MetricPoint(t, byTime.TryGetValue(t, out var values) ? Combine(values, aggregation) : null))
                .ToList();
            result.Add(new ParsedMetric(name, errorCode, errorMessage, points));
        }

        return result;
    }

    /// <summary>The ARM error code and message of an error body (<c>{"error":{"code","message"}}</c>), when it has them.</summary>
    /// <summary>
    /// The points of <paramref name="request"/>'s metric in a parsed answer; none, with a warning, when Azure left the
    /// metric out or reported an error for it (both readers read an answer this way).
    /// </summary>
    public static IReadOnlyList<MetricPoint> PointsFor(IReadOnlyList<ParsedMetric> parsed, MetricRequest request, ILogger logger)
    {
        var metric = parsed.FirstOrDefault(m => string.Equals(m.Name, request.MetricName, StringComparison.OrdinalIgnoreCase));
        if (metric is null)
        {
            Log.MetricMissing(logger, request.MetricName, request.ResourceId);
            return [];
        }

        if (!metric.Succeeded)
        {
            Log.MetricError(logger, metric.ErrorCode, request.MetricName, request.ResourceId, metric.ErrorMessage);
            return [];
        }

        return metric.Points;
    }

    public static (string? Code, string? Message) ParseError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var inner) ? inner : root;
            if (error.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static double Combine(List<(double Value, double? Count)> values, TimeAggregation aggregation) => aggregation switch
    {
        TimeAggregation.Total or TimeAggregation.Count => values.Sum(v => v.Value),
        TimeAggregation.Minimum => values.Min(v => v.Value),
        TimeAggregation.Maximum => values.Max(v => v.Value),
        _ when values.Count > 1 && values.All(v => v.Count is > 0) => values.Sum(v => v.Value * v.Count!.Value) / values.Sum(v => v.Count!.Value),
        _ => values.Average(v => v.Value),
    };
}
