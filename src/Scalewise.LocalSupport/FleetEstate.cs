using System.Globalization;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Redis;
using Scalewise.Core.Targets;
using Scalewise.Simulator;
using Scalewise.Simulator.Load;
using Scalewise.Simulator.Redis;
using Scalewise.Simulator.ScaleSets;
using Scalewise.Simulator.VirtualMachines;

namespace Scalewise.LocalSupport;

/// <summary>
/// A fleet of mixed targets in the estate simulator with a policy each, for measuring the tick at scale (the tick benchmark
/// and the call-count tests): scale sets with two CPU rules, VMs and caches with a SKU step on their CPU or server load,
/// Azure Managed Redis with a SKU step on a scripted CPU series. Quiet targets stay between their thresholds.
/// </summary>
public static class FleetEstate
{
    /// <summary>The metric the Azure Managed Redis targets are scaled on (scripted: the simulator models none for them).</summary>
    public const string ClusterCpu = "CPU";

    private const int ScaleSetCapacity = 2;
    private const double RequestsPerInstance = 20;

    /// <summary>Adds the fleet's resources to <paramref name="estate"/> and returns their policies (not stored).</summary>
    public static IReadOnlyList<ScalingPolicy> Add(Estate estate, FleetShape shape)
    {
        ArgumentNullException.ThrowIfNull(estate);
        ArgumentNullException.ThrowIfNull(shape);
        var policies = new List<ScalingPolicy>(shape.Targets);
        for (var i = 0; i < shape.Targets; i++)
        {
            var subscription = string.Create(CultureInfo.InvariantCulture, $"00000000-0000-0000-0000-{i % shape.Subscriptions:D12}");
            var group = string.Create(CultureInfo.InvariantCulture, $"fleet-{i / shape.Subscriptions % shape.ResourceGroupsPerSubscription:D3}");
            var name = string.Create(CultureInfo.InvariantCulture, $"t{i:D6}");
            var kind = shape.KindOf(i);
            var provider = kind switch
            {
                TargetKind.VirtualMachine => "Microsoft.Compute/virtualMachines",
                TargetKind.RedisCache => "Microsoft.Cache/redis",
                TargetKind.RedisEnterprise => "Microsoft.Cache/redisEnterprise",
                _ => "Microsoft.Compute/virtualMachineScaleSets",
            };
            var resourceId = $"/subscriptions/{subscription}/resourceGroups/{group}/providers/{provider}/{name}";
            policies.Add(AddTarget(estate, shape, name, kind, resourceId, IsScaling(shape, i)) with { Mode = shape.Active ? PolicyMode.Active : PolicyMode.Observe });
        }

        return policies;
    }

    /// <summary>Whether the fleet's target <paramref name="index"/> is loaded above its scale-out threshold.</summary>
    public static bool IsScaling(FleetShape shape, int index)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.KindOf(index) == TargetKind.VirtualMachineScaleSet && shape.ScalingEvery > 0 && index % shape.ScalingEvery == 0;
    }

    private static ScalingPolicy AddTarget(Estate estate, FleetShape shape, string name, TargetKind kind, string resourceId, bool scaling)
    {
        switch (kind)
        {
            case TargetKind.VirtualMachine:
                estate.AddVirtualMachine(resourceId, new VirtualMachineModel()).SetLoad(new ConstantLoadProfile(10));
                return Vertical(name, kind, resourceId, SimulatedVirtualMachine.PercentageCpu);
            case TargetKind.RedisCache:
                estate.AddRedisCache(resourceId, new RedisSku(RedisTier.Standard, 1)).SetLoad(new ConstantLoadProfile(10));
                return Vertical(name, kind, resourceId, SimulatedRedisCache.ServerLoad);
            case TargetKind.RedisEnterprise:
                estate.AddRedisEnterprise(resourceId, "Balanced_B3");
                estate.SetMetric(resourceId, ClusterCpu, _ => 20, unit: "Percent");
                return Vertical(name, kind, resourceId, ClusterCpu);
            default:
                estate.AddScaleSet(resourceId, ScaleSetCapacity, new ScaleSetModel(RequestsPerSecondPerInstance: RequestsPerInstance))
                    .SetLoad(new ConstantLoadProfile(ScaleSetCapacity * RequestsPerInstance * (scaling ? 0.95 : 0.5)));
                return new ScalingPolicy(
                    ScalingPolicy.CurrentVersion,
                    name,
                    new ScaleTarget(kind, resourceId),
                    new CapacityBounds(1, 20, ScaleSetCapacity),
                    [Rule("cpu-high", "Percentage CPU", TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 70, ScaleDirection.Increase, ScaleActionType.ChangeCount, shape.Emergencies ? 95 : null),
                     Rule("cpu-low", "Percentage CPU", TimeSpan.FromMinutes(10), ComparisonOperator.LessThan, 30, ScaleDirection.Decrease, ScaleActionType.ChangeCount)],
                    TimeSpan.FromMinutes(2));
        }
    }

    private static ScalingPolicy Vertical(string name, TargetKind kind, string resourceId, string metric) => new(
        ScalingPolicy.CurrentVersion,
        name,
        new ScaleTarget(kind, resourceId),
        new CapacityBounds(1, 1, 1),
        [Rule("load-high", metric, TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 90, ScaleDirection.Increase, ScaleActionType.SkuStep)],
        TimeSpan.FromMinutes(2));

    private static ScalingRule Rule(string name, string metric, TimeSpan window, ComparisonOperator comparison, double threshold, ScaleDirection direction, ScaleActionType type, double? critical = null) => new(
        name,
        new MetricTrigger(metric, null, null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), window, comparison, threshold, CriticalThreshold: critical),
        new ScaleAction(direction, 1, TimeSpan.FromMinutes(5), type));
}
