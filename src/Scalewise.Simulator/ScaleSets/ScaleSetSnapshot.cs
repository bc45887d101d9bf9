namespace Scalewise.Simulator.ScaleSets;

/// <summary>A consistent view of a scale set at one moment, for serving over the wire.</summary>
internal sealed record ScaleSetSnapshot(
    int Capacity,
    string ProvisioningState,
    IReadOnlyList<InstanceSnapshot> Instances);
