using BenchmarkDotNet.Attributes;
using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Targets;

namespace Scalewise.Benchmarks;

/// <summary>Decisions per second for a policy of 10 rules (5 out, 5 in) over 60-point windows, one decision per invocation.</summary>
[MemoryDiagnoser]
public class DecideBenchmarks
{
    private const string ScaleSetId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-bench/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-bench";

    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private ScalingPolicy policy = null!;
    private List<MetricWindow> windows = null!;
    private TargetState state = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rules = new List<ScalingRule>();
        for (var i = 0; i < 5; i++)
        {
            rules.Add(Rule($"out-{i}", $"metric-{i}", ComparisonOperator.GreaterThan, 80 + i, ScaleDirection.Increase, i + 1));
            rules.Add(Rule($"in-{i}", $"metric-{i}", ComparisonOperator.LessThan, 30 - i, ScaleDirection.Decrease, 1));
        }

        policy = new ScalingPolicy(ScalingPolicy.CurrentVersion, "bench", new ScaleTarget(TargetKind.VirtualMachineScaleSet, ScaleSetId), new CapacityBounds(2, 100, 2), rules, TimeSpan.FromMinutes(2));

        // Two out-rules fire (metrics 0 and 1 run hot); the rest sit in the middle, so the decision scales out.
        windows = rules.Select(r => r.Trigger.ToRequest(ScaleSetId)).Distinct().Select((request, m) => new MetricWindow(
            request,
            Enumerable.Range(0, 60).Select(p => new MetricPoint(Now.AddMinutes(p - 60), m < 2 ? 90 + (p % 5) : 50 + (p % 7))).ToList())).ToList();
        state = TargetState.Empty(policy.Id);
    }

    [Benchmark]
    public ScalingDecision Decide() => ScalingEngine.Decide(policy, windows, state, 10, Now);

    private static ScalingRule Rule(string name, string metric, ComparisonOperator op, double threshold, ScaleDirection direction, int change) =>
        new(
            name,
            new MetricTrigger(metric, null, null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(60), op, threshold),
            new ScaleAction(direction, change, TimeSpan.FromMinutes(5)));
}
