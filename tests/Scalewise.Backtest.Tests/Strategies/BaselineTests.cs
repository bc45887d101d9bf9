using Scalewise.Backtest.Strategies;
using Scalewise.Core.Policies;
using static Scalewise.Backtest.Tests.SimulationSamples;

namespace Scalewise.Backtest.Tests.Strategies;

public sealed class BaselineTests
{
    private static StrategyResult Replay(ScalingStrategy strategy, Core.Traces.WorkloadTrace trace, int minimum = 1, int maximum = 50, int initial = 2) =>
        Backtester.Replay(trace, Model(), new CapacityBounds(minimum, maximum, initial), strategy);

    [Fact]
    public void StaticPeak_AnyTrace_HoldsThePeakNeedThroughout()
    {
        var trace = Trace(100, 800, 300, 50);

        var result = Replay(new StaticPeakStrategy(trace, Model()), trace);

        Assert.All(result.ReadyCapacity, ready => Assert.Equal(8, ready));
        Assert.Equal(0, result.SloViolationMinutes);
        Assert.Equal(0, result.ScalingActions);
    }

    [Fact]
    public void Oracle_ChangingLoad_ReadyCapacityIsExactlyTheDemand()
    {
        var trace = Phases((10, 100), (10, 900), (10, 200), (10, 1200), (10, 100));

        var result = Replay(new OracleStrategy(trace, Model()), trace);

        Assert.Equal(0, result.SloViolationMinutes);
        Assert.Equal(0, result.Elasticity.ThetaO);
        Assert.Equal(0, result.Elasticity.TauO);
    }

    [Fact]
    public void React_SteadyLoad_SettlesAtNeedPlusTwoAfterTheReadyDelay()
    {
        var trace = Phases((20, 500));

        var result = Replay(new ReactStrategy(), trace);

        Assert.All(Enumerable.Range(0, 6), m => Assert.Equal(2, result.ReadyCapacity[m]));
        Assert.Equal(7, result.ReadyCapacity[6]);
        Assert.Equal(7, result.ReadyCapacity[^1]);
        Assert.Equal(1, result.ScalingActions);
    }

    [Fact]
    public void Hist_DailyPeak_IsReadyForItOnTheSecondDay()
    {
        var day = Enumerable.Range(0, 1440).Select(m => m / 60 == 10 ? 1000 : 100).ToArray();
        var trace = Trace([.. day, .. day]);

        var hist = Replay(new HistStrategy(), trace);
        var react = Replay(new ReactStrategy(), trace);

        var secondPeak = 1440 + 600;
        Assert.True(hist.ReadyCapacity[secondPeak] >= 10, $"hist ready at day 2 10:00: {hist.ReadyCapacity[secondPeak]}");
        Assert.True(react.ReadyCapacity[secondPeak] < 10);
        Assert.NotNull(hist.ForecastRequests);
    }

    [Fact]
    public void AzureAutoscale_SustainedHighCpu_AddsOneInstanceAtMostEveryFiveMinutes()
    {
        var trace = Phases((60, 1000));

        var result = Replay(new AzureAutoscaleStrategy(), trace);

        var increases = ReadyIncreases(result);
        Assert.True(increases.Count >= 5);
        Assert.All(increases, m => Assert.Equal(result.ReadyCapacity[m - 1] + 1, result.ReadyCapacity[m]));
        Assert.All(increases.Zip(increases.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 5));
    }

    [Fact]
    public void AzureAutoscale_LowCpu_ScalesInOneAtATimeToTheMinimum()
    {
        var trace = Phases((60, 20));

        var result = Replay(new AzureAutoscaleStrategy(), trace, initial: 4);

        Assert.Equal(1, result.ReadyCapacity[^1]);
        Assert.Equal(3, result.ScalingActions);
    }

    [Fact]
    public void Hpa_LoadJump_ScalesOutByTheCpuRatioInOneStep()
    {
        var trace = Phases((5, 700), (20, 1400));

        var result = Replay(new HpaStrategy(), trace, initial: 10);

        Assert.Equal(10, result.ReadyCapacity[10]);
        Assert.Equal(15, result.ReadyCapacity[11]); // ceil(10 × 100% / 70%), decided at the end of minute 5
    }

    [Fact]
    public void Hpa_LoadDrop_WaitsOutTheFiveMinuteScaleDownStabilization()
    {
        var trace = Phases((20, 700), (20, 100));

        var result = Replay(new HpaStrategy(), trace, initial: 10);

        Assert.All(Enumerable.Range(0, 25), m => Assert.Equal(10, result.ReadyCapacity[m]));
        Assert.Equal(2, result.ReadyCapacity[25]);
    }
}
