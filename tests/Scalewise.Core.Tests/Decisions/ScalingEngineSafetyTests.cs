using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Pricing;
using static Scalewise.Core.Tests.Samples;

namespace Scalewise.Core.Tests.Decisions;

public sealed class ScalingEngineSafetyTests
{
    [Theory]
    [InlineData(10, 25, 0, 12)]
    [InlineData(3, 10, 0, 4)]
    [InlineData(10, 25, 4, 14)]
    public void Decide_PercentChange_RoundsTowardZeroWithAMinimumMagnitude(int current, double percent, int minimum, int expected)
    {
        var rule = CpuHigh() with { Action = new ScaleAction(ScaleDirection.Increase, 0, TimeSpan.FromMinutes(5), ScaleActionType.PercentChangeCount, percent, MinAdjustmentMagnitude: minimum) };
        var policy = Policy(2, 50, rule);

        var decision = ScalingEngine.Decide(policy, [Window(policy, rule, 90, 90, 90, 90, 90)], TargetState.Empty(policy.Id), current, Now);

        Assert.Equal(expected, decision.NewCapacity);
    }

    [Fact]
    public void Decide_HigherRecommendationWithinStabilizationWindow_HoldsScaleIn()
    {
        var policy = Policy(CpuLow()) with { ScaleInStabilization = TimeSpan.FromMinutes(5) };
        var state = TargetState.Empty(policy.Id) with { RecentRecommendations = [new CapacityRecommendation(Now.AddMinutes(-2), 6)] };

        var decision = ScalingEngine.Decide(policy, [Window(policy, CpuLow(), 20, 20, 20, 20, 20, 20, 20, 20, 20, 20)], state, 6, Now);

        Assert.Equal((DecisionOutcome.NoChange, 6), (decision.Outcome, decision.NewCapacity));
        Assert.Equal(AdjustmentKind.Stabilization, Assert.Single(decision.Adjustments).Kind);
        Assert.Contains("highest recommendation over the last 5m was 6", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ScaleInThatWouldTriggerScaleOut_ScalesInLessAndSaysSo()
    {
        // CPU low by the 10-minute rule, but at 29% now: 4 → 1 would estimate 116% and scale out again; 4 → 2 estimates 58%.
        var scaleIn = CpuLow(3);
        var policy = Policy(1, 10, CpuHigh(), scaleIn);
        var cpu = Enumerable.Repeat<double?>(29, 10).ToArray();

        var decision = ScalingEngine.Decide(policy, [Window(policy, CpuHigh(), 29, 29, 29, 29, 29), Window(policy, scaleIn, cpu)], TargetState.Empty(policy.Id), 4, Now);

        Assert.Equal(2, decision.NewCapacity);
        Assert.Equal(AdjustmentKind.Flapping, Assert.Single(decision.Adjustments).Kind);
        Assert.Contains("Flapping protection scales in only to 2", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_InstancesWarmingUp_HoldsScaleIn()
    {
        var policy = Policy(CpuLow());
        var state = TargetState.Empty(policy.Id) with { WarmingInstances = 2 };

        var decision = ScalingEngine.Decide(policy, [Window(policy, CpuLow(), 20, 20, 20, 20, 20, 20, 20, 20, 20, 20)], state, 6, Now);

        Assert.Equal(DecisionOutcome.NoChange, decision.Outcome);
        Assert.Contains("2 instances are still warming up", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoMetricsBelowDefault_ScalesToTheDefault()
    {
        var policy = Policy(CpuHigh()) with { Capacity = new CapacityBounds(2, 10, 4) };

        var decision = ScalingEngine.Decide(policy, [], TargetState.Empty(policy.Id), 2, Now);

        Assert.Equal((DecisionOutcome.Scale, 4), (decision.Outcome, decision.NewCapacity));
        Assert.Equal(AdjustmentKind.DefaultCapacity, Assert.Single(decision.Adjustments).Kind);
    }

    [Fact]
    public void Decide_ThirdTickWithoutMetrics_RaisesToTheFallbackCapacity()
    {
        var policy = Policy(CpuHigh()) with { Fallback = new MetricFailureFallback(3, 6) };
        var state = TargetState.Empty(policy.Id) with { ConsecutiveMetricFailures = 2 };

        var decision = ScalingEngine.Decide(policy, [], state, 3, Now);

        Assert.Equal((DecisionOutcome.Scale, 6), (decision.Outcome, decision.NewCapacity));
        Assert.Contains("for 3 ticks in a row", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ScaleOutPastTheCostCap_IsCappedAndSaysSo()
    {
        var rule = CpuHigh(4);
        var policy = Policy(2, 20, rule) with { MaxHourlyCost = 1.0m };
        var prices = new PriceTable([KeyValuePair.Create("Standard_D2s_v3", 0.2m)]);
        var state = TargetState.Empty(policy.Id) with { CurrentSku = "Standard_D2s_v3" };

        var decision = ScalingEngine.Decide(policy, [Window(policy, rule, 90, 90, 90, 90, 90)], state, 3, Now, prices);

        Assert.Equal(5, decision.NewCapacity);
        Assert.Equal(AdjustmentKind.CostCap, Assert.Single(decision.Adjustments).Kind);
        Assert.Contains("would pass the cost cap of $1.00/h", decision.Reason, StringComparison.Ordinal);
    }
}
