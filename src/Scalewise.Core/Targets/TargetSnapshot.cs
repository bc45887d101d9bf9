namespace Scalewise.Core.Targets;

/// <summary>What Azure says about a target right now: its capacity and whether an operation is under way.</summary>
public sealed record TargetSnapshot(string ResourceId, int Capacity, string ProvisioningState, string? Sku)
{
    public bool IsProvisioningTerminal => ProvisioningStates.IsTerminal(ProvisioningState);
}
