namespace Scalewise.Backtest;

/// <summary>Azure Monitor's time aggregations over a run of a simulated metric's one-minute values (NaN: no data that minute).</summary>
internal static class MinuteAggregation
{
    /// <summary>The <paramref name="aggregation"/> of the minutes [<paramref name="from"/>, <paramref name="to"/>) that have data; null when none has.</summary>
    public static double? Over(ReadOnlySpan<double> history, int from, int to, TimeAggregation aggregation)
    {
        double sum = 0, min = double.MaxValue, max = double.MinValue, last = 0;
        var n = 0;
        for (var m = from; m < to; m++)
        {
            var value = history[m];
            if (double.IsNaN(value))
            {
                continue;
            }

            n++;
            sum += value;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
            last = value;
        }

        if (n == 0)
        {
            return null;
        }

        return aggregation switch
        {
            TimeAggregation.Average => sum / n,
            TimeAggregation.Minimum => min,
            TimeAggregation.Maximum => max,
            TimeAggregation.Total => sum,
            TimeAggregation.Count => n,
            _ => last,
        };
    }
}
