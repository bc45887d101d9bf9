using System.Collections;

namespace Scalewise.Core.Metrics;

/// <summary>
/// A window's points as a slice of a longer array, moved along instead of copied: the backtest reads a sliding window of
/// the same per-minute points every simulated minute. The decision code reads it as a span.
/// </summary>
public sealed class MetricPointSlice : IReadOnlyList<MetricPoint>
{
    private MetricPoint[] points = [];
    private int start;

    public int Count { get; private set; }

    public ReadOnlySpan<MetricPoint> Span => points.AsSpan(start, Count);

    public MetricPoint this[int index] => Span[index];

    /// <summary>Shows <paramref name="count"/> points of <paramref name="source"/> from <paramref name="from"/>.</summary>
    public void Show(MetricPoint[] source, int from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from + count, source.Length);
        points = source;
        start = from;
        Count = count;
    }

    public IEnumerator<MetricPoint> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return points[start + i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
