namespace Scalewise.Core.Forecasting;

/// <summary>Each hour is forecast as the same hour one season earlier: the baseline every other method must beat.</summary>
public sealed class SeasonalNaiveForecaster : IDemandForecaster
{
    public const string DailyName = "seasonal-naive";

    public const string WeeklyName = "seasonal-naive-weekly";

    public SeasonalNaiveForecaster(string name, int seasonHours)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonHours, 1);
        Name = name;
        SeasonHours = seasonHours;
    }

    /// <summary>Season of one day (24 hours): the baseline, named "seasonal-naive".</summary>
    public static SeasonalNaiveForecaster Daily { get; } = new(DailyName, 24);

    /// <summary>Season of one week (168 hours).</summary>
    public static SeasonalNaiveForecaster Weekly { get; } = new(WeeklyName, 168);

    public string Name { get; }

    public int SeasonHours { get; }

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (history.IsEmpty)
        {
            throw new ArgumentException("the history is empty; a forecast needs at least one hour.", nameof(history));
        }

        var season = Math.Min(SeasonHours, history.Length);
        var forecast = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            // The same hour in the last season of the history.
            forecast[h] = history[history.Length - season + (h % season)];
        }

        return forecast;
    }
}
