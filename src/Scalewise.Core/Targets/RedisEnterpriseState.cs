namespace Scalewise.Core.Targets;

/// <summary>What ARM says about an Azure Managed Redis cluster: SKU name (capacity only for Enterprise SKUs), provisioning and resource state.</summary>
public sealed record RedisEnterpriseState(string ResourceId, string SkuName, int? Capacity, string ProvisioningState, string? ResourceState)
{
    public bool IsProvisioningTerminal => ProvisioningStates.IsTerminal(ProvisioningState);
}
