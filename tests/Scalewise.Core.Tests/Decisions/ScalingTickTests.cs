using Scalewise.Core.Decisions;
using Scalewise.Core.Forecasting;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Scheduling;
using static Scalewise.Core.Tests.Samples;

namespace Scalewise.Core.Tests.Decisions;

public sealed class ScalingTickTests
{
    private static readonly TargetState NeverScaled = TargetState.Empty("web-tier");

    // Samples.Now is Sunday 2025-06-01 12:00 UTC (14:00 in Berlin).
    private static readonly Schedule BusinessDay = new()
    {
        Windows = [new RecurringWindow("midday", "0 11 * * *", "Europe/Berlin", new WindowCapacity(4, 8, 6), Duration: TimeSpan.FromHours(6))],
    };

    [Fact]
    public void Decide_WindowActiveAndCapacityBelowItsMinimum_ScalesOutWithKindScheduled()
    {
        var policy = Policy(2, 10, CpuHigh(), CpuLow()) with { Schedule = BusinessDay };

        var decision = ScalingTick.Decide(policy, [], NeverScaled, 2, Now);

        Assert.Equal(DecisionKind.Scheduled, decision.Kind);
        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal(4, decision.NewCapacity);
        Assert.Contains("schedule window 'midday'", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_FixedWindowAndRecurringWindowBothActive_FixedWindowBoundsWin()
    {
        var schedule = BusinessDay with
        {
            FixedWindows = [new FixedWindow("launch", new DateTime(2025, 6, 1, 0, 0, 0), new DateTime(2025, 6, 2, 0, 0, 0), "Europe/Berlin", new WindowCapacity(9, 10))],
        };
        var policy = Policy(2, 10, CpuHigh()) with { Schedule = schedule };

        var decision = ScalingTick.Decide(policy, [], NeverScaled, 6, Now);

        Assert.Equal(DecisionKind.Scheduled, decision.Kind);
        Assert.Equal(9, decision.NewCapacity);
        Assert.Contains("'launch'", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoWindowActive_PolicyBoundsApplyAndRulesActAsBefore()
    {
        var rule = CpuHigh();
        var policy = Policy(2, 10, rule) with { Schedule = BusinessDay };
        var night = new DateTimeOffset(2025, 6, 1, 23, 0, 0, TimeSpan.Zero);
        MetricWindow[] cpu = [new(rule.Trigger.ToRequest(policy.Target.ResourceId), [.. Enumerable.Range(0, 5).Select(i => new MetricPoint(night.AddMinutes(i - 5), 90))])];

        var decision = ScalingTick.Decide(policy, cpu, NeverScaled, 2, night);

        Assert.Equal(DecisionKind.Reactive, decision.Kind);
        Assert.Equal(3, decision.NewCapacity);
    }

    [Fact]
    public void Decide_ScaleInRuleFiresInsideWindow_NeverGoesBelowTheWindowFloor()
    {
        var rule = CpuLow(change: 5);
        var policy = Policy(2, 10, rule) with { Schedule = BusinessDay };

        var decision = ScalingTick.Decide(policy, [Window(policy, rule, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5)], NeverScaled, 6, Now);

        Assert.Equal(4, decision.NewCapacity);
        Assert.Equal(DecisionKind.Reactive, decision.Kind);
    }

    [Fact]
    public void Decide_ForecastPeakWithinLookAhead_ScalesOutAheadWithKindPredictive()
    {
        var policy = Policy(2, 20, CpuHigh()) with { Predictive = new PredictiveScaling(PredictiveMode.ForecastAndScale, "Requests", 1000) };
        var forecast = Forecast(Now.AddMinutes(-30), 2000, 9500);

        var decision = ScalingTick.Decide(policy, [], NeverScaled, 2, Now.AddMinutes(55), forecast);

        Assert.Equal(DecisionKind.Predictive, decision.Kind);
        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal(10, decision.NewCapacity);
    }

    [Fact]
    public void Decide_ForecastOnlyMode_NeverScalesOnTheForecast()
    {
        var policy = Policy(2, 20, CpuHigh()) with { Predictive = new PredictiveScaling(PredictiveMode.ForecastOnly, "Requests", 1000) };

        var decision = ScalingTick.Decide(policy, [], NeverScaled, 2, Now, Forecast(Now, 9500));

        Assert.NotEqual(DecisionKind.Predictive, decision.Kind);
        Assert.Equal(2, decision.NewCapacity);
    }

    [Fact]
    public void Decide_ReactiveAsksMoreThanForecast_LargerReactiveWins()
    {
        var rule = CpuHigh(change: 6);
        var policy = Policy(2, 20, rule) with { Predictive = new PredictiveScaling(PredictiveMode.ForecastAndScale, "Requests", 1000) };

        var decision = ScalingTick.Decide(policy, [Window(policy, rule, 90, 90, 90, 90, 90)], NeverScaled, 2, Now, Forecast(Now.AddMinutes(-1), 3000));

        Assert.Equal(DecisionKind.Reactive, decision.Kind);
        Assert.Equal(8, decision.NewCapacity);
    }

    [Fact]
    public void Decide_ScaleInBelowForecastWithoutAllowScaleIn_ForecastHoldsTheCapacity()
    {
        var rule = CpuLow(change: 3);
        var policy = Policy(2, 20, rule) with { Predictive = new PredictiveScaling(PredictiveMode.ForecastAndScale, "Requests", 1000) };

        var decision = ScalingTick.Decide(policy, [Window(policy, rule, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5)], NeverScaled, 8, Now, Forecast(Now.AddMinutes(-1), 8000));

        Assert.Equal(DecisionOutcome.NoChange, decision.Outcome);
        Assert.Equal(8, decision.NewCapacity);
    }

    [Fact]
    public void Decide_ForecastAboveMaximumWithHonorMaxCapacity_CapsAtMaximum()
    {
        var policy = Policy(2, 10, CpuHigh()) with { Predictive = new PredictiveScaling(PredictiveMode.ForecastAndScale, "Requests", 1000) };

        var decision = ScalingTick.Decide(policy, [], NeverScaled, 2, Now, Forecast(Now.AddMinutes(-1), 15000));

        Assert.Equal(10, decision.NewCapacity);
    }

    [Fact]
    public void For_ForecastAboveMaximumWithIncreaseMaxCapacity_ExceedsMaximumWithinBuffer()
    {
        var policy = Policy(2, 10, CpuHigh()) with
        {
            Predictive = new PredictiveScaling(PredictiveMode.ForecastAndScale, "Requests", 1000, MaxCapacityBreach: MaxCapacityBreach.IncreaseMaxCapacity, MaxCapacityBuffer: 10),
        };

        var recommendation = PredictiveRecommendation.For(policy, Forecast(Now.AddMinutes(-1), 12000), Now);

        Assert.NotNull(recommendation);
        Assert.Equal(12, recommendation.Capacity);
        Assert.Equal(13, recommendation.EffectiveMaximum);
    }

    [Fact]
    public void Decide_ForecastAboveMaximumWithIncreaseMaxCapacity_DecisionCarriesTheRaisedMaximum()
    {
        var policy = Policy(2, 10, CpuHigh()) with
        {
            Predictive = new PredictiveScaling(PredictiveMode.ForecastAndScale, "Requests", 1000, MaxCapacityBreach: MaxCapacityBreach.IncreaseMaxCapacity, MaxCapacityBuffer: 10),
        };

        var decision = ScalingTick.Decide(policy, [], NeverScaled, 2, Now, Forecast(Now.AddMinutes(-1), 12000));

        Assert.Equal(DecisionKind.Predictive, decision.Kind);
        Assert.Equal(12, decision.NewCapacity);
        Assert.Equal(13, decision.RaisedMaximum); // floor(12 × 1.1)
    }

    [Fact]
    public void Decide_ForecastWithinMaximumWithIncreaseMaxCapacity_RaisesNothing()
    {
        var policy = Policy(2, 10, CpuHigh()) with
        {
            Predictive = new PredictiveScaling(PredictiveMode.ForecastAndScale, "Requests", 1000, MaxCapacityBreach: MaxCapacityBreach.IncreaseMaxCapacity, MaxCapacityBuffer: 10),
        };

        var decision = ScalingTick.Decide(policy, [], NeverScaled, 2, Now, Forecast(Now.AddMinutes(-1), 6000));

        Assert.Equal(6, decision.NewCapacity);
        Assert.Null(decision.RaisedMaximum);
    }

    [Fact]
    public void Decide_RequestsUpFortyPercentInAMinute_EmergencySizedToProjectedDemandBypassingCooldown()
    {
        var policy = Policy(2, 50, CpuHigh()) with { Emergency = new EmergencyScaling(GrowthMetric: "Requests", TargetPerInstance: 100) };
        var request = EmergencyDetector.Requests(policy)[0];
        MetricWindow[] growth = [new(request, [new MetricPoint(Now.AddMinutes(-2), 1000), new MetricPoint(Now.AddMinutes(-1), 1400)])];
        var cooling = NeverScaled with { LastScaleOutAt = Now.AddMinutes(-1) };

        var decision = ScalingTick.Decide(policy, growth, cooling, 10, Now);

        Assert.Equal(DecisionKind.Emergency, decision.Kind);
        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal(34, decision.NewCapacity); // 1400 + 400 × 5 = 3400 per minute at 100 per instance
        Assert.True(decision.IsCritical);
    }

    [Fact]
    public void Decide_GrowthBelowThreshold_NoEmergency()
    {
        var policy = Policy(2, 50, CpuHigh()) with { Emergency = new EmergencyScaling(GrowthMetric: "Requests", TargetPerInstance: 100) };
        var request = EmergencyDetector.Requests(policy)[0];
        MetricWindow[] growth = [new(request, [new MetricPoint(Now.AddMinutes(-2), 1000), new MetricPoint(Now.AddMinutes(-1), 1200)])];

        var decision = ScalingTick.Decide(policy, growth, NeverScaled, 10, Now);

        Assert.NotEqual(DecisionKind.Emergency, decision.Kind);
    }

    [Fact]
    public void Decide_CriticalTierReached_EmergencyInProportionToTheThreshold()
    {
        var rule = CpuHigh() with { Trigger = CpuHigh().Trigger with { CriticalThreshold = 95 } };
        var policy = Policy(2, 50, rule);

        var decision = ScalingTick.Decide(policy, [Window(policy, rule, 98, 98, 98, 98, 98)], NeverScaled, 10, Now);

        Assert.Equal(DecisionKind.Emergency, decision.Kind);
        Assert.Equal(13, decision.NewCapacity); // ceil(10 × 98 / 80)
    }

    private static DemandForecast Forecast(DateTimeOffset firstHour, params double[] demand) =>
        new("holt-winters", firstHour, [.. demand.Select((d, h) => new ForecastPoint(firstHour.AddHours(h), d))], null, "test");
}
