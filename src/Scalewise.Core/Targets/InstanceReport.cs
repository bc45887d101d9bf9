namespace Scalewise.Core.Targets;

/// <summary>The instances of a scale set as verification sees them.</summary>
public sealed record InstanceReport(IReadOnlyList<InstanceHealth> Instances)
{
    public int Count => Instances.Count;

    public int SucceededCount => Instances.Count(i => string.Equals(i.ProvisioningState, ProvisioningStates.Succeeded, StringComparison.OrdinalIgnoreCase));
}
