using Scalewise.Core.Redis;

namespace Scalewise.Core.Targets;

/// <summary>What ARM says about an Azure Cache for Redis now: its SKU (with shards) and provisioning state ("Scaling" while a scale runs).</summary>
public sealed record RedisCacheState(string ResourceId, RedisSku Sku, string ProvisioningState, string Location)
{
    public bool IsProvisioningTerminal => ProvisioningStates.IsTerminal(ProvisioningState);
}
