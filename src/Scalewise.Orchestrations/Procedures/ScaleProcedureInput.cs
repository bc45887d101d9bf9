namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// What a <see cref="ScaleProcedure"/> is asked to do. Durations are wall-clock durations for durable timers
/// (the local runner compresses time; see <see cref="ProcedureTiming"/>). With <see cref="ApprovalTimeout"/> set the
/// procedure waits that long for a person's answer before it touches the target. <see cref="RaisedMaximum"/> is the
/// maximum a predictive decision raised under IncreaseMaxCapacity (<see cref="ScalingDecision.RaisedMaximum"/>); the
/// guard allows up to it and no more.
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
    TimeSpan ProvisioningTimeout,
    TimeSpan? ApprovalTimeout = null,
    int? RaisedMaximum = null)
{
    /// <summary>The external event a waiting procedure's approval arrives as.</summary>
    public const string ApprovalEvent = "Approval";
}
