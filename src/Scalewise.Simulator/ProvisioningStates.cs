namespace Scalewise.Simulator;

/// <summary>The ARM provisioning states the simulator reports.</summary>
public static class ProvisioningStates
{
    public const string Creating = "Creating";
    public const string Updating = "Updating";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Deleting = "Deleting";

    /// <summary>Azure Cache for Redis while its SKU or shard count changes.</summary>
    public const string Scaling = "Scaling";
}
