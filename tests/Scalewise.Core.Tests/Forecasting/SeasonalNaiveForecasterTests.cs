using Scalewise.Core.Forecasting;

namespace Scalewise.Core.Tests.Forecasting;

public sealed class SeasonalNaiveForecasterTests
{
    [Fact]
    public void Forecast_DailySeason_RepeatsTheLastDayForBothDaysOfTheHorizon()
    {
        var history = Enumerable.Range(0, 72).Select(i => (double)i).ToArray();

        var forecast = SeasonalNaiveForecaster.Daily.Forecast(history, 48);

        Assert.Equal(Enumerable.Range(48, 24).Concat(Enumerable.Range(48, 24)).Select(i => (double)i), forecast);
    }

    [Fact]
    public void Forecast_WeeklySeason_IsTheSameHourLastWeek()
    {
        var history = Enumerable.Range(0, 336).Select(i => (double)i).ToArray();

        var forecast = SeasonalNaiveForecaster.Weekly.Forecast(history, 48);

        Assert.Equal(168, forecast[0]);
        Assert.Equal(215, forecast[47]);
    }
}
