using Scalewise.Core.Forecasting;

namespace Scalewise.Core.Tests.Forecasting;

public sealed class RollingOriginBacktestTests
{
    [Fact]
    public void Run_DailyAndWeeklySeasonalityWithNoise_HoltWintersBeatsSeasonalNaive()
    {
        var series = new HourlySeries(SyntheticDemand.Monday, SyntheticDemand.Hourly(days: 28, seed: 7));

        var result = RollingOriginBacktest.Run(series, options: new BacktestOptions(HorizonHours: 48, Days: 7));

        var baseline = result[SeasonalNaiveForecaster.DailyName]!.Mase!.Value;
        Assert.True(result[HoltWintersForecaster.AdditiveName]!.Mase < baseline, $"holt-winters {result[HoltWintersForecaster.AdditiveName]!.Mase} against seasonal naive {baseline}");
        Assert.True(result[HoltWintersForecaster.MultiplicativeName]!.Mase < baseline);
        Assert.True(result[HoltWintersForecaster.AdditiveName]!.Smape < result[SeasonalNaiveForecaster.DailyName]!.Smape);
        Assert.NotEqual(SeasonalNaiveForecaster.DailyName, result.Chosen);
        Assert.True(result[result.Chosen]!.Mase < baseline);
        Assert.Contains("has the lowest MASE", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ScoresKeptFromTheHourBefore_SameResultAsScoringEveryOrigin()
    {
        var values = SyntheticDemand.Hourly(days: 12, seed: 5);
        var options = new BacktestOptions(HorizonHours: 48, Days: 3, InParallel: false);
        var scores = new BacktestScoreCache();
        RollingOriginBacktest.Run(new HourlySeries(SyntheticDemand.Monday, values[..^1]), options: options, scores: scores);
        var kept = scores.Count;

        var grown = new HourlySeries(SyntheticDemand.Monday, values);
        var cached = RollingOriginBacktest.Run(grown, options: options, scores: scores);
        var fresh = RollingOriginBacktest.Run(grown, options: options with { InParallel = true });

        // The series grew by an hour: one new origin is scored, the others are read back, and nothing differs.
        Assert.Equal(kept + 1, scores.Count);
        Assert.Equal(fresh.Chosen, cached.Chosen);
        Assert.Equal(fresh.Reason, cached.Reason);
        Assert.Equal(fresh.Methods, cached.Methods);
    }

    [Fact]
    public void Run_TenDaysThreeDayBacktest_OneOriginPerHourWithAWeekBehindIt()
    {
        var series = new HourlySeries(SyntheticDemand.Monday, SyntheticDemand.Hourly(days: 10, seed: 3));

        var result = RollingOriginBacktest.Run(series, [SeasonalNaiveForecaster.Daily], new BacktestOptions(HorizonHours: 48, Days: 3));

        // Origins from hour 168 (a week of history) to 192 (the last with 48 hours after it).
        Assert.Equal(25, result.Origins);
        Assert.Equal(SyntheticDemand.Monday.AddHours(168), result.FirstOrigin);
        Assert.Equal(25 * 48, result[SeasonalNaiveForecaster.DailyName]!.ScoredHours);
    }

    [Fact]
    public void Run_MissingHoursInTheBacktest_AreNotScored()
    {
        var values = SyntheticDemand.Hourly(days: 10, seed: 3);
        values[230] = double.NaN;

        var result = RollingOriginBacktest.Run(new HourlySeries(SyntheticDemand.Monday, values), [SeasonalNaiveForecaster.Daily], new BacktestOptions(HorizonHours: 48, Days: 3));

        // Hour 230 is in the horizon of the origins from 183 to 192.
        Assert.Equal((25 * 48) - 10, result[SeasonalNaiveForecaster.DailyName]!.ScoredHours);
    }

    [Fact]
    public void Run_MethodAsGoodAsTheBaseline_BaselineWinsTheTie()
    {
        var series = new HourlySeries(SyntheticDemand.Monday, SyntheticDemand.Hourly(days: 10, seed: 3));
        var twin = new SeasonalNaiveForecaster("daily-twin", 24);

        var result = RollingOriginBacktest.Run(series, [twin, SeasonalNaiveForecaster.Daily], new BacktestOptions(Days: 3));

        Assert.Equal(result["daily-twin"]!.Mase, result[SeasonalNaiveForecaster.DailyName]!.Mase);
        Assert.Equal(SeasonalNaiveForecaster.DailyName, result.Chosen);
        Assert.StartsWith("no method beat the baseline", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BaselineNotListed_IsAddedAndReported()
    {
        var series = new HourlySeries(SyntheticDemand.Monday, SyntheticDemand.Hourly(days: 10, seed: 3));

        var result = RollingOriginBacktest.Run(series, [SeasonalNaiveForecaster.Weekly], new BacktestOptions(Days: 3));

        Assert.Equal([SeasonalNaiveForecaster.DailyName, SeasonalNaiveForecaster.WeeklyName], result.Methods.Select(m => m.Name));
    }
}
