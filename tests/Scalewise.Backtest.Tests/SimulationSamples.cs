using Scalewise.Backtest.Strategies;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Targets;
using Scalewise.Core.Traces;

namespace Scalewise.Backtest.Tests;

/// <summary>Small traces, models and policies for replay tests: 100 requests a minute per instance, 3 + 2 minutes to ready.</summary>
internal static class SimulationSamples
{
    public const string ScaleSetId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-web";

    public static readonly DateTimeOffset Start = new(2025, 6, 2, 0, 0, 0, TimeSpan.Zero);

    public static TargetModel Model(int provisioningMinutes = 3, int warmUpMinutes = 2) =>
        new(100, TimeSpan.FromMinutes(provisioningMinutes), TimeSpan.FromMinutes(warmUpMinutes), 0.6, 50, 500);

    public static WorkloadTrace Trace(params int[] requests) => new(Start, requests);

    /// <summary>A trace of phases: (minutes, requests a minute) each.</summary>
    public static WorkloadTrace Phases(params (int Minutes, int Requests)[] phases) =>
        new(Start, phases.SelectMany(p => Enumerable.Repeat(p.Requests, p.Minutes)));

    public static ScalingRule Rule(string name, ComparisonOperator op, double threshold, ScaleDirection direction, int change, int windowMinutes, int cooldownMinutes, string metric = "Percentage CPU") =>
        new(
            name,
            new MetricTrigger(metric, null, null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(windowMinutes), op, threshold),
            new ScaleAction(direction, change, TimeSpan.FromMinutes(cooldownMinutes)));

    public static ScalingPolicy Policy(int minimum, int maximum, int initial, params ScalingRule[] rules) =>
        new(ScalingPolicy.CurrentVersion, "web-tier", new ScaleTarget(TargetKind.VirtualMachineScaleSet, ScaleSetId), new CapacityBounds(minimum, maximum, initial), rules, TimeSpan.FromMinutes(2));

    /// <summary>The minutes at which ready capacity went up.</summary>
    public static List<int> ReadyIncreases(StrategyResult result) =>
        Enumerable.Range(1, result.ReadyCapacity.Count - 1).Where(m => result.ReadyCapacity[m] > result.ReadyCapacity[m - 1]).ToList();

    /// <summary>The text of an example policy (examples/policies, copied beside the tests).</summary>
    public static string ExampleJson(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "policies", name));
}
