namespace Scalewise.Simulator.ScaleSets;

/// <summary>One asynchronous scale operation; mutable state guarded by the owning scale set's lock.</summary>
internal sealed class ScaleOperation(string id, SimulatedScaleSet owner, DateTimeOffset startTime, DateTimeOffset dueAt)
{
    public string Id { get; } = id;

    public SimulatedScaleSet Owner { get; } = owner;

    public DateTimeOffset StartTime { get; } = startTime;

    public DateTimeOffset DueAt { get; } = dueAt;

    public string Status { get; set; } = ProvisioningStates.InProgress;

    public DateTimeOffset? EndTime { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    /// <summary>Instances this operation creates (including ones inherited from an operation it superseded).</summary>
    public List<InstanceRecord> NewInstances { get; } = [];
}
