namespace Scalewise.Simulator.Wire;

/// <summary>
/// Azure Monitor metric values for VMs and Redis caches: each minute sampled every 10 s; points at whole minutes from the
/// start of the timespan, served only once their whole interval has elapsed (as for scale sets).
/// </summary>
internal static class ResourceMetricsJson
{
    private const int SamplesPerMinute = 6;

    public static JsonArray Values(IMetricSource source, MetricsQuery query, DateTimeOffset now)
    {
        var values = new JsonArray();
        foreach (var name in query.MetricNames)
        {
            values.Add(Metric(source, name, query, now));
        }

        return values;
    }

    private static JsonObject Metric(IMetricSource source, string name, MetricsQuery query, DateTimeOffset now)
    {
        var description = source.Catalog.Describe(name);
        var data = new JsonArray();
        var first = new DateTimeOffset(query.Start.UtcTicks - (query.Start.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var step = TimeSpan.FromMinutes(1) / SamplesPerMinute;
        for (var start = first; start < query.End && start + query.Interval <= now; start += query.Interval)
        {
            double sum = 0, min = double.MaxValue, max = double.MinValue;
            var count = 0;
            for (var t = start; t < start + query.Interval; t += step)
            {
                var value = source.ValueAt(name, t);
                sum += value;
                min = Math.Min(min, value);
                max = Math.Max(max, value);
                count++;
            }

            var point = new JsonObject { ["timeStamp"] = WireFormat.Seconds(start) };
            MetricPoints.Add(point, query.Aggregations, sum / count, min, max, sum, count);
            data.Add(point);
        }

        return new JsonObject
        {
            ["id"] = $"{source.ResourceId}/providers/Microsoft.Insights/metrics/{name}",
            ["type"] = "Microsoft.Insights/metrics",
            ["name"] = new JsonObject { ["value"] = name, ["localizedValue"] = name },
            ["displayDescription"] = description.Description,
            ["unit"] = description.Unit,
            ["timeseries"] = new JsonArray { new JsonObject { ["metadatavalues"] = new JsonArray(), ["data"] = data } },
            ["errorCode"] = "Success",
        };
    }
}
