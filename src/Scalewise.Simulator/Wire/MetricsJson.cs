using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Simulator.Wire;

/// <summary>
/// Azure Monitor metric values for a simulated scale set. Points sit at whole minutes from the start of the
/// timespan; a point is served only once its whole interval has elapsed on the simulator's clock.
/// </summary>
internal static class MetricsJson
{
    public const string PercentageCpu = "Percentage CPU";
    public const string NetworkInTotal = "Network In Total";

    public static IReadOnlyList<string> Served { get; } = [PercentageCpu, NetworkInTotal];

    /// <summary>The served metric's canonical name, or null when the simulator does not serve it.</summary>
    public static string? Canonical(string name) =>
        Served.FirstOrDefault(s => s.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string UnknownMetricMessage(string name) =>
        $"Failed to find metric configuration for provider: microsoft.compute, resource Type: virtualmachinescalesets, metric: {name}, Valid metrics: {string.Join(',', Served)}";

    public static JsonArray Values(SimulatedScaleSet scaleSet, MetricsQuery query, DateTimeOffset now)
    {
        var minutes = Buckets(scaleSet, query, now);
        var values = new JsonArray();
        foreach (var name in query.MetricNames)
        {
            values.Add(Metric(scaleSet, name, minutes, query.Aggregations, scaleSet.Model.BytesPerRequest));
        }

        return values;
    }

    public static int PointCount(JsonArray values) =>
        values.Sum(v => v?["timeseries"]?.AsArray().Sum(t => t?["data"]?.AsArray().Count ?? 0) ?? 0);

    private static List<(DateTimeOffset Start, MinuteSample[] Minutes)> Buckets(SimulatedScaleSet scaleSet, MetricsQuery query, DateTimeOffset now)
    {
        var buckets = new List<(DateTimeOffset, MinuteSample[])>();
        var first = new DateTimeOffset(query.Start.UtcTicks - (query.Start.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var minutesPerBucket = (int)(query.Interval.Ticks / TimeSpan.TicksPerMinute);
        for (var start = first; start < query.End; start += query.Interval)
        {
            if (start + query.Interval > now)
            {
                break;
            }

            var minutes = new MinuteSample[minutesPerBucket];
            for (var m = 0; m < minutesPerBucket; m++)
            {
                minutes[m] = scaleSet.SampleMinute(start + TimeSpan.FromMinutes(m));
            }

            buckets.Add((start, minutes));
        }

        return buckets;
    }

    private static JsonObject Metric(
        SimulatedScaleSet scaleSet,
        string name,
        List<(DateTimeOffset Start, MinuteSample[] Minutes)> buckets,
        MetricAggregations aggregations,
        double bytesPerRequest)
    {
        var cpu = name == PercentageCpu;
        var data = new JsonArray();
        foreach (var (start, minutes) in buckets)
        {
            double average, minimum, maximum, total, count;
            if (cpu)
            {
                count = minutes.Sum(m => m.CpuSampleCount);
                total = minutes.Sum(m => m.CpuAverage * m.CpuSampleCount);
                average = total / count;
                minimum = minutes.Min(m => m.CpuMinimum);
                maximum = minutes.Max(m => m.CpuMaximum);
            }
            else
            {
                // Bytes received per minute, reported per instance: the average is one instance's share.
                total = minutes.Sum(m => m.Requests * bytesPerRequest);
                count = minutes.Sum(m => Math.Max(1, m.ReportingInstances));
                average = total / count;
                minimum = minutes.Min(m => m.Requests * bytesPerRequest / Math.Max(1, m.ReportingInstances));
                maximum = minutes.Max(m => m.Requests * bytesPerRequest / Math.Max(1, m.ReportingInstances));
            }

            var point = new JsonObject { ["timeStamp"] = WireFormat.Seconds(start) };
            MetricPoints.Add(point, aggregations, average, minimum, maximum, total, count);
            data.Add(point);
        }

        return new JsonObject
        {
            ["id"] = $"{scaleSet.ResourceId}/providers/Microsoft.Insights/metrics/{name}",
            ["type"] = "Microsoft.Insights/metrics",
            ["name"] = new JsonObject { ["value"] = name, ["localizedValue"] = name },
            ["displayDescription"] = cpu
                ? "The percentage of allocated compute units that are currently in use by the Virtual Machine(s)"
                : "The number of bytes received on all network interfaces by the Virtual Machine(s) (Incoming Traffic)",
            ["unit"] = cpu ? "Percent" : "Bytes",
            ["timeseries"] = new JsonArray
            {
                new JsonObject { ["metadatavalues"] = new JsonArray(), ["data"] = data },
            },
            ["errorCode"] = "Success",
        };
    }
}
