namespace Scalewise.Core.Procedures;

/// <summary>A procedure waiting for a person's answer: what it wants to do, and until when it waits.</summary>
public sealed record ApprovalRequest(string InstanceId, string PolicyId, int FromCapacity, int ToCapacity, string Reason, DateTimeOffset OpenedAt, DateTimeOffset Deadline);
