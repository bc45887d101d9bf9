using Scalewise.Core.Decisions;
using Scalewise.Core.Targets;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// What a vertical procedure (<see cref="VmResizeProcedure"/>, <see cref="RedisScaleProcedure"/>) is asked to do: move the
/// target to <see cref="ToSku"/> (a VM size, or a Redis "Tier_Size" such as "Standard_C2"). Durations are wall-clock;
/// <see cref="TimeCompression"/> divides the Redis planner's per-step time budgets the way <see cref="ProcedureTiming"/>
/// compresses policy durations. With <see cref="ApprovalTimeout"/> set the procedure waits that long for a person's answer.
/// </summary>
public sealed record VerticalProcedureInput(
    string PolicyId,
    string TargetResourceId,
    TargetKind TargetKind,
    DecisionKind Kind,
    string ToSku,
    string Reason,
    string RequestedBy,
    TimeSpan WarmUp,
    TimeSpan PollInterval,
    TimeSpan ProvisioningTimeout,
    TimeSpan? ApprovalTimeout = null,
    double TimeCompression = 1);
