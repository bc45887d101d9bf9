using Scalewise.Core.Targets;

namespace Scalewise.LocalSupport;

/// <summary>
/// A fleet for tick measurements (<see cref="FleetEstate"/>): <paramref name="Targets"/> targets spread round-robin over
/// <paramref name="Subscriptions"/> subscriptions and <paramref name="ResourceGroupsPerSubscription"/> resource groups in each;
/// every <paramref name="ScalingEvery"/>th scale set is under load above its scale-out threshold (0: none). With
/// <paramref name="Emergencies"/> the scale sets' CPU rule has a critical tier (95%), so CheckEmergencies checks them.
/// </summary>
public sealed record FleetShape(int Targets, int Subscriptions, int ResourceGroupsPerSubscription, int ScalingEvery, bool Active, bool Emergencies = false)
{
    /// <summary>
    /// Of every ten targets in a resource group: seven scale sets, one VM, one Azure Cache for Redis, one Azure Managed Redis
    /// (counted per group, so that every group holds every kind once it has ten targets).
    /// </summary>
    public TargetKind KindOf(int index) => (index / (Subscriptions * ResourceGroupsPerSubscription) % 10) switch
    {
        7 => TargetKind.VirtualMachine,
        8 => TargetKind.RedisCache,
        9 => TargetKind.RedisEnterprise,
        _ => TargetKind.VirtualMachineScaleSet,
    };
}
