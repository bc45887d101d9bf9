namespace Scalewise.Simulator.Redis;

/// <summary>An export (RDB snapshot to a blob container) a simulated cache was asked for, and how it ended.</summary>
public sealed record RedisExportRecord(string OperationId, string Prefix, string Container, string Format, DateTimeOffset RequestedAt, string Status);
