namespace Scalewise.Azure.Targets;

/// <summary>
/// ARM refused or failed an operation on a target. <see cref="Status"/>, <see cref="ErrorCode"/> and <see cref="RetryAfter"/>
/// let retry policies tell throttling (429), conflicts (409) and server faults (5xx) apart; <see cref="ConflictKind"/> tells a running
/// operation (worth waiting for) from quota and SKU refusals (not).
/// </summary>
public sealed class TargetOperationException : Exception
{
    public TargetOperationException()
    {
    }

    public TargetOperationException(string message)
        : base(message)
    {
    }

    public TargetOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TargetOperationException(string message, string resourceId, string operation, int status, string? errorCode, TimeSpan? retryAfter, Exception? innerException)
        : base(message, innerException)
    {
        ResourceId = resourceId;
        Operation = operation;
        Status = status;
        ErrorCode = errorCode;
        RetryAfter = retryAfter;
    }

    public string? ResourceId { get; }

    /// <summary>What was attempted ("read", "set capacity", "list instances").</summary>
    public string? Operation { get; }

    /// <summary>The HTTP status ARM answered with (0 when no response arrived).</summary>
    public int Status { get; }

    public string? ErrorCode { get; }

    /// <summary>How long ARM asked callers to wait (Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>ARM's own error message (without Scalewise's words around it), when it sent one.</summary>
    public string? AzureMessage { get; init; }

    public bool IsThrottled => Status == 429;

    /// <summary>What a 409 means (<see cref="ArmConflictKind.None"/> for any other status).</summary>
    public ArmConflictKind ConflictKind => ArmConflicts.Classify(Status, ErrorCode, AzureMessage ?? Message);

    /// <summary>A 409 because another operation runs on the resource: the one conflict that waiting resolves.</summary>
    public bool IsOperationInProgress => ConflictKind == ArmConflictKind.OperationInProgress;

    public bool IsConflict => Status == 409;

    public bool IsTransient => Status is 0 or 408 or 429 or >= 500;
}
