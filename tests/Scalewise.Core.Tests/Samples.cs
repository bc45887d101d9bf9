using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Targets;

namespace Scalewise.Core.Tests;

/// <summary>Policies, rules and metric windows the tests start from.</summary>
internal static class Samples
{
    public const string ScaleSetId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-web";

    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static ScalingRule Rule(
        string name,
        string metric,
        ComparisonOperator op,
        double threshold,
        ScaleDirection direction,
        int change = 1,
        int windowMinutes = 5,
        int cooldownMinutes = 5) =>
        new(
            name,
            new MetricTrigger(metric, null, null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(windowMinutes), op, threshold),
            new ScaleAction(direction, change, TimeSpan.FromMinutes(cooldownMinutes)));

    public static ScalingRule CpuHigh(int change = 1) => Rule("cpu-high", "Percentage CPU", ComparisonOperator.GreaterThan, 80, ScaleDirection.Increase, change);

    public static ScalingRule CpuLow(int change = 1) => Rule("cpu-low", "Percentage CPU", ComparisonOperator.LessThan, 30, ScaleDirection.Decrease, change, windowMinutes: 10, cooldownMinutes: 15);

    public static ScalingRule MemoryLow(int change = 1) => Rule("memory-low", "Available Memory Bytes", ComparisonOperator.GreaterThan, 4_000_000_000, ScaleDirection.Decrease, change, windowMinutes: 10, cooldownMinutes: 15);

    public static ScalingPolicy Policy(params ScalingRule[] rules) => Policy(2, 10, rules);

    public static ScalingPolicy Policy(int minimum, int maximum, params ScalingRule[] rules) =>
        new(ScalingPolicy.CurrentVersion, "web-tier", new ScaleTarget(TargetKind.VirtualMachineScaleSet, ScaleSetId), new CapacityBounds(minimum, maximum, minimum), rules, TimeSpan.FromMinutes(2));

    /// <summary>The window the rule reads, with one point a minute ending one minute before <see cref="Now"/>.</summary>
    public static MetricWindow Window(ScalingPolicy policy, ScalingRule rule, params double?[] values) =>
        new(rule.Trigger.ToRequest(policy.Target.ResourceId), values.Select((v, i) => new MetricPoint(Now.AddMinutes(i - values.Length), v)).ToList());

    public static string ExampleJson(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "policies", name));
}
