namespace Scalewise.Simulator.Operations;

/// <summary>One asynchronous operation on a VM, cache or snapshot; mutable state guarded by the owning resource's lock.</summary>
internal sealed class SimulatedOperation(string kind, DateTimeOffset startTime, DateTimeOffset dueAt, bool willFail)
{
    public string Id { get; } = Guid.NewGuid().ToString();

    /// <summary>What the operation does ("scale", "export", "deallocate", "start", "resize", "update").</summary>
    public string Kind { get; } = kind;

    public DateTimeOffset StartTime { get; } = startTime;

    public DateTimeOffset DueAt { get; } = dueAt;

    public bool WillFail { get; } = willFail;

    public string Status { get; set; } = ProvisioningStates.InProgress;

    public DateTimeOffset? EndTime { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    public bool IsRunning => Status == ProvisioningStates.InProgress;

    public OperationSnapshot Snapshot() => new(Id, Status, StartTime, EndTime, ErrorCode, ErrorMessage);

    /// <summary>Ends the operation at its due time, Failed when a fault said so.</summary>
    public void Finish(string failureCode, string failureMessage)
    {
        EndTime = DueAt;
        if (WillFail)
        {
            Status = ProvisioningStates.Failed;
            ErrorCode = failureCode;
            ErrorMessage = failureMessage;
        }
        else
        {
            Status = ProvisioningStates.Succeeded;
        }
    }
}
