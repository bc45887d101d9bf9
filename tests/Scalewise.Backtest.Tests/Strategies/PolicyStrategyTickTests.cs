using Scalewise.Backtest.Strategies;
using Scalewise.Core.Decisions;
using Scalewise.Core.Forecasting;
using Scalewise.Core.Policies;
using Scalewise.Core.Scheduling;
using Scalewise.Core.Traces;
using static Scalewise.Backtest.Tests.SimulationSamples;

namespace Scalewise.Backtest.Tests.Strategies;

/// <summary>
/// The <c>scalewise</c> strategy runs the whole tick (<see cref="ScalingTick.Decide"/>): forecasts re-made every virtual
/// hour from the past, emergencies first, schedule windows on the virtual clock. Model: 100 requests a minute per instance,
/// 3 minutes provisioning and 2 of warm-up.
/// </summary>
public sealed class PolicyStrategyTickTests
{
    private static ScalingRule CpuHigh() => Rule("cpu-high", ComparisonOperator.GreaterThan, 70, ScaleDirection.Increase, 2, 3, 2);

    private static ScalingRule CpuLow() => Rule("cpu-low", ComparisonOperator.LessThan, 30, ScaleDirection.Decrease, 1, 10, 5);

    /// <summary>200 requests a minute, and 2,000 from 12:00 to 14:00 every day: a peak that starts at once.</summary>
    private static WorkloadTrace DailyPeak(int days) =>
        new(Start, Enumerable.Range(0, days * 1440).Select(m => m % 1440 is >= 720 and < 840 ? 2000 : 200));

    /// <summary>The peak needs 20 instances; 6,000 requests an hour (100 a minute) per instance, as the model serves.</summary>
    private static ScalingPolicy Predictive(ScalingPolicy policy, PredictiveMode mode = PredictiveMode.ForecastAndScale) =>
        policy with { Predictive = new PredictiveScaling(mode, "Requests", 6000) };

    [Fact]
    public void Replay_DailyPeakWithForecast_CapacityIsReadyBeforeThePeakStarts()
    {
        var reactive = Policy(2, 30, 2, CpuHigh(), CpuLow());
        var predictive = new PolicyStrategy(Predictive(reactive));
        var trace = DailyPeak(days: 4);

        var withForecast = Backtester.Replay(trace, Model(), reactive.Capacity, predictive);
        var rulesOnly = Backtester.Replay(trace, Model(), reactive.Capacity, new PolicyStrategy(reactive));

        // Day 0 has no history to forecast from; from day 1 the forecast (the same hour a day earlier) sees the peak
        // coming: 120,000 requests in the hour from 12:00, 20 instances, asked for within the look-ahead of 7 minutes.
        foreach (var day in new[] { 1, 2, 3 })
        {
            var peakStarts = (day * 1440) + 720;
            Assert.True(withForecast.ReadyCapacity[peakStarts] >= 20, $"day {day}: {withForecast.ReadyCapacity[peakStarts]} ready when the peak starts");
            Assert.True(withForecast.ReadyCapacity[peakStarts - 8] < 20, $"day {day}: capacity rose more than the look-ahead before the peak");
            Assert.True(rulesOnly.ReadyCapacity[peakStarts] < 20, $"day {day}: the rules alone had {rulesOnly.ReadyCapacity[peakStarts]} ready");
        }

        Assert.True(predictive.Actions[DecisionKind.Predictive] >= 3);
        Assert.True(withForecast.SloViolationMinutes < rulesOnly.SloViolationMinutes / 2, $"{withForecast.SloViolationMinutes} against {rulesOnly.SloViolationMinutes} violation minutes");
    }

    [Fact]
    public void Replay_ForecastAccuracy_ScoresTheForecastsThatWereInForce()
    {
        // Hourly totals: 12 hours of 600, 12 of 1,200, then 600 and 1,800 (10, 20, 10 and 30 requests a minute).
        int[] perMinute = [.. Enumerable.Repeat(10, 12 * 60), .. Enumerable.Repeat(20, 12 * 60), .. Enumerable.Repeat(10, 60), .. Enumerable.Repeat(30, 60)];
        var policy = Predictive(Policy(5, 5, 5), PredictiveMode.ForecastOnly);
        var strategy = new PolicyStrategy(policy);

        var result = Backtester.Replay(new WorkloadTrace(Start, perMinute), Model(), policy.Capacity, strategy);

        // In force for hour H: the forecast made at H:00. Hours 1-23 (under a day of history): the last hour, so only
        // hour 12 misses (600 for 1,200). Hours 24-25: the same hour a day earlier, 600 and 600, so hour 25 misses
        // (600 for 1,800). Hour 0 has no forecast. MAE = (600 + 1,200) / 25 = 72; the scale is the mean change from a
        // day earlier over the 26 hours, (|600 - 600| + |1,800 - 600|) / 2 = 600; MASE = 0.12.
        // sMAPE = (2·600/1,800 + 2·1,200/2,400) / 25 = 6.667%.
        var accuracy = Assert.IsType<ReplayForecastAccuracy>(result.ForecastAccuracy);
        Assert.Equal(25, accuracy.ScoredHours);
        Assert.Equal(0.12, accuracy.Mase!.Value, 6);
        Assert.Equal(100 * (1200.0 / 1800 + 2400.0 / 2400) / 25, accuracy.Smape!.Value, 6);
        Assert.Equal(DemandForecasting.LastValueMethod, accuracy.Method);
        Assert.Equal(23, accuracy.HoursByMethod[DemandForecasting.LastValueMethod]);
        Assert.Equal(2, accuracy.HoursByMethod["seasonal-naive"]);

        // The chart's forecast line is the forecast in force, per minute: hour 12 was forecast at 600 an hour.
        Assert.Null(result.ForecastRequests![30]);
        Assert.Equal(10, result.ForecastRequests[(12 * 60) + 30]);
        Assert.Equal(10, result.ForecastRequests[(25 * 60) + 30]);
    }

