using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Tests.Replays;
using static Scalewise.Core.Tests.Samples;

namespace Scalewise.Core.Tests.Decisions;

/// <summary>Rules whose trigger is a formula over named metrics, each read over its own window.</summary>
public sealed class FormulaRuleTests
{
    [Fact]
    public void Decide_CpuPastItsShareOfTheFormula_ScalesOutAndShowsTheFormulasValue()
    {
        // 4 instances share 20,000 requests a minute (5,000 each); CPU 84% is 1.2 × its 70% target.
        var decision = Example(4).Run(1, (metric, _) => metric == "Percentage CPU" ? 84 : 20_000).Decisions[0];

        Assert.Equal((DecisionOutcome.Scale, 6), (decision.Outcome, decision.NewCapacity));
        Assert.StartsWith(
            "Scale out 4 → 6: rule 'pressure-high' fired (formula max(cpu / 70, rps / 18000) = 1.2 > 1; cpu = 84, rps = 5000).",
            decision.Reason,
            StringComparison.Ordinal);
        Assert.Equal(1.2, decision.Evaluations[0].Observed!.Value, 9);
    }

    [Fact]
    public void Decide_RequestsPerInstancePastTheirShare_ScalesOutWhileCpuIsLow()
    {
        var decision = Example(4).Run(1, (metric, _) => metric == "Percentage CPU" ? 30 : 80_000).Decisions[0];

        Assert.Equal((DecisionOutcome.Scale, 6), (decision.Outcome, decision.NewCapacity));
        Assert.Contains("= 1.11 > 1; cpu = 30, rps = 20000", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_PressureBetweenTheThresholds_HoldsAndSaysWhatEachFormulaSaw()
    {
        var decision = Example(4).Run(1, (metric, _) => metric == "Percentage CPU" ? 49 : 20_000).Decisions[0];

        Assert.Equal(DecisionOutcome.NoChange, decision.Outcome);
        Assert.Contains("'pressure-high' (formula max(cpu / 70, rps / 18000) = 0.7, not > 1; cpu = 49, rps = 5000)", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("'pressure-low' (formula max(cpu_slow / 70, rps_slow / 18000) = 0.7, not < 0.5; cpu_slow = 49, rps_slow = 5000)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_BothLowForTenMinutes_ScalesInByOne()
    {
        var decision = Example(4).Run(1, (metric, _) => metric == "Percentage CPU" ? 20 : 8_000).Decisions[0];

        Assert.Equal((DecisionOutcome.Scale, 3), (decision.Outcome, decision.NewCapacity));
    }

    [Fact]
    public void Decide_FormulaDividesByZero_DoesNotFireAndSaysWhy()
    {
        var policy = Ratio();
        var windows = new[] { Window(policy, "requests", 900), Window(policy, "connections", 0) };

        var decision = ScalingEngine.Decide(policy, windows, TargetState.Empty(policy.Id), 4, Now);

        Assert.False(decision.Evaluations[0].Fired);
        Assert.Null(decision.Evaluations[0].Observed);
        Assert.Equal(DecisionOutcome.NoData, decision.Outcome);
        Assert.Contains("formula requests / connections (rule 'per-connection': division by zero at position 10)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NamedMetricWithoutData_DoesNotFireAndNamesTheMetric()
    {
        var policy = Ratio() with { Rules = [.. Ratio().Rules, CpuHigh()] };
        var windows = new[] { Window(policy, "requests", 900), Window(policy.Rules[1].Trigger.ToRequest(policy.Target.ResourceId), 50) };

        var decision = ScalingEngine.Decide(policy, windows, TargetState.Empty(policy.Id), 4, Now);

        Assert.Equal(DecisionOutcome.NoChange, decision.Outcome);
        Assert.Contains("'per-connection' (no value for formula requests / connections: no data for 'connections')", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_FormulaValueWithinTheStep_TakesThatStep()
    {
        var policy = Ratio() with
        {
            Rules = [Ratio().Rules[0] with { Action = new ScaleAction(ScaleDirection.Increase, 0, TimeSpan.FromMinutes(5), Steps: [new StepAdjustment(0, 50, 1), new StepAdjustment(50, null, 3)]) }],
        };
        var windows = new[] { Window(policy, "requests", 1200), Window(policy, "connections", 10) };

        var decision = ScalingEngine.Decide(policy, windows, TargetState.Empty(policy.Id), 4, Now);

        // 1200 / 10 = 120, 70 past the threshold of 50: the second step.
        Assert.Equal(7, decision.NewCapacity);
    }

    [Fact]
    public void Requests_FormulaRule_ReadsEachNamedMetricAndNoMetricForTheFormula()
    {
        var requests = PolicyMetrics.Requests(Ratio());

        Assert.Equal(["Requests", "Connections"], requests.Select(r => r.MetricName));
        Assert.Equal([TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1)], requests.Select(r => r.Window));
    }

    private static PolicyReplay Example(int capacity)
    {
        var parsed = PolicyDocument.Parse(ExampleJson("vmss-formula.json"));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return new PolicyReplay(parsed.Policy!, capacity);
    }

    /// <summary>Requests per connection above 50 adds one: requests summed over 5 minutes, connections the last minute's.</summary>
    private static ScalingPolicy Ratio()
    {
        var trigger = new MetricTrigger(null!, null, null, default, default, default, default, ComparisonOperator.GreaterThan, 50) { Formula = "requests / connections" };
        return Policy(new ScalingRule("per-connection", trigger, new ScaleAction(ScaleDirection.Increase, 1, TimeSpan.FromMinutes(5)))) with
        {
            Metrics =
            [
                new NamedMetric("requests", "Requests", null, null, TimeAggregation.Total, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)),
                new NamedMetric("connections", "Connections", null, null, TimeAggregation.Average, TimeAggregation.Last, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)),
            ],
        };
    }

    private static MetricWindow Window(ScalingPolicy policy, string name, double value) =>
        Window(NamedMetric.Find(policy.Metrics, name)!.ToRequest(policy.Target.ResourceId), value);

    private static MetricWindow Window(MetricRequest request, double value) =>
        new(request, [.. Enumerable.Range(1, 10).Select(k => new MetricPoint(Now.AddMinutes(-k), value))]);
}
