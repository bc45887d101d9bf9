using System.Globalization;
using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using static Scalewise.Core.Tests.Samples;

namespace Scalewise.Core.Tests.Decisions;

public sealed class ScalingEngineTests
{
    private static readonly TargetState NeverScaled = TargetState.Empty("web-tier");

    [Fact]
    public void Decide_OutRuleFires_ScalesOutByChangeCountAndSaysWhy()
    {
        var rule = CpuHigh();
        var policy = Policy(rule);

        var decision = ScalingEngine.Decide(policy, [Window(policy, rule, 84, 86, 88.6)], NeverScaled, 4, Now);

        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal(DecisionKind.Reactive, decision.Kind);
        Assert.Equal(ScaleDirection.Increase, decision.Direction);
        Assert.Equal(5, decision.NewCapacity);
        Assert.True(decision.RequiresAction);
        Assert.Equal("Scale out 4 → 5: rule 'cpu-high' fired (Percentage CPU Average over 5m = 86.2 > 80).", decision.Reason);
    }

    [Theory]
    [InlineData(86.2, "86.2 > 80")]
    [InlineData(2.675, "2.68, not > 80")]
    [InlineData(1.005, "1, not > 80")]
    [InlineData(0.125, "0.12, not > 80")]
    [InlineData(70.375, "70.38, not > 80")]
    [InlineData(99.999, "100 > 80")]
    [InlineData(79.995, "80, not > 80")]
    [InlineData(0, "0, not > 80")]
    [InlineData(0.004567, "0.00457, not > 80")]
    [InlineData(-3.25, "-3.25, not > 80")]
    [InlineData(1234567.891, "1234567.89 > 80")]
    [InlineData(12345678901234.5, "12345678901234.5 > 80")]
    public void Decide_ObservedValue_ReasonShowsItRoundedToTwoDecimals(double observed, string expected)
    {
        var rule = CpuHigh();
        var policy = Policy(rule);

        var decision = ScalingEngine.Decide(policy, [Window(policy, rule, observed)], NeverScaled, 4, Now);

        Assert.Contains("Percentage CPU Average over 5m = " + expected + ")", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_CurrentCultureUsesDecimalComma_ReasonUsesInvariantNumbers()
    {
        var rule = CpuHigh();
        var policy = Policy(rule);
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var decision = ScalingEngine.Decide(policy, [Window(policy, rule, 84, 86, 88.6)], NeverScaled, 4, Now);

            Assert.Contains("= 86.2 > 80", decision.Reason, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Decide_OutAndInRulesBothFire_ScalesOut()
    {
        var cpuHigh = CpuHigh();
        var memoryLow = MemoryLow();
        var policy = Policy(cpuHigh, memoryLow);
        var windows = new[] { Window(policy, cpuHigh, 90, 92), Window(policy, memoryLow, 6e9, 6e9) };

        var decision = ScalingEngine.Decide(policy, windows, NeverScaled, 4, Now);

        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal(5, decision.NewCapacity);
        Assert.Equal([true, true], decision.Evaluations.Select(e => e.Fired));
    }

    [Fact]
    public void Decide_SeveralOutRulesFire_LargestChangeWins()
    {
        var cpuHigh = CpuHigh(change: 1);
        var queueLong = Rule("queue-long", "Queue Length", ComparisonOperator.GreaterThan, 100, ScaleDirection.Increase, change: 3);
        var policy = Policy(cpuHigh, queueLong);
        var windows = new[] { Window(policy, cpuHigh, 85), Window(policy, queueLong, 250) };

        var decision = ScalingEngine.Decide(policy, windows, NeverScaled, 4, Now);

        Assert.Equal(7, decision.NewCapacity);
        Assert.StartsWith("Scale out 4 → 7: rules 'cpu-high'", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("'queue-long' asks for the largest change (+3)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OneOutRuleOfSeveralFires_ScalesOut()
    {
        var cpuHigh = CpuHigh();
        var queueLong = Rule("queue-long", "Queue Length", ComparisonOperator.GreaterThan, 100, ScaleDirection.Increase, change: 3);
        var policy = Policy(cpuHigh, queueLong);
        var windows = new[] { Window(policy, cpuHigh, 85), Window(policy, queueLong, 10) };

        var decision = ScalingEngine.Decide(policy, windows, NeverScaled, 4, Now);

        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal(5, decision.NewCapacity);
        Assert.Contains("'cpu-high'", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OnlySomeInRulesFire_KeepsCapacityAndNamesTheRuleThatDidNot()
    {
        var cpuLow = CpuLow();
        var memoryLow = MemoryLow();
        var policy = Policy(cpuLow, memoryLow);
        var windows = new[] { Window(policy, cpuLow, 12, 14), Window(policy, memoryLow, 1e9) };

        var decision = ScalingEngine.Decide(policy, windows, NeverScaled, 5, Now);

        Assert.Equal(DecisionOutcome.NoChange, decision.Outcome);
        Assert.Equal(5, decision.NewCapacity);
        Assert.Contains("needs every scale-in rule to fire", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("'memory-low' (Available Memory Bytes Average over 10m = 1000000000, not > 4000000000) did not", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_AllInRulesFire_ScalesInBySmallestChange()
    {
        var cpuLow = CpuLow(change: 2);
        var memoryLow = MemoryLow(change: 1);
        var policy = Policy(cpuLow, memoryLow);
        var windows = new[] { Window(policy, cpuLow, 12, 14), Window(policy, memoryLow, 6e9) };

        var decision = ScalingEngine.Decide(policy, windows, NeverScaled, 5, Now);

        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal(ScaleDirection.Decrease, decision.Direction);
        Assert.Equal(4, decision.NewCapacity);
        Assert.StartsWith("Scale in 5 → 4: all 2 scale-in rules fired", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("'memory-low' asks for the smallest change (-1)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SingleInRuleFires_ScalesInAndSaysWhy()
    {
        var cpuLow = CpuLow();
        var policy = Policy(cpuLow);

        var decision = ScalingEngine.Decide(policy, [Window(policy, cpuLow, 20, 25)], NeverScaled, 5, Now);

        Assert.Equal(4, decision.NewCapacity);
        Assert.Equal("Scale in 5 → 4: rule 'cpu-low' fired (Percentage CPU Average over 10m = 22.5 < 30).", decision.Reason);
    }

    [Fact]
    public void Decide_ScaleOutWithinItsCooldown_HoldsAndSaysWhenItEnds()
    {
        var rule = CpuHigh();
        var policy = Policy(rule);
        var state = NeverScaled with { LastScaleOutAt = Now.AddMinutes(-2) };

        var decision = ScalingEngine.Decide(policy, [Window(policy, rule, 90)], state, 4, Now);

        Assert.Equal(DecisionOutcome.CooldownHeld, decision.Outcome);
        Assert.Equal(ScaleDirection.Increase, decision.Direction);
        Assert.Equal(4, decision.NewCapacity);
        Assert.False(decision.RequiresAction);
        Assert.Equal(
            "Cooldown held at 4: rule 'cpu-high' fired (Percentage CPU Average over 5m = 90 > 80), which would scale out 4 → 5, but the 5m scale-out cooldown of rule 'cpu-high' since the last scale-out at 2025-06-01 11:58:00Z holds until 2025-06-01 12:03:00Z.",
            decision.Reason);
    }

    [Fact]
    public void Decide_ScaleOutCooldownLapsed_ScalesOut()
    {
        var rule = CpuHigh();
        var policy = Policy(rule);
        var state = NeverScaled with { LastScaleOutAt = Now.AddMinutes(-5) };

        var decision = ScalingEngine.Decide(policy, [Window(policy, rule, 90)], state, 4, Now);

        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal(5, decision.NewCapacity);
    }

    [Fact]
    public void Decide_RecentScaleInAndOutRuleFires_ScaleInCooldownDoesNotHoldScaleOut()
    {
        var rule = CpuHigh();
        var policy = Policy(rule);
        var state = NeverScaled with { LastScaleInAt = Now.AddMinutes(-1) };

        var decision = ScalingEngine.Decide(policy, [Window(policy, rule, 90)], state, 4, Now);

        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal(5, decision.NewCapacity);
    }

    [Fact]
    public void Decide_ScaleInWithinItsCooldown_HoldsWithScaleInCooldown()
    {
        var rule = CpuLow();
        var policy = Policy(rule);
        var state = NeverScaled with { LastScaleInAt = Now.AddMinutes(-10), LastScaleOutAt = Now.AddHours(-2) };

        var decision = ScalingEngine.Decide(policy, [Window(policy, rule, 10)], state, 5, Now);

        Assert.Equal(DecisionOutcome.CooldownHeld, decision.Outcome);
        Assert.Equal(5, decision.NewCapacity);
        Assert.Contains("15m scale-in cooldown of rule 'cpu-low'", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("holds until 2025-06-01 12:05:00Z", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ScaleInCooldownLapsed_ScalesIn()
    {
        var rule = CpuLow();
        var policy = Policy(rule);
        var state = NeverScaled with { LastScaleInAt = Now.AddMinutes(-16) };

        var decision = ScalingEngine.Decide(policy, [Window(policy, rule, 10)], state, 5, Now);

        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal(4, decision.NewCapacity);
    }

    [Fact]
    public void Decide_OutChangeWouldPassMaximum_ClampsToMaximum()
    {
        var rule = CpuHigh(change: 3);
        var policy = Policy(2, 10, rule);

        var decision = ScalingEngine.Decide(policy, [Window(policy, rule, 95)], NeverScaled, 9, Now);

        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal(10, decision.NewCapacity);
        Assert.EndsWith("The change of 3 is capped at the policy's maximum of 10.", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_AtMaximumAndOutRuleFires_ReportsAtBound()
    {
        var rule = CpuHigh();
        var policy = Policy(2, 10, rule);

        var decision = ScalingEngine.Decide(policy, [Window(policy, rule, 95)], NeverScaled, 10, Now);

        Assert.Equal(DecisionOutcome.AtBound, decision.Outcome);
        Assert.Equal(10, decision.NewCapacity);
        Assert.Contains("capacity 10 is already at the policy's maximum of 10", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_InChangeWouldPassMinimum_ClampsToMinimum()
    {
        var rule = CpuLow(change: 2);
        var policy = Policy(2, 10, rule);

        var decision = ScalingEngine.Decide(policy, [Window(policy, rule, 5)], NeverScaled, 3, Now);

        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal(2, decision.NewCapacity);
        Assert.EndsWith("The change of 2 is capped at the policy's minimum of 2.", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_AtMinimumAndInRuleFires_ReportsAtBound()
    {
        var rule = CpuLow();
        var policy = Policy(2, 10, rule);

        var decision = ScalingEngine.Decide(policy, [Window(policy, rule, 5)], NeverScaled, 2, Now);

        Assert.Equal(DecisionOutcome.AtBound, decision.Outcome);
        Assert.Equal(2, decision.NewCapacity);
        Assert.Contains("already at the policy's minimum of 2", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_CapacityBelowMinimum_ScalesToMinimumEvenWhenInRuleFiresAndCooldownHolds()
    {
        var rule = CpuLow();
        var policy = Policy(2, 10, rule);
        var state = NeverScaled with { LastScaleOutAt = Now.AddMinutes(-1) };

        var decision = ScalingEngine.Decide(policy, [Window(policy, rule, 5)], state, 1, Now);

        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal(ScaleDirection.Increase, decision.Direction);
        Assert.Equal(2, decision.NewCapacity);
        Assert.Contains("capacity 1 is below the policy's minimum of 2", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_CapacityAboveMaximum_ScalesToMaximumEvenWhenOutRuleFires()
    {
        var rule = CpuHigh();
        var policy = Policy(2, 10, rule);

        var decision = ScalingEngine.Decide(policy, [Window(policy, rule, 99)], NeverScaled, 14, Now);

        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal(ScaleDirection.Decrease, decision.Direction);
        Assert.Equal(10, decision.NewCapacity);
        Assert.StartsWith("Scale in 14 → 10: capacity 14 is above the policy's maximum of 10", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ObserveMode_RecordsTheCapacityItWouldChooseWithoutAskingForAction()
    {
        var rule = CpuHigh();
        var policy = Policy(rule) with { Mode = PolicyMode.Observe };

        var decision = ScalingEngine.Decide(policy, [Window(policy, rule, 90)], NeverScaled, 4, Now);

        Assert.Equal(DecisionOutcome.Observed, decision.Outcome);
        Assert.Equal(5, decision.NewCapacity);
        Assert.False(decision.RequiresAction);
        Assert.Equal("Observe mode, not acted on: would scale out 4 → 5: rule 'cpu-high' fired (Percentage CPU Average over 5m = 90 > 80).", decision.Reason);
    }

    [Fact]
    public void Decide_NoWindowHasData_ReportsNoDataNamingTheMetrics()
    {
        var cpuHigh = CpuHigh();
        var memoryLow = MemoryLow();
        var policy = Policy(cpuHigh, memoryLow);
        var windows = new[] { Window(policy, cpuHigh, null, null) };

        var decision = ScalingEngine.Decide(policy, windows, NeverScaled, 4, Now);

        Assert.Equal(DecisionOutcome.NoData, decision.Outcome);
        Assert.Equal(4, decision.NewCapacity);
        Assert.Equal(
            "No data: Azure Monitor returned no values for 'Percentage CPU' (rule 'cpu-high') and 'Available Memory Bytes' (rule 'memory-low'), so capacity stays at 4.",
            decision.Reason);
        Assert.All(decision.Evaluations, e => Assert.Null(e.Observed));
    }

    [Fact]
    public void Decide_OneOfSeveralWindowsMissing_DecidesOnTheOthersAndMarksTheRuleWithoutData()
    {
        var cpuHigh = CpuHigh();
        var memoryLow = MemoryLow();
        var policy = Policy(cpuHigh, memoryLow);

        var decision = ScalingEngine.Decide(policy, [Window(policy, cpuHigh, 90)], NeverScaled, 4, Now);

        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal(5, decision.NewCapacity);
        var memory = Assert.Single(decision.Evaluations, e => e.RuleName == "memory-low");
        Assert.Null(memory.Observed);
        Assert.False(memory.Fired);
    }

    [Fact]
    public void Decide_InRuleWithoutData_DoesNotScaleInAndSaysWhichRuleHadNoData()
    {
        var cpuLow = CpuLow();
        var memoryLow = MemoryLow();
        var policy = Policy(cpuLow, memoryLow);

        var decision = ScalingEngine.Decide(policy, [Window(policy, cpuLow, 10)], NeverScaled, 5, Now);

        Assert.Equal(DecisionOutcome.NoChange, decision.Outcome);
        Assert.Equal(5, decision.NewCapacity);
        Assert.Contains("'memory-low' (no data for Available Memory Bytes Average over 10m) did not", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_PointsOlderThanTheTimeWindow_AreLeftOut()
    {
        var rule = CpuHigh();
        var policy = Policy(rule);
        var request = rule.Trigger.ToRequest(policy.Target.ResourceId);
        var window = new MetricWindow(request, [new MetricPoint(Now.AddMinutes(-20), 100), new MetricPoint(Now.AddMinutes(-15), 100), new MetricPoint(Now.AddMinutes(-2), 50)]);

        var decision = ScalingEngine.Decide(policy, [window], NeverScaled, 4, Now);

        Assert.Equal(DecisionOutcome.NoChange, decision.Outcome);
        Assert.Equal(50, Assert.Single(decision.Evaluations).Observed);
    }

    [Fact]
    public void Decide_NoRuleFires_KeepsCapacityAndListsEveryValueSeen()
    {
        var cpuHigh = CpuHigh();
        var cpuLow = CpuLow();
        var policy = Policy(cpuHigh, cpuLow);
        var windows = new[] { Window(policy, cpuHigh, 50), Window(policy, cpuLow, 55) };

        var decision = ScalingEngine.Decide(policy, windows, NeverScaled, 4, Now);

        Assert.Equal(DecisionOutcome.NoChange, decision.Outcome);
        Assert.Equal(ScaleDirection.None, decision.Direction);
        Assert.Equal(
            "No change at 4: no rule fired ('cpu-high' (Percentage CPU Average over 5m = 50, not > 80); 'cpu-low' (Percentage CPU Average over 10m = 55, not < 30)).",
            decision.Reason);
        Assert.Equal(["cpu-high", "cpu-low"], decision.Evaluations.Select(e => e.RuleName));
        Assert.Equal([50.0, 55.0], decision.Evaluations.Select(e => e.Observed!.Value));
    }
}
