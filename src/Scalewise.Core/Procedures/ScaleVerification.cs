namespace Scalewise.Core.Procedures;

/// <summary>Decides whether a scale set reached the capacity a procedure asked for.</summary>
public static class ScaleVerification
{
    public static VerificationResult Evaluate(TargetSnapshot target, InstanceReport instances, int expectedCapacity)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(instances);

        var healthy = instances.Instances.Count(IsHealthy);
        if (!string.Equals(target.ProvisioningState, ProvisioningStates.Succeeded, StringComparison.OrdinalIgnoreCase))
        {
            return new(false, $"the scale set is '{target.ProvisioningState}', not Succeeded", instances.Count, healthy);
        }

        if (target.Capacity != expectedCapacity)
        {
            return new(false, $"the scale set reports capacity {target.Capacity}, expected {expectedCapacity}", instances.Count, healthy);
        }

        if (instances.Count != expectedCapacity || healthy != expectedCapacity)
        {
            return new(false, $"{healthy} of {instances.Count} instances are provisioned and running; expected {expectedCapacity}", instances.Count, healthy);
        }

        return new(true, $"{healthy} instances provisioned and running", instances.Count, healthy);
    }

    private static bool IsHealthy(InstanceHealth instance) =>
        string.Equals(instance.ProvisioningState, ProvisioningStates.Succeeded, StringComparison.OrdinalIgnoreCase)
        && (instance.PowerState is null || instance.PowerState.EndsWith(PowerStates.Running, StringComparison.OrdinalIgnoreCase));
}
