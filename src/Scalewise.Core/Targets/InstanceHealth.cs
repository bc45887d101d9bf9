namespace Scalewise.Core.Targets;

/// <summary>One instance's provisioning and power state (power state is null when the instance view has none).</summary>
public sealed record InstanceHealth(string InstanceId, string ProvisioningState, string? PowerState);
