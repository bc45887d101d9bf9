namespace Scalewise.Core.Targets;

/// <summary>
/// What ARM says about a VM now: size, power state from the instance view ("running", "deallocated", "starting",
/// "deallocating", "stopped"; null when there is none), provisioning state and managed disks (OS disk first).
/// </summary>
public sealed record VirtualMachineState(string ResourceId, string Size, string? PowerState, string ProvisioningState, string Location, IReadOnlyList<ManagedDiskInfo> Disks)
{
    public bool IsProvisioningTerminal => ProvisioningStates.IsTerminal(ProvisioningState);

    public bool IsRunning => string.Equals(PowerState, PowerStates.Running, StringComparison.OrdinalIgnoreCase);

    public bool IsDeallocated => string.Equals(PowerState, PowerStates.Deallocated, StringComparison.OrdinalIgnoreCase);
}
