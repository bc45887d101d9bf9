using System.Buffers;
using System.Runtime.InteropServices;

namespace Scalewise.Core.Decisions;

/// <summary>Reads the value a trigger sees in its window. Runs every tick for every rule, so it does not allocate.</summary>
internal static class WindowReader
{
    private const int StackLimit = 256;

    public static double? Observe(MetricTrigger trigger, string targetResourceId, IReadOnlyList<MetricWindow> windows, DateTimeOffset now, int countedCapacity)
    {
        var window = Find(trigger.MetricName, trigger.MetricNamespace, trigger.MetricResourceId ?? targetResourceId, trigger.Statistic, trigger.TimeGrain, trigger.TimeWindow, trigger.Dimensions, windows);
        return window is null ? null : Read(window, now - trigger.TimeWindow, now, trigger.TimeAggregation, trigger.Percentile, trigger.DividePerInstance, countedCapacity);
    }

    /// <summary>What a target tracking sees, read as <see cref="TargetTrackingRule.AsTrigger"/> would be.</summary>
    public static double? Observe(TargetTrackingRule rule, string targetResourceId, IReadOnlyList<MetricWindow> windows, DateTimeOffset now, int countedCapacity)
    {
        var window = Find(rule.MetricName, rule.MetricNamespace, rule.MetricResourceId ?? targetResourceId, rule.Statistic, rule.TimeGrain, rule.TimeWindow, rule.Dimensions, windows);
        return window is null ? null : Read(window, now - rule.TimeWindow, now, rule.TimeAggregation, rule.Percentile, rule.DividePerInstance, countedCapacity);
    }

    private static double? Read(MetricWindow window, DateTimeOffset from, DateTimeOffset to, TimeAggregation aggregation, double? percentile, bool dividePerInstance, int countedCapacity)
    {
        double? value;
        var points = window.Points;
        MetricPoint[]? copied = null;
        var span = points switch
        {
            MetricPoint[] array => array,
            List<MetricPoint> list => CollectionsMarshal.AsSpan(list),
            MetricPointSlice slice => slice.Span,
            _ => copied = ArrayPool<MetricPoint>.Shared.Rent(points.Count),
        };
        try
        {
            if (copied is not null)
            {
                for (var i = 0; i < points.Count; i++)
                {
                    copied[i] = points[i];
                }

                span = copied.AsSpan(0, points.Count);
            }

            value = percentile is { } p
                ? Percentile(span, from.UtcTicks, to.UtcTicks, p)
                : Aggregate(span, from.UtcTicks, to.UtcTicks, aggregation);
        }
        finally
        {
            if (copied is not null)
            {
                ArrayPool<MetricPoint>.Shared.Return(copied, clearArray: true);
            }
        }

        return value is { } v && dividePerInstance ? v / Math.Max(1, countedCapacity) : value;
    }

    private static MetricWindow? Find(
        string metricName, string? metricNamespace, string resourceId, TimeAggregation statistic, TimeSpan grain, TimeSpan span, IReadOnlyList<MetricDimension>? dimensions, IReadOnlyList<MetricWindow> windows)
    {
        for (var i = 0; i < windows.Count; i++)
        {
            var request = windows[i].Request;
            // The cheap comparisons first: rules on one metric usually differ by their window.
            if (request.Window == span
                && request.TimeGrain == grain
                && request.Aggregation == statistic
                && string.Equals(request.MetricName, metricName, StringComparison.Ordinal)
                && string.Equals(request.ResourceId, resourceId, StringComparison.Ordinal)
                && string.Equals(request.MetricNamespace, metricNamespace, StringComparison.Ordinal)
                && string.Equals(request.DimensionFilter, MetricRequest.FilterFor(dimensions), StringComparison.Ordinal))
            {
                return windows[i];
            }
        }

        return null;
    }

    // Points are compared by UTC ticks, as DateTimeOffset compares them.
    private static double? Aggregate(ReadOnlySpan<MetricPoint> points, long from, long to, TimeAggregation aggregation)
    {
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity, last = 0;
        var count = 0;
        foreach (var point in points)
        {
            var at = point.TimeStamp.UtcTicks;
            if (point.Value is not { } value || at < from || at > to)
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
    private static double? Percentile(ReadOnlySpan<MetricPoint> points, long from, long to, double percentile)
    {
        double[]? rented = null;
        var buffer = points.Length <= StackLimit ? stackalloc double[points.Length] : (rented = ArrayPool<double>.Shared.Rent(points.Length));
        try
        {
            var count = 0;
            foreach (var point in points)
            {
                var at = point.TimeStamp.UtcTicks;
                if (point.Value is { } value && at >= from && at <= to)
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
