namespace Scalewise.Core.Targets;

/// <summary>What an ARM async-operation status URL reports (InProgress, Succeeded, Failed, Canceled).</summary>
public sealed record ArmOperationStatus(string StatusUrl, string Status, DateTimeOffset? StartTime, DateTimeOffset? EndTime, string? ErrorCode, string? ErrorMessage)
{
    public bool IsTerminal => ProvisioningStates.IsTerminal(Status);

    public bool IsSucceeded => string.Equals(Status, ProvisioningStates.Succeeded, StringComparison.OrdinalIgnoreCase);
}
