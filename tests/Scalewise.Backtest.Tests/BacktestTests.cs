using Scalewise.Backtest.Strategies;
using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using static Scalewise.Backtest.Tests.SimulationSamples;

namespace Scalewise.Backtest.Tests;

public sealed class BacktestTests
{
    private static ScalingRule CpuHigh(int change = 1, int windowMinutes = 1, int cooldownMinutes = 1) =>
        Rule("cpu-high", ComparisonOperator.GreaterThan, 70, ScaleDirection.Increase, change, windowMinutes, cooldownMinutes);

    private static ScalingRule CpuLow(int windowMinutes = 10, int cooldownMinutes = 1) =>
        Rule("cpu-low", ComparisonOperator.LessThan, 40, ScaleDirection.Decrease, 1, windowMinutes, cooldownMinutes);

    [Fact]
    public void Replay_LoadRisesAndFalls_CapacityFollowsDemand()
    {
        var policy = Policy(1, 20, 2, CpuHigh(change: 3, windowMinutes: 3), CpuLow());
        var trace = Phases((30, 100), (60, 1000), (90, 100));

        var result = Backtester.Replay(trace, Model(), policy.Capacity, new PolicyStrategy(policy));

        Assert.Equal(2, result.ReadyCapacity[29]);
        Assert.True(result.ReadyCapacity[89] >= 10, $"ready at the end of the busy hour: {result.ReadyCapacity[89]}");
        Assert.InRange(result.ReadyCapacity[^1], 1, 3);
        Assert.InRange(result.SloViolationMinutes, 1, 40);
    }

    [Fact]
    public void Replay_ScaleOut_NewInstancesServeOnlyAfterProvisioningAndWarmUp()
    {
        var policy = Policy(1, 10, 2, CpuHigh());
        var trace = Phases((30, 300));

        var result = Backtester.Replay(trace, Model(provisioningMinutes: 3, warmUpMinutes: 2), policy.Capacity, new PolicyStrategy(policy));

        // Decided at the end of minute 0; 3 minutes provisioning and 2 warming up: serving from minute 6.
        Assert.All(Enumerable.Range(0, 6), m => Assert.Equal(2, result.ReadyCapacity[m]));
        Assert.Equal(3, result.ReadyCapacity[6]);
        Assert.Equal(6, result.SloViolationMinutes);
    }

    [Fact]
    public void Replay_SustainedOverload_CooldownHoldsBetweenScaleOuts()
    {
        var policy = Policy(1, 50, 2, CpuHigh(cooldownMinutes: 10));
        var strategy = new PolicyStrategy(policy);

        var result = Backtester.Replay(Phases((120, 5000)), Model(), policy.Capacity, strategy);

        // Each scale-out runs its procedure (3 min provisioning + 2 min warm-up), then the 10-minute cooldown holds.
        var increases = ReadyIncreases(result);
        Assert.Equal([6, 21, 36, 51, 66, 81, 96, 111], increases);
        Assert.True(strategy.Outcomes[DecisionOutcome.CooldownHeld] > 0);
    }

    [Fact]
    public void Replay_TraceGap_IsNoDataNotZeroLoad()
    {
        var policy = Policy(1, 10, 4, CpuHigh(), CpuLow(windowMinutes: 2));
        var strategy = new PolicyStrategy(policy);
        var trace = new Core.Traces.WorkloadTrace(Start, [250, 250, .. Enumerable.Repeat(-1, 30)]);

        var result = Backtester.Replay(trace, Model(), policy.Capacity, strategy);

        Assert.Equal(4, result.ReadyCapacity[^1]);
        Assert.True(strategy.Outcomes[DecisionOutcome.NoData] >= 29);
        Assert.Equal(4L * 32, result.InstanceMinutes);
        Assert.Equal(0, result.SloViolationMinutes);
    }

    [Fact]
    public void Replay_InstanceMinutes_CostAtThePricePerInstanceHour()
    {
        var policy = Policy(3, 3, 3);

        var result = Backtester.Replay(Phases((120, 100)), Model(), policy.Capacity, new PolicyStrategy(policy));

        Assert.Equal(360, result.InstanceMinutes);
        Assert.Equal(6 * 0.6, result.Cost, 9);
        Assert.Equal(0, result.ScalingActions);
    }

    [Fact]
    public void PolicyStrategy_MetricTheTargetDoesNotProduce_IsRejectedByName()
    {
        var policy = Policy(1, 10, 2, Rule("mem", ComparisonOperator.LessThan, 1e9, ScaleDirection.Increase, 1, 5, 5, metric: "Available Memory Bytes"));

        var error = Assert.Throws<ArgumentException>(() => new PolicyStrategy(policy));

        Assert.Contains("'Available Memory Bytes'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Percentage CPU'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SeveralStrategies_ReportsEachInOrderWithTheDemand()
    {
        var trace = Phases((10, 100), (10, 900));
        var policy = Policy(1, 20, 2, CpuHigh());

        var result = Backtester.Run(trace, Model(), policy.Capacity, [new PolicyStrategy(policy), .. Baselines.Create(trace, Model())]);

        Assert.Equal(["scalewise", .. Baselines.Names], result.Strategies.Select(s => s.Name));
        Assert.Equal(1, result.DemandInstances[0]);
        Assert.Equal(9, result.DemandInstances[^1]);
    }

    [Fact]
    public void Derive_NoSettings_P99MinuteNeedsTwentyInstancesAtSeventyPercent()
    {
        var trace = Trace([.. Enumerable.Range(1, 100).Select(i => i * 14)]);

        var model = TargetModel.Derive(trace);

        Assert.Equal(1386 / 14.0, model.CapacityPerInstance, 9); // p99 of 14..1400 is 1386
        Assert.Equal(20, model.InstancesFor(1386 / 0.7));
        Assert.Equal(TimeSpan.FromMinutes(3), model.ProvisioningDelay);
        Assert.Equal(TimeSpan.FromMinutes(2), model.WarmUp);
    }

    [Fact]
    public void P95Latency_AtSloCapacity_IsTheSloLatency()
    {
        var model = Model();

        Assert.Equal(50, model.P95LatencyMs(0, 0, 1), 9);
        Assert.Equal(500, model.P95LatencyMs(1, 0, 1), 9);
        Assert.True(model.P95LatencyMs(0.7, 0, 1) < 500);
    }
}
