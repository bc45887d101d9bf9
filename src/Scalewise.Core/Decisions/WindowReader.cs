using System.Buffers;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;

namespace Scalewise.Core.Decisions;

/// <summary>Reads the value a trigger sees in its window. Runs every tick for every rule, so it does not allocate.</summary>
internal static class WindowReader
{
    private const int StackLimit = 256;

    public static double? Observe(MetricTrigger trigger, string targetResourceId, IReadOnlyList<MetricWindow> windows, DateTimeOffset now, int countedCapacity)
    {
        var window = Find(trigger, targetResourceId, windows);
        if (window is null)
        {
            return null;
        }

        var value = trigger.Percentile is { } percentile
            ? Percentile(window.Points, now - trigger.TimeWindow, now, percentile)
            : Aggregate(window.Points, now - trigger.TimeWindow, now, trigger.TimeAggregation);
        return value is { } v && trigger.DividePerInstance ? v / Math.Max(1, countedCapacity) : value;
    }

    private static MetricWindow? Find(MetricTrigger trigger, string targetResourceId, IReadOnlyList<MetricWindow> windows)
    {
        var resourceId = trigger.MetricResourceId ?? targetResourceId;
        for (var i = 0; i < windows.Count; i++)
        {
            var request = windows[i].Request;
            if (string.Equals(request.MetricName, trigger.MetricName, StringComparison.Ordinal)
                && string.Equals(request.ResourceId, resourceId, StringComparison.Ordinal)
                && string.Equals(request.MetricNamespace, trigger.MetricNamespace, StringComparison.Ordinal)
                && request.Aggregation == trigger.Statistic
                && request.TimeGrain == trigger.TimeGrain
                && request.Window == trigger.TimeWindow
                && string.Equals(request.DimensionFilter, MetricRequest.FilterFor(trigger.Dimensions), StringComparison.Ordinal))
            {
                return windows[i];
            }
        }

        return null;
    }

    private static double? Aggregate(IReadOnlyList<MetricPoint> points, DateTimeOffset from, DateTimeOffset to, TimeAggregation aggregation)
    {
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity, last = 0;
        var count = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            if (point.Value is not { } value || point.TimeStamp < from || point.TimeStamp > to)
            {
                continue;
            }

            sum += value;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
            last = value;
            count++;
        }

        if (count == 0)
        {
            return null;
        }

        return aggregation switch
        {
            TimeAggregation.Average => sum / count,
            TimeAggregation.Minimum => min,
            TimeAggregation.Maximum => max,
            TimeAggregation.Total => sum,
            TimeAggregation.Count => count,
            TimeAggregation.Last => last,
            _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown time aggregation."),
        };
    }

    /// <summary>The percentile of the window's values, interpolated between the closest ranks (Excel's PERCENTILE.INC).</summary>
    private static double? Percentile(IReadOnlyList<MetricPoint> points, DateTimeOffset from, DateTimeOffset to, double percentile)
    {
        double[]? rented = null;
        var buffer = points.Count <= StackLimit ? stackalloc double[points.Count] : (rented = ArrayPool<double>.Shared.Rent(points.Count));
        try
        {
            var count = 0;
            for (var i = 0; i < points.Count; i++)
            {
                var point = points[i];
                if (point.Value is { } value && point.TimeStamp >= from && point.TimeStamp <= to)
                {
                    buffer[count++] = value;
                }
            }

            if (count == 0)
            {
                return null;
            }

            var values = buffer[..count];
            values.Sort();
            var rank = percentile / 100 * (count - 1);
            var below = (int)Math.Floor(rank);
            var above = Math.Min(below + 1, count - 1);
            return values[below] + ((rank - below) * (values[above] - values[below]));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }
}
