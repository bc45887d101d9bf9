namespace Scalewise.Simulator.Operations;

/// <summary>What an <c>Azure-AsyncOperation</c> URL reports at one moment.</summary>
public sealed record OperationSnapshot(
    string OperationId,
    string Status,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime,
    string? ErrorCode,
    string? ErrorMessage);