    [Fact]
    public void Replay_Forecasts_ReadOnlyThePast()
    {
        var policy = Predictive(Policy(2, 30, 2, CpuHigh(), CpuLow()));
        var minutes = 10 * 1440;
        var calm = new WorkloadTrace(Start, Enumerable.Range(0, minutes).Select(m => 300 + (m % 1440 / 6)));
        var changedLater = new WorkloadTrace(Start, Enumerable.Range(0, minutes).Select(m => m < 8 * 1440 ? 300 + (m % 1440 / 6) : 2500));

        var first = Backtester.Replay(calm, Model(), policy.Capacity, new PolicyStrategy(policy));
        var second = Backtester.Replay(changedLater, Model(), policy.Capacity, new PolicyStrategy(policy));

        // Up to the end of day 8 both replays saw the same past, so they forecast and scaled the same, Holt-Winters included.
        var sameUntil = (8 * 1440) + 60;
        Assert.Equal(first.ForecastRequests!.Take(sameUntil), second.ForecastRequests!.Take(sameUntil));
        Assert.Equal(first.ReadyCapacity.Take(8 * 1440), second.ReadyCapacity.Take(8 * 1440));
        Assert.NotEqual(first.ForecastRequests!.Skip(sameUntil), second.ForecastRequests!.Skip(sameUntil));
    }

    [Fact]
    public void Replay_SuddenSurge_EmergencySupersedesTheRunningScaleOut()
    {
        // 150 a minute on 2 instances (75% CPU) starts a +2 scale-out at minute 2; at minute 3 demand jumps to 2,000.
        var policy = Policy(2, 40, 2, CpuHigh()) with
        {
            Emergency = new EmergencyScaling(GrowthMetric: "Requests", GrowthPercent: 100, TargetPerInstance: 100, LookAhead: TimeSpan.Zero),
        };
        var strategy = new PolicyStrategy(policy);
        var trace = Phases((3, 150), (60, 2000));

        var result = Backtester.Replay(trace, Model(), policy.Capacity, strategy);

        // The surge is seen at the end of minute 3 and answered at once with the 20 instances 2,000 requests need, while
        // the +2 procedure still runs: ready 5 minutes later (minute 9), not after that procedure and its cooldown.
        Assert.Equal(1, strategy.Actions[DecisionKind.Emergency]);
        Assert.Equal(4, result.ReadyCapacity[8]);
        Assert.Equal(20, result.ReadyCapacity[9]);
    }

    [Fact]
    public void Replay_ScheduleWindow_BoundsFollowTheVirtualClock()
    {
        // 09:00 to 11:00 UTC every day: at least 8 instances. The load never needs more than 2.
        var schedule = new Schedule { Windows = [new RecurringWindow("morning", "0 9 * * *", "UTC", new WindowCapacity(8, 20), Duration: TimeSpan.FromHours(2))] };
        var policy = Policy(2, 20, 2, CpuHigh(), CpuLow()) with { Schedule = schedule };
        var strategy = new PolicyStrategy(policy);

        var result = Backtester.Replay(Phases((24 * 60, 100)), Model(), policy.Capacity, strategy);

        Assert.Equal(2, result.ReadyCapacity[(9 * 60) - 1]);
        Assert.Equal(8, result.ReadyCapacity[(9 * 60) + 5]);
        Assert.Equal(8, result.ReadyCapacity[(11 * 60) - 1]);
        Assert.True(result.ReadyCapacity[^1] < 8, $"{result.ReadyCapacity[^1]} ready at the end of the day");
        Assert.True(strategy.Actions[DecisionKind.Scheduled] >= 1);
    }

    [Fact]
    public void Create_PredictiveMetricTheTargetDoesNotProduce_NamesTheMetric()
    {
        var policy = Policy(2, 10, 2) with { Predictive = new PredictiveScaling(PredictiveMode.ForecastAndScale, "Connections", 100) };

        var error = Assert.Throws<ArgumentException>(() => new PolicyStrategy(policy));

        Assert.Contains("'Connections'", error.Message, StringComparison.Ordinal);
    }
}
