namespace Scalewise.Orchestrations.Api;

/// <summary>
/// One procedure in <c>GET /api/procedures</c>: its target, what it set out to do, its status (<c>Running</c>,
/// <c>WaitingForApproval</c> or the outcome it ended in), the step it is on while it runs, every step so far with its
/// time and result, and where to follow it (<see cref="Links"/>).
/// </summary>
public sealed record ProcedureListItem(
    string InstanceId,
    string Target,
    string TargetResourceId,
    DecisionKind Kind,
    string Status,
    string? Step,
    string? Detail,
    int FromCapacity,
    int ToCapacity,
    string? FromSku,
    string? ToSku,
    string Reason,
    string RequestedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? Error,
    IReadOnlyList<ProcedureStep> Steps,
    ProcedureLinks Links);
