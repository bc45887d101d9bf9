namespace Scalewise.Core.Ports;

/// <summary>A policy as stored, with the ETag a later write must present.</summary>
public sealed record StoredPolicy(ScalingPolicy Policy, string ETag, DateTimeOffset LastModified);
