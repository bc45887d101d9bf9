namespace Scalewise.Orchestrations.Api;

/// <summary>The body of <c>GET /api/targets/{target}/history</c>: the target's decisions and procedures, newest first.</summary>
public sealed record TargetHistory(string Target, string TargetResourceId, IReadOnlyList<ScalingDecision> Decisions, IReadOnlyList<ProcedureRecord> Procedures);
