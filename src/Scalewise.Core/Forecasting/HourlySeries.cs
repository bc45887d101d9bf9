namespace Scalewise.Core.Forecasting;

/// <summary>
/// Demand per hour from <see cref="Start"/> (on the hour, UTC), oldest first; <see cref="double.NaN"/> marks an hour with no data.
/// </summary>
public sealed class HourlySeries
{
    /// <summary>An hour with fewer minutes of data than this is missing; one with at least this many is scaled up to 60 minutes.</summary>
    public const int MinimumMinutesPerHour = 30;

    private readonly double[] values;
    private double[]? filled;

    public HourlySeries(DateTimeOffset start, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Start = start;
        this.values = values.ToArray();
        foreach (var value in this.values)
        {
            MissingHours += double.IsNaN(value) ? 1 : 0;
        }
    }

    public DateTimeOffset Start { get; }

    public IReadOnlyList<double> Values => values;

    public int Length => values.Length;

    public int MissingHours { get; }

    /// <summary>Hours from the first to the last, as days.</summary>
    public double Days => values.Length / 24.0;

    /// <summary>
    /// Sums per-minute counts (a negative count is a minute with no data) into hours starting on the hour. An hour with at
    /// least <see cref="MinimumMinutesPerHour"/> minutes of data is its sum scaled to 60 minutes (a partial hour would
    /// otherwise look like a drop in demand); an hour with fewer is missing.
    /// </summary>
    public static HourlySeries FromMinutes(DateTimeOffset firstMinute, ReadOnlySpan<int> requestsPerMinute)
    {
        var utc = firstMinute.ToUniversalTime();
        var start = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
        var offset = (int)((utc - start).Ticks / TimeSpan.TicksPerMinute);
        var hours = (offset + requestsPerMinute.Length + 59) / 60;
        var sums = new double[hours];
        var known = new int[hours];
        for (var i = 0; i < requestsPerMinute.Length; i++)
        {
            if (requestsPerMinute[i] >= 0)
            {
                var hour = (offset + i) / 60;
                sums[hour] += requestsPerMinute[i];
                known[hour]++;
            }
        }

        var values = new double[hours];
        for (var h = 0; h < hours; h++)
        {
            values[h] = known[h] >= MinimumMinutesPerHour ? sums[h] * 60 / known[h] : double.NaN;
        }

        return new HourlySeries(start, values);
    }

    /// <summary>
    /// The series with every missing hour filled, for the methods to read: the same hour a week earlier when known, else a
    /// day earlier, else the last known hour (the first known hour before any). Scoring never counts a filled hour.
    /// </summary>
    public double[] Filled() => (double[])FilledValues.Clone();

    /// <summary>The values, each hour as it is (NaN without data), not to be changed.</summary>
    internal double[] RawValues => values;

    /// <summary>What <see cref="Filled"/> returns, made once, not to be changed.</summary>
    public double[] FilledValues => filled ??= Fill();

    private double[] Fill()
    {
        var filled = (double[])values.Clone();
        var firstKnown = 0;
        while (firstKnown < filled.Length && double.IsNaN(filled[firstKnown]))
        {
            firstKnown++;
        }

        if (firstKnown == filled.Length)
        {
            return new double[filled.Length];
        }

        var last = filled[firstKnown];
        for (var t = 0; t < filled.Length; t++)
        {
            if (double.IsNaN(filled[t]))
            {
                filled[t] = t >= 168 && !double.IsNaN(values[t - 168]) ? values[t - 168]
                    : t >= 24 && !double.IsNaN(values[t - 24]) ? values[t - 24]
                    : last;
            }
            else
            {
                last = filled[t];
            }
        }

        return filled;
    }
}
