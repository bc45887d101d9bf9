namespace Scalewise.Core.Ports;

/// <summary>
/// Reads many targets at once, as the tick needs them: every resource of one kind in one resource group through ARM's list
/// operation (one call per page instead of one GET per target).
/// </summary>
public interface ITargetInventory
{
    /// <summary>Every resource of <paramref name="kind"/> in the resource group, as the tick sees a target (a vertical one counts as capacity 1).</summary>
    Task<IReadOnlyList<TargetSnapshot>> ListAsync(string subscriptionId, string resourceGroup, TargetKind kind, CancellationToken cancellationToken);
}
