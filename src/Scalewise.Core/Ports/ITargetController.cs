namespace Scalewise.Core.Ports;

/// <summary>Reads and changes a target's capacity through Azure Resource Manager.</summary>
public interface ITargetController
{
    Task<TargetSnapshot> GetAsync(string resourceId, CancellationToken cancellationToken);

    /// <summary>Starts the capacity change and returns once ARM accepted it; provisioning is awaited by the caller.</summary>
    Task BeginSetCapacityAsync(string resourceId, int capacity, CancellationToken cancellationToken);

    Task<InstanceReport> GetInstancesAsync(string resourceId, CancellationToken cancellationToken);
}
