namespace Scalewise.Core.Forecasting;

/// <summary>
/// Forecasts a target's demand: backtests every method on the history (<see cref="RollingOriginBacktest"/>), chooses the
/// one with the lowest MASE (the daily seasonal-naive baseline wins ties), and forecasts the hours after the history with it.
/// </summary>
public static class DemandForecasting
{
    public const string LastValueMethod = "last-value";

    public static DemandForecast Forecast(
        HourlySeries history,
        DateTimeOffset generatedAt,
        BacktestOptions? options = null,
        IReadOnlyList<IDemandForecaster>? forecasters = null,
        BacktestScoreCache? scores = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        options ??= new BacktestOptions(Days: 7);
        forecasters ??= RollingOriginBacktest.DefaultForecasters;
        var end = history.Start.AddHours(history.Length);
        var known = history.Length - history.MissingHours;
        if (known == 0)
        {
            return new DemandForecast(LastValueMethod, generatedAt, [], null, "the history has no hour with data, so there is nothing to forecast from.");
        }

        var filled = history.FilledValues;
        if (history.Length < 24)
        {
            var points = Points(end, Enumerable.Repeat(filled[^1], options.HorizonHours).ToArray());
            var reason = string.Create(CultureInfo.InvariantCulture, $"less than 7 days of history (only {history.Length} hours, not even one day): the last hour's demand is repeated, accuracy not measured.");
            return new DemandForecast(LastValueMethod, generatedAt, points, null, reason);
        }

        var backtest = RollingOriginBacktest.Run(history, forecasters, options, scores);
        var method = forecasters.FirstOrDefault(f => f.Name == backtest.Chosen) ?? SeasonalNaiveForecaster.Daily;
        var forecast = method.Forecast(filled, options.HorizonHours);
        var accuracy = backtest.Origins == 0
            ? null
            : new ForecastAccuracy(
                backtest[backtest.Chosen]?.Mase,
                backtest[backtest.Chosen]?.Smape,
                backtest[SeasonalNaiveForecaster.DailyName]?.Mase,
                backtest[SeasonalNaiveForecaster.DailyName]?.Smape,
                backtest.Origins,
                backtest.HorizonHours,
                AccuracyMeasures.MaseSeasonHours);
        return new DemandForecast(method.Name, generatedAt, Points(end, forecast), accuracy, backtest.Reason);
    }

    private static ForecastPoint[] Points(DateTimeOffset first, double[] values) =>
        [.. values.Select((value, h) => new ForecastPoint(first.AddHours(h), value))];
}
