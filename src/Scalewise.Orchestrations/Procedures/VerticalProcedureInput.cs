using Scalewise.Core.Redis;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// What a vertical procedure (<see cref="VmResizeProcedure"/>, <see cref="RedisScaleProcedure"/>,
/// <see cref="RedisEnterpriseScaleProcedure"/>) is asked to do: move the target to <see cref="ToSku"/> (a VM size, or a Redis
/// "Tier_Size" such as "Standard_C2"). Durations are wall-clock durations for durable timers, as the launcher chose them;
/// <see cref="ShardTimeBudget"/> is how long one Azure Cache for Redis operation may take per shard it touches (null:
/// <see cref="RedisMovePlanner.TimeBudgetPerShard"/>). With <see cref="ApprovalTimeout"/> set the procedure waits that long
/// for a person's answer.
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
    TimeSpan? ShardTimeBudget = null);
