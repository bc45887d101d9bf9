namespace Scalewise.Simulator.Operations;

/// <summary>An operation that only runs for a while (a snapshot's copy or deletion): InProgress until its due time, then Succeeded or Failed.</summary>
internal sealed class TimedOperation(SimulatedOperation operation, TimeProvider timeProvider, string failureCode, string failureMessage) : IOperationSource
{
    private readonly Lock gate = new();

    public string Id => operation.Id;

    public OperationSnapshot? GetOperation(string operationId)
    {
        lock (gate)
        {
            if (operation.IsRunning && timeProvider.GetUtcNow() >= operation.DueAt)
            {
                operation.Finish(failureCode, failureMessage);
            }

            return operation.Snapshot();
        }
    }
}
