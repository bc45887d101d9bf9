namespace Scalewise.Orchestrations.Activities;

/// <summary>Input of <see cref="VerticalActivities.ExportRedisCache"/>: the cache and the blob prefix of its export.</summary>
public sealed record RedisExportRequest(string TargetResourceId, string Prefix);
