namespace Scalewise.Core.Targets;

/// <summary>
/// ARM provisioning states, and the statuses an async-operation URL reports (<see cref="InProgress"/> and the terminal three):
/// what the adapters read and the estate simulator answers.
/// </summary>
public static class ProvisioningStates
{
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Canceled = "Canceled";
    public const string Updating = "Updating";
    public const string Creating = "Creating";
    public const string Deleting = "Deleting";

    /// <summary>Azure Cache for Redis while its SKU or shard count changes.</summary>
    public const string Scaling = "Scaling";

    /// <summary>An async operation not yet finished (<c>Azure-AsyncOperation</c> status).</summary>
    public const string InProgress = "InProgress";

    public static bool IsTerminal(string state) =>
        string.Equals(state, Succeeded, StringComparison.OrdinalIgnoreCase)
        || string.Equals(state, Failed, StringComparison.OrdinalIgnoreCase)
        || string.Equals(state, Canceled, StringComparison.OrdinalIgnoreCase);

    public static bool IsSucceeded(string? state) => string.Equals(state, Succeeded, StringComparison.OrdinalIgnoreCase);
}
