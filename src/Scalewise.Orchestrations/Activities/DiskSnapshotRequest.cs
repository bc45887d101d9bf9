namespace Scalewise.Orchestrations.Activities;

/// <summary>Input of <see cref="VerticalActivities.SnapshotDisks"/>: the VM and the label its snapshots are named with.</summary>
public sealed record DiskSnapshotRequest(string TargetResourceId, string Label);
