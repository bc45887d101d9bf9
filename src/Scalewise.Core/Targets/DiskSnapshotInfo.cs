namespace Scalewise.Core.Targets;

/// <summary>A managed-disk snapshot Scalewise took: where it is, which disk it copies, its provisioning state and when it was made.</summary>
public sealed record DiskSnapshotInfo(string Id, string Name, string SourceDiskId, string ProvisioningState, DateTimeOffset? TimeCreated);
