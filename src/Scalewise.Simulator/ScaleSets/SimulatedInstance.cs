namespace Scalewise.Simulator.ScaleSets;

/// <summary>A snapshot of one scale-set instance: its id ("0", "1", ...) and ARM provisioning state.</summary>
public sealed record SimulatedInstance(string InstanceId, string ProvisioningState);
