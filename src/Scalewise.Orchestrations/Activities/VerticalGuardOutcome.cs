namespace Scalewise.Orchestrations.Activities;

/// <summary>
/// Output of <see cref="VerticalActivities.GuardVerticalChange"/>: the verdict, the SKU the target has now and its
/// capacity (1 for a VM, shards for a clustered cache), and the policy's procedure settings the procedure needs.
/// </summary>
public sealed record VerticalGuardOutcome(bool Allowed, string Reason, string CurrentSku, int CurrentCapacity, bool AcceptDataLoss = false, TimeSpan? SnapshotRetention = null, ScaleDirection Direction = ScaleDirection.Increase) : IGuardOutcome;
