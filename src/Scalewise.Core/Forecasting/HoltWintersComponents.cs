namespace Scalewise.Core.Forecasting;

/// <summary>The components of a double-seasonal Holt-Winters filter: the level, the daily (24 h) and the weekly (168 h) seasonal parts.</summary>
internal sealed class HoltWintersComponents
{
    private const int Day = 24;
    private const int Week = 168;

    public double Level { get; set; }

    public double[] Daily { get; } = new double[Day];

    public double[] Weekly { get; } = new double[Week];

    /// <summary>Starting components from the first weeks (up to two): their mean level, mean hour-of-day profile, and the rest by hour of week.</summary>
    public static HoltWintersComponents Initial(ReadOnlySpan<double> z)
    {
        var weeks = Math.Min(2, z.Length / Week);
        var span = weeks * Week;
        var state = new HoltWintersComponents { Level = z[..span].ToArray().Average() };
        var dayMeans = new double[span / Day];
        for (var day = 0; day < dayMeans.Length; day++)
        {
            dayMeans[day] = z.Slice(day * Day, Day).ToArray().Average();
        }

        for (var t = 0; t < span; t++)
        {
            state.Daily[t % Day] += (z[t] - dayMeans[t / Day]) / (span / Day);
        }

        for (var t = 0; t < span; t++)
        {
            state.Weekly[t % Week] += (z[t] - state.Level - state.Daily[t % Day]) / weeks;
        }
        return state;
    }
}
