namespace Scalewise.Orchestrations.Evaluation;

/// <summary>
/// Reads a policy's target through the controller of its kind (scale set, VM, Azure Cache for Redis, Azure Managed Redis) as the one shape a
/// tick needs: capacity, provisioning state and SKU. A vertical target counts as capacity 1; what moves is its SKU.
/// </summary>
public sealed class TargetReader(ITargetController scaleSets, IVirtualMachineController vms, IRedisCacheController caches, IRedisEnterpriseController clusters)
{
    public async Task<TargetSnapshot> ReadAsync(ScaleTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        switch (target.Kind)
        {
            case TargetKind.VirtualMachine:
                var vm = await vms.GetAsync(target.ResourceId, cancellationToken).ConfigureAwait(false);
                return new TargetSnapshot(target.ResourceId, 1, vm.ProvisioningState, vm.Size);
            case TargetKind.RedisCache:
                var cache = await caches.GetAsync(target.ResourceId, cancellationToken).ConfigureAwait(false);
                return new TargetSnapshot(target.ResourceId, 1, cache.ProvisioningState, RedisSkuNames.NameOf(cache.Sku));
            case TargetKind.RedisEnterprise:
                var cluster = await clusters.GetAsync(target.ResourceId, cancellationToken).ConfigureAwait(false);
                return new TargetSnapshot(target.ResourceId, 1, cluster.ProvisioningState, cluster.SkuName);
            default:
                return await scaleSets.GetAsync(target.ResourceId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The state the engine decides on: for a vertical target its SKU as read now (the engine finds its rung on the
    /// ladder from it); for a scale set its instance SKU as read now when ARM gives one (the cost cap prices it), else as stored.
    /// </summary>
    public static TargetState StateFor(ScalingPolicy policy, TargetState stored, TargetSnapshot target)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(target);
        return SkuLadderMoves.IsVerticalKind(policy.Target.Kind) ? stored with { CurrentSku = target.Sku } : stored with { CurrentSku = target.Sku ?? stored.CurrentSku };
    }
}
