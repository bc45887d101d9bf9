namespace Scalewise.Orchestrations.Api;

/// <summary>A target's running procedure in the target list: its instance id, orchestrator, status and when it was created.</summary>
public sealed record TargetProcedureSummary(string InstanceId, string Name, string Status, DateTimeOffset CreatedAt);
