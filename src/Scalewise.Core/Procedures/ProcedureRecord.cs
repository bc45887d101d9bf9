using Scalewise.Core.Decisions;

namespace Scalewise.Core.Procedures;

/// <summary>
/// A procedure's history entry: what it set out to do, each step, and how it ended. A vertical procedure (VM, cache) keeps
/// capacity 1 and records the SKUs it moves between in <see cref="FromSku"/> and <see cref="ToSku"/>.
/// </summary>
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
    IReadOnlyList<ProcedureStep> Steps)
{
    /// <summary>The SKU the target had when a vertical procedure started; null for scale sets.</summary>
    public string? FromSku { get; init; }

    /// <summary>The SKU a vertical procedure set out to reach; null for scale sets.</summary>
    public string? ToSku { get; init; }
}
