namespace Scalewise.Core.Ports;

/// <summary>A held launch lease: the target and the version of the lease record this holder wrote.</summary>
public sealed record LaunchLease(string TargetId, string Version);
