using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using Scalewise.Simulator;
using Scalewise.Simulator.Load;
using Scalewise.Simulator.Redis;
using Scalewise.Simulator.ScaleSets;
using Scalewise.Simulator.VirtualMachines;

namespace Scalewise.Cli.Scenarios;

/// <summary>
/// The simulated resource a scenario's policy sizes (a scale set, a VM or an Azure Cache for Redis), with the scenario's
/// load applied, and the one line <c>scalewise run</c> prints about it every minute.
/// </summary>
public sealed class ScenarioTarget
{
    private readonly Func<DateTimeOffset, string> describe;
    private readonly Func<int> capacity;
    private readonly Func<int> ready;

    private ScenarioTarget(Func<DateTimeOffset, string> describe, Func<int> capacity, Func<int> ready)
    {
        this.describe = describe;
        this.capacity = capacity;
        this.ready = ready;
    }

    /// <summary>What the target is now: capacity and ready instances, or SKU, utilization and provisioning state.</summary>
    public string Describe(DateTimeOffset now) => describe(now);

    /// <summary>Instances: a scale set's capacity; 1 for a VM or a cache.</summary>
    public int Capacity => capacity();

    /// <summary>Instances serving: a scale set's ready instances; for a VM 1 while it runs, else 0; for a cache 1.</summary>
    public int ReadyInstances => ready();

    /// <summary>Adds the scenario's target to the estate under the policy's resource id and offers it <paramref name="load"/>.</summary>
    public static ScenarioTarget Add(Estate estate, RunScenario scenario, ScalingPolicy policy, ILoadProfile load)
    {
        ArgumentNullException.ThrowIfNull(estate);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(policy);
        var id = policy.Target.ResourceId;
        switch (scenario.TargetKind)
        {
            case TargetKind.VirtualMachine:
                var vm = estate.AddVirtualMachine(id, new VirtualMachineModel(Size: scenario.InitialSku ?? "Standard_D2s_v3", ResizeDelay: scenario.ProvisioningDelay));
                vm.SetLoad(load);
                return new(now => string.Create(CultureInfo.InvariantCulture, $"VM {vm.Size} {vm.PowerState} · CPU {vm.CpuPercentAt(now):0}% · {vm.ProvisioningState}"),
                    () => 1,
                    () => vm.PowerState == PowerStates.Running ? 1 : 0);
            case TargetKind.RedisCache:
                var sku = RedisSkuNames.Parse(scenario.InitialSku ?? "Standard_C1", 0, out var error)
                    ?? throw new InvalidOperationException($"Scenario '{scenario.Name}' starts its cache at an unknown SKU: {error}");
                var cache = estate.AddRedisCache(id, sku, new RedisCacheModel(ScalingDelayPerShard: scenario.ProvisioningDelay));
                cache.SetLoad(load);
                return new(now => string.Create(CultureInfo.InvariantCulture, $"cache {RedisSkuNames.NameOf(cache.Sku)} · server load {cache.ServerLoadAt(now):0}% · memory {cache.UsedMemoryPercentAt(now):0}% · {cache.ProvisioningState}"),
                    () => 1,
                    () => 1);
            default:
                var scaleSet = estate.AddScaleSet(id, scenario.InitialCapacity, new ScaleSetModel(RequestsPerSecondPerInstance: scenario.RequestsPerSecondPerInstance, ProvisioningDelay: scenario.ProvisioningDelay));
                scenario.PrepareTarget?.Invoke(scaleSet);
                scaleSet.SetLoad(load);
                return new(_ => string.Create(CultureInfo.InvariantCulture, $"capacity {scaleSet.Capacity} (ready {scaleSet.ReadyInstances}) · {scaleSet.ProvisioningState}"),
                    () => scaleSet.Capacity,
                    () => scaleSet.ReadyInstances);
        }
    }
}
