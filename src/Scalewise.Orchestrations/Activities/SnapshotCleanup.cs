namespace Scalewise.Orchestrations.Activities;

/// <summary>Input of <see cref="VerticalActivities.DeleteExpiredSnapshots"/>; null retention means the default.</summary>
public sealed record SnapshotCleanup(string TargetResourceId, TimeSpan? Retention);
