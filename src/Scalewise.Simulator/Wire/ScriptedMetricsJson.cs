namespace Scalewise.Simulator.Wire;

/// <summary>
/// Azure Monitor metric values for scripted series. Each series has one value per whole minute; a point over an interval of
/// several minutes aggregates those values (average, minimum, maximum, total, count of minutes with data). Without a filter
/// the metric's series are combined into one; with one, each combination of the filter's dimension values is its own
/// series, named in <c>metadatavalues</c>. Points sit and appear as for the modelled metrics.
/// </summary>
internal static class ScriptedMetricsJson
{
    public static JsonObject Metric(string resourceId, string name, IReadOnlyList<ScriptedMetricSeries> series, MetricsQuery query, MetricFilter? filter, DateTimeOffset now)
    {
        var groups = filter is null
            ? [([], series)]
            : series
                .Where(filter.Matches)
                .GroupBy(s => string.Join('\u001f', filter.DimensionNames.Select(d => s.DimensionValue(d)?.ToUpperInvariant())))
                .Select(g => (filter.DimensionNames.Select(d => (d, g.First().DimensionValue(d)!)).ToArray(), g.ToList() as IReadOnlyList<ScriptedMetricSeries>))
                .ToList();

        var timeseries = new JsonArray();
        foreach (var (dimensions, members) in groups)
        {
            var metadata = new JsonArray();
            foreach (var (dimension, value) in dimensions)
            {
                metadata.Add(new JsonObject
                {
                    ["name"] = new JsonObject { ["value"] = dimension, ["localizedValue"] = dimension },
                    ["value"] = value,
                });
            }

            timeseries.Add(new JsonObject { ["metadatavalues"] = metadata, ["data"] = Data(members, query, now) });
        }

        return new JsonObject
        {
            ["id"] = $"{resourceId}/providers/Microsoft.Insights/metrics/{name}",
            ["type"] = "Microsoft.Insights/metrics",
            ["name"] = new JsonObject { ["value"] = name, ["localizedValue"] = name },
            ["displayDescription"] = $"{name} (scripted in the estate simulator)",
            ["unit"] = series.Count > 0 ? series[0].Unit : "Count",
            ["timeseries"] = timeseries,
            ["errorCode"] = "Success",
        };
    }

    private static JsonArray Data(IReadOnlyList<ScriptedMetricSeries> members, MetricsQuery query, DateTimeOffset now)
    {
        var data = new JsonArray();
        var first = new DateTimeOffset(query.Start.UtcTicks - (query.Start.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        for (var start = first; start < query.End && start + query.Interval <= now; start += query.Interval)
        {
            double total = 0, minimum = double.MaxValue, maximum = double.MinValue;
            var count = 0;
            for (var minute = start; minute < start + query.Interval; minute += TimeSpan.FromMinutes(1))
            {
                foreach (var member in members)
                {
                    if (member.Values(minute) is { } value && double.IsFinite(value))
                    {
                        total += value;
                        minimum = Math.Min(minimum, value);
                        maximum = Math.Max(maximum, value);
                        count++;
                    }
                }
            }

            // A grain without data is a time stamp alone, as Azure Monitor answers it.
            var point = new JsonObject { ["timeStamp"] = WireFormat.Seconds(start) };
            if (count > 0)
            {
                MetricPoints.Add(point, query.Aggregations, total / count, minimum, maximum, total, count);
            }

            data.Add(point);
        }

        return data;
    }
}
