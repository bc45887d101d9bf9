using System.Collections.Concurrent;

namespace Scalewise.Orchestrations.Evaluation;

/// <summary>
/// Reads a policy's target through the controller of its kind (scale set, VM, Azure Cache for Redis, Azure Managed Redis) as the one shape a
/// tick needs: capacity, provisioning state and SKU. A vertical target counts as capacity 1; what moves is its SKU. The tick reads
/// its targets in batches (<see cref="ReadManyAsync"/>): one ARM list call per resource group and kind.
/// </summary>
public sealed partial class TargetReader(
    ITargetController scaleSets,
    IVirtualMachineController vms,
    IRedisCacheController caches,
    IRedisEnterpriseController clusters,
    ITargetInventory inventory,
    ILogger<TargetReader> logger)
{
    /// <summary>How many list calls one tick keeps in flight.</summary>
    public const int MaxConcurrentLists = 16;

    /// <summary>
    /// The targets of a tick read by ARM's list operation, one call (per page) per subscription, resource group and kind with at
    /// least two targets, keyed by resource id (case-insensitive). A target left out (alone in its group, not in the list, or its
    /// group's list failed) is for <see cref="ReadAsync"/>, which reports what is wrong with it as before.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, TargetSnapshot>> ReadManyAsync(IEnumerable<ScaleTarget> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var found = new ConcurrentDictionary<string, TargetSnapshot>(StringComparer.OrdinalIgnoreCase);
        var groups = targets
            .Select(t => (Target: t, Group: GroupOf(t)))
            .Where(t => t.Group is not null)
            .GroupBy(t => (t.Group!.Value.Subscription.ToUpperInvariant(), t.Group!.Value.ResourceGroup.ToUpperInvariant(), t.Group!.Value.Kind))
            .Where(g => g.Select(t => Normalize(t.Target.ResourceId)).Distinct(StringComparer.OrdinalIgnoreCase).Count() >= 2)
            .Select(g => g.First().Group!.Value)
            .ToList();
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentLists, CancellationToken = cancellationToken }, async (group, token) =>
        {
            try
            {
                foreach (var snapshot in await inventory.ListAsync(group.Subscription, group.ResourceGroup, group.Kind, token).ConfigureAwait(false))
                {
                    found[Normalize(snapshot.ResourceId)] = snapshot;
                }
            }
#pragma warning disable CA1031 // A group whose list fails is read target by target, so each target's failure is its own.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogListFailed(logger, ex, group.Kind, group.Subscription, group.ResourceGroup);
            }
        }).ConfigureAwait(false);
        return found;
    }

    /// <summary>The tick's answer for <paramref name="target"/> from <see cref="ReadManyAsync"/>'s result, or null.</summary>
    public static TargetSnapshot? Find(IReadOnlyDictionary<string, TargetSnapshot> read, ScaleTarget target)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(target);
        return read.TryGetValue(Normalize(target.ResourceId), out var snapshot) ? snapshot with { ResourceId = target.ResourceId } : null;
    }

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

    private static string Normalize(string resourceId) => "/" + resourceId.Trim('/');

    /// <summary>The list a target is in: /subscriptions/{sub}/resourceGroups/{rg}/providers/{namespace}/{type}/{name} of its kind's type.</summary>
    private static (string Subscription, string ResourceGroup, TargetKind Kind)? GroupOf(ScaleTarget target)
    {
        var segments = target.ResourceId.Trim('/').Split('/');
        var type = target.Kind switch
        {
            TargetKind.VirtualMachine => ("Microsoft.Compute", "virtualMachines"),
            TargetKind.RedisCache => ("Microsoft.Cache", "redis"),
            TargetKind.RedisEnterprise => ("Microsoft.Cache", "redisEnterprise"),
            _ => ("Microsoft.Compute", "virtualMachineScaleSets"),
        };
        return segments.Length == 8
            && segments[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase)
            && segments[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)
            && segments[4].Equals("providers", StringComparison.OrdinalIgnoreCase)
            && segments[5].Equals(type.Item1, StringComparison.OrdinalIgnoreCase)
            && segments[6].Equals(type.Item2, StringComparison.OrdinalIgnoreCase)
            && !Array.Exists(segments, string.IsNullOrWhiteSpace)
            ? (segments[1], segments[3], target.Kind)
            : null;
    }

    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "Listing the {Kind} targets of resource group {ResourceGroup} in subscription {Subscription} failed; they are read one by one")]
    private static partial void LogListFailed(ILogger logger, Exception exception, TargetKind kind, string subscription, string resourceGroup);
}
