namespace Scalewise.Orchestrations.Api;

/// <summary>A stored policy or one of its versions: the ETag it has (or had while current) and when it was written.</summary>
public sealed record PolicyEntry(string Id, string ETag, DateTimeOffset LastModified, ScalingPolicy Policy);
