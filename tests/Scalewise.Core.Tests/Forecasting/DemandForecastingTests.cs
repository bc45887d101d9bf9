using Scalewise.Core.Forecasting;

namespace Scalewise.Core.Tests.Forecasting;

public sealed class DemandForecastingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 30, 0, 5, 0, TimeSpan.Zero);

    [Fact]
    public void Forecast_FourWeeksOfSeasonalDemand_48HourlyPointsFromASeasonalMethodWithItsAccuracy()
    {
        var history = new HourlySeries(SyntheticDemand.Monday, SyntheticDemand.Hourly(days: 28, seed: 11));

        var forecast = DemandForecasting.Forecast(history, Now);

        Assert.NotEqual(SeasonalNaiveForecaster.DailyName, forecast.Method);
        Assert.Equal(Now, forecast.GeneratedAt);
        Assert.Equal(48, forecast.Points.Count);
        Assert.Equal(SyntheticDemand.Monday.AddDays(28), forecast.Points[0].Hour);
        Assert.Equal(SyntheticDemand.Monday.AddDays(28).AddHours(47), forecast.Points[^1].Hour);
        Assert.NotNull(forecast.Accuracy);
        Assert.True(forecast.Accuracy.Mase < forecast.Accuracy.BaselineMase);
        Assert.Equal(24, forecast.Accuracy.MaseSeasonHours);
        Assert.Equal((7 * 24) - 48 + 1, forecast.Accuracy.Origins);

        // Monday 15:00 is near the daily peak (1600); Saturday-like troughs are not forecast for a weekday.
        Assert.InRange(forecast.Points[15].Demand, 1300, 1900);
    }

    [Fact]
    public void Forecast_FiveDaysOfHistory_FallsBackToSeasonalNaiveAndSaysWhy()
    {
        var values = SyntheticDemand.Hourly(days: 5, seed: 2);

        var forecast = DemandForecasting.Forecast(new HourlySeries(SyntheticDemand.Monday, values), Now);

        Assert.Equal(SeasonalNaiveForecaster.DailyName, forecast.Method);
        Assert.Null(forecast.Accuracy);
        Assert.StartsWith("less than 7 days of history (5 days)", forecast.Reason, StringComparison.Ordinal);
        Assert.Equal(values[^24..].Concat(values[^24..]), forecast.Points.Select(p => p.Demand));
    }

    [Fact]
    public void Forecast_FlatHistory_SeasonalNaiveKeepsItFlatAndSaysMaseIsUndefined()
    {
        var forecast = DemandForecasting.Forecast(new HourlySeries(SyntheticDemand.Monday, Enumerable.Repeat(50.0, 14 * 24)), Now);

        Assert.Equal(SeasonalNaiveForecaster.DailyName, forecast.Method);
        Assert.All(forecast.Points, p => Assert.Equal(50, p.Demand));
        Assert.Contains("MASE is undefined", forecast.Reason, StringComparison.Ordinal);
        Assert.Null(forecast.Accuracy!.Mase);
    }

    [Fact]
    public void Forecast_LessThanADay_RepeatsTheLastHour()
    {
        var forecast = DemandForecasting.Forecast(new HourlySeries(SyntheticDemand.Monday, [10, 20, 30]), Now);

        Assert.Equal(DemandForecasting.LastValueMethod, forecast.Method);
        Assert.All(forecast.Points, p => Assert.Equal(30, p.Demand));
        Assert.StartsWith("less than 7 days of history", forecast.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_NoDataAtAll_ForecastsNothingAndSaysSo()
    {
        var forecast = DemandForecasting.Forecast(new HourlySeries(SyntheticDemand.Monday, [double.NaN, double.NaN]), Now);

        Assert.Empty(forecast.Points);
        Assert.Contains("no hour with data", forecast.Reason, StringComparison.Ordinal);
    }
}
