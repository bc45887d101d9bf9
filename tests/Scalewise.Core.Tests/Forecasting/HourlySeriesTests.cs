using Scalewise.Core.Forecasting;

namespace Scalewise.Core.Tests.Forecasting;

public sealed class HourlySeriesTests
{
    [Fact]
    public void FromMinutes_FullHours_AreTheirSums()
    {
        var minutes = Enumerable.Repeat(2, 120).ToArray();

        var series = HourlySeries.FromMinutes(SyntheticDemand.Monday, minutes);

        Assert.Equal([120.0, 120.0], series.Values);
        Assert.Equal(SyntheticDemand.Monday, series.Start);
    }

    [Fact]
    public void FromMinutes_HourWithSomeMinutesMissing_IsScaledToSixtyMinutes()
    {
        var minutes = Enumerable.Repeat(2, 60).ToArray();
        Array.Fill(minutes, -1, 0, 20); // 40 minutes of data at 2 a minute

        var series = HourlySeries.FromMinutes(SyntheticDemand.Monday, minutes);

        Assert.Equal(120, series.Values[0], precision: 9);
        Assert.Equal(0, series.MissingHours);
    }

    [Fact]
    public void FromMinutes_HourWithMostMinutesMissing_IsMissingNotLowDemand()
    {
        var minutes = Enumerable.Repeat(2, 120).ToArray();
        Array.Fill(minutes, -1, 60, 45); // the second hour has 15 minutes of data

        var series = HourlySeries.FromMinutes(SyntheticDemand.Monday, minutes);

        Assert.True(double.IsNaN(series.Values[1]));
        Assert.Equal(1, series.MissingHours);
    }

    [Fact]
    public void FromMinutes_TraceStartingMidHour_AlignsHoursOnTheHour()
    {
        var series = HourlySeries.FromMinutes(SyntheticDemand.Monday.AddMinutes(15), Enumerable.Repeat(1, 105).ToArray());

        Assert.Equal(SyntheticDemand.Monday, series.Start);
        Assert.Equal([60.0, 60.0], series.Values); // 45 minutes, then 60
    }

    [Fact]
    public void Filled_MissingHour_TakesTheSameHourAWeekEarlier()
    {
        var values = SyntheticDemand.Hourly(days: 8, seed: 1);
        var lastWeek = values[170 - 168];
        values[170] = double.NaN;

        var filled = new HourlySeries(SyntheticDemand.Monday, values).Filled();

        Assert.Equal(lastWeek, filled[170]);
    }
}
