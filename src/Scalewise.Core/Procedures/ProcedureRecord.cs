using Scalewise.Core.Decisions;

namespace Scalewise.Core.Procedures;

/// <summary>A procedure's history entry: what it set out to do, each step, and how it ended.</summary>
public sealed record ProcedureRecord(
    string InstanceId,
    string PolicyId,
    string TargetResourceId,
    DecisionKind Kind,
    int FromCapacity,
    int ToCapacity,
    string Reason,
    string RequestedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    ProcedureOutcome? Outcome,
    string? Error,
    IReadOnlyList<ProcedureStep> Steps);
