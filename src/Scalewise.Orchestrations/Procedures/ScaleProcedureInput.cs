using Scalewise.Core.Decisions;
using Scalewise.Core.Targets;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// What a <see cref="ScaleProcedure"/> is asked to do. Durations are wall-clock durations for durable timers
/// (the local runner compresses time; see <see cref="ProcedureTiming"/>).
/// </summary>
public sealed record ScaleProcedureInput(
    string PolicyId,
    string TargetResourceId,
    TargetKind TargetKind,
    DecisionKind Kind,
    int ToCapacity,
    string Reason,
    string RequestedBy,
    TimeSpan WarmUp,
    TimeSpan PollInterval,
    TimeSpan ProvisioningTimeout);
