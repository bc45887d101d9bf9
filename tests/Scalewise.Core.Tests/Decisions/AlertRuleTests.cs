using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Tests.Replays;
using static Scalewise.Core.Tests.Samples;

namespace Scalewise.Core.Tests.Decisions;

/// <summary>Alert-only rules: recorded as a warning and notified, never a reason to scale.</summary>
public sealed class AlertRuleTests
{
    private static readonly AlertRule LatencyHigh = new(
        "latency-high",
        new MetricTrigger("requests/duration", null, null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 1000));

    [Fact]
    public void Decide_AlertPastItsThreshold_WarnsWithoutScaling()
    {
        var policy = Policy(CpuHigh()) with { Alerts = [LatencyHigh] };

        var decision = ScalingEngine.Decide(policy, [Window(policy, CpuHigh(), 50, 50, 50, 50, 50), Latency(policy, 1500)], TargetState.Empty(policy.Id), 3, Now);

        Assert.Equal((DecisionOutcome.NoChange, 3, DecisionSeverity.Warning), (decision.Outcome, decision.NewCapacity, decision.Severity));
        Assert.EndsWith(
            "Alert: 'latency-high' (requests/duration Average over 5m = 1500 > 1000) is past its threshold; alert-only, so nothing scales.",
            decision.Reason,
            StringComparison.Ordinal);
        var alert = decision.Evaluations[^1];
        Assert.Equal(("latency-high", true, MetricTier.Warning, ScaleDirection.None), (alert.RuleName, alert.Fired, alert.Tier, alert.Direction));
    }

    [Fact]
    public void Decide_AlertBelowItsThreshold_IsNormalAndListedWithItsValue()
    {
        var policy = Policy(CpuHigh()) with { Alerts = [LatencyHigh] };

        var decision = ScalingEngine.Decide(policy, [Window(policy, CpuHigh(), 50, 50, 50, 50, 50), Latency(policy, 400)], TargetState.Empty(policy.Id), 3, Now);

        Assert.Equal(DecisionSeverity.Normal, decision.Severity);
        Assert.DoesNotContain("Alert:", decision.Reason, StringComparison.Ordinal);
        Assert.Equal((400, false), (decision.Evaluations[^1].Observed, decision.Evaluations[^1].Fired));
    }

    [Fact]
    public void Decide_AlertFiringWhileEveryScaleInRuleFires_StillScalesIn()
    {
        var policy = Policy(CpuHigh(), CpuLow()) with { Alerts = [LatencyHigh] };
        var cpu = Enumerable.Repeat<double?>(20, 10).ToArray();

        var decision = ScalingEngine.Decide(policy, [Window(policy, CpuHigh(), cpu), Window(policy, CpuLow(), cpu), Latency(policy, 1500)], TargetState.Empty(policy.Id), 4, Now);

        Assert.Equal((DecisionOutcome.Scale, 3, DecisionSeverity.Warning), (decision.Outcome, decision.NewCapacity, decision.Severity));
        Assert.Contains("Alert: 'latency-high'", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_PolicyWithOnlyAlerts_NeverScales()
    {
        var policy = Policy() with { Alerts = [LatencyHigh] };

        var decision = ScalingEngine.Decide(policy, [Latency(policy, 5000)], TargetState.Empty(policy.Id), 3, Now);

        Assert.Equal((DecisionOutcome.NoChange, 3, DecisionSeverity.Warning), (decision.Outcome, decision.NewCapacity, decision.Severity));
    }

    [Fact]
    public void Seed001_LatencyAbove1000Ms_AlertsAndDoesNotScale()
    {
        var parsed = PolicyDocument.Parse(ExampleJson("seed-001-event-venue-app-tier.json"));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));

        var decision = new PolicyReplay(parsed.Policy!, 4).Run(1, (metric, _) => metric switch
        {
            "Percentage CPU" => 50,
            "Available Memory Percentage" => 60,
            "requests/duration" => 1400,
            "requests/failed" => 2,
            "requests/count" => 1000,
            _ => null,
        }).Decisions[0];

        Assert.Equal((DecisionOutcome.NoChange, DecisionSeverity.Warning), (decision.Outcome, decision.Severity));
        Assert.Contains("Alert: 'latency-high' (requests/duration Average over 5m = 1400 > 1000) is past its threshold", decision.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("error-rate-high' (", decision.Reason.Split("Alert:")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Seed001_ErrorRateAbove1Percent_AlertsThroughItsFormula()
    {
        var parsed = PolicyDocument.Parse(ExampleJson("seed-001-event-venue-app-tier.json"));

        var decision = new PolicyReplay(parsed.Policy!, 4).Run(1, (metric, _) => metric switch
        {
            "Percentage CPU" => 50,
            "Available Memory Percentage" => 60,
            "requests/duration" => 300,
            "requests/failed" => 30,
            "requests/count" => 1000,
            _ => null,
        }).Decisions[0];

        Assert.Equal(DecisionSeverity.Warning, decision.Severity);
        Assert.Contains("Alert: 'error-rate-high' (formula 100 * failed / requests = 3 > 1; failed = 150, requests = 5000)", decision.Reason, StringComparison.Ordinal);
    }

    private static MetricWindow Latency(ScalingPolicy policy, double value) =>
        new(LatencyHigh.Trigger.ToRequest(policy.Target.ResourceId), [.. Enumerable.Range(1, 5).Select(k => new MetricPoint(Now.AddMinutes(-k), (double?)value))]);
}
