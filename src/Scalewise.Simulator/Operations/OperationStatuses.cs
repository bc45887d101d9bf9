namespace Scalewise.Simulator.Operations;

/// <summary>The statuses an <c>Azure-AsyncOperation</c> URL reports.</summary>
public static class OperationStatuses
{
    public const string InProgress = "InProgress";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Canceled = "Canceled";
}
