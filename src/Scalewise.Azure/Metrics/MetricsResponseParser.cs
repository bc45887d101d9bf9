using Scalewise.Core.Metrics;

namespace Scalewise.Azure.Metrics;

/// <summary>Reads the body of ARM <c>GET {resourceId}/providers/Microsoft.Insights/metrics</c> (api-version 2024-02-01).</summary>
internal static class MetricsResponseParser
{
    /// <summary>
    /// The metrics in <paramref name="body"/>, each with the values of <paramref name="aggregation"/>'s field.
    /// Several time series (one per dimension value when a filter splits them) are combined per time stamp with the
    /// same aggregation (sum for Total and Count, min, max, or mean), so a metric is always one series.
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

            var byTime = new SortedDictionary<DateTimeOffset, List<double>>();
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

                            values.Add(value.GetDouble());
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

    private static double Combine(List<double> values, TimeAggregation aggregation) => aggregation switch
    {
        TimeAggregation.Total or TimeAggregation.Count => values.Sum(),
        TimeAggregation.Minimum => values.Min(),
        TimeAggregation.Maximum => values.Max(),
        _ => values.Average(),
    };
}
