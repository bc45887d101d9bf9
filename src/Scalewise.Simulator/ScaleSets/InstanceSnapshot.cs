namespace Scalewise.Simulator.ScaleSets;

/// <summary>One instance as served over the wire.</summary>
internal sealed record InstanceSnapshot(string InstanceId, string ProvisioningState, string VmId);
