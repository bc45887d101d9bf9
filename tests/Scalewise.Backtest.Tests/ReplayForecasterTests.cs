using Scalewise.Core.Forecasting;
using Scalewise.Core.Policies;

namespace Scalewise.Backtest.Tests;

public sealed class ReplayForecasterTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly PredictiveScaling Settings = new(PredictiveMode.ForecastOnly, "Requests", 6000);

    [Fact]
    public void Advance_HourlyRefit_ForecastsExactlyAsForecastDemandDoesFromTheSameHistory()
    {
        // Ten days of a noisy daily cycle on a rising trend (per hour, the same every minute of it): from day 9 every
        // method is backtested, and Holt-Winters, whose level follows the trend, beats copying an earlier day or week.
        var random = new Random(3);
        var minutes = 10 * 1440;
        var history = new double[minutes];
        for (var hour = 0; hour < minutes / 60; hour++)
        {
            var rate = Math.Round(400 + (300 * Math.Sin(hour % 24 / 24.0 * 2 * Math.PI)) + (20 * hour) + (50 * random.NextDouble()));
            Array.Fill(history, rate, hour * 60, 60);
        }

        var forecaster = new ReplayForecaster(Settings, Start, minutes, refitInterval: TimeSpan.FromHours(1), warmStart: false);
        foreach (var hour in Enumerable.Range(1, minutes / 60))
        {
            var minute = (hour * 60) - 1;
            var made = forecaster.Advance(minute, history.AsSpan(0, minute + 1), Start.AddHours(hour));
            if (hour is 220 or 240)
            {
                // What ForecastDemand computes at that hour: the same Core call on the hourly totals before it.
                var hourly = new HourlySeries(Start, Enumerable.Range(0, hour).Select(h => history.AsSpan(h * 60, 60).ToArray().Sum()));
                var expected = DemandForecasting.Forecast(hourly, Start.AddHours(hour), new BacktestOptions(HorizonHours: 48, Days: 7));

                Assert.Equal(hour == 240 ? HoltWintersForecaster.AdditiveName : SeasonalNaiveForecaster.DailyName, made.Method);
                Assert.Equal(expected.Method, made.Method);
                Assert.Equal(expected.Accuracy, made.Accuracy);
                Assert.Equal(expected.Reason, made.Reason);
                Assert.Equal(expected.Points, made.Points);
            }
        }
    }

    [Fact]
    public void Advance_NotOnTheHour_IsRefused()
    {
        var forecaster = new ReplayForecaster(Settings, Start.AddMinutes(30), 120);

        Assert.False(forecaster.IsHourEnd(0));
        Assert.True(forecaster.IsHourEnd(29));
        Assert.Throws<ArgumentException>(() => forecaster.Advance(30, new double[31], Start.AddMinutes(61)));
    }
}
