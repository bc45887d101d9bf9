namespace Scalewise.Orchestrations.Api;

/// <summary>
/// One target in <c>GET /api/targets</c>: its policy id, kind, resource, mode and bounds; the capacity (instances) or SKU
/// it was last seen at (null before its first tick); its last recorded decision; and its running procedure, if any.
/// </summary>
public sealed record TargetSummary(
    string Id,
    TargetKind Kind,
    string ResourceId,
    PolicyMode Mode,
    int Minimum,
    int Maximum,
    int? Capacity,
    string? Sku,
    TargetDecisionSummary? LastDecision,
    TargetProcedureSummary? RunningProcedure);
