namespace Scalewise.Core.Decisions;

/// <summary>A decision about one target, with the reason a person reads and the numbers behind it.</summary>
/// <remarks>
/// <see cref="NewSku"/> is set when a vertical policy steps the target to another SKU; <see cref="Adjustments"/> lists
/// everything that moved or held the decision after the rules; <see cref="Severity"/> is the highest metric tier reached
/// (<see cref="DecisionSeverity.Critical"/> hands the decision to the emergency path); <see cref="RecommendedCapacity"/>
/// is what the rules asked for before any adjustment, to keep for scale-in stabilization.
/// </remarks>
public sealed record ScalingDecision(
    string PolicyId,
    string TargetResourceId,
    DecisionKind Kind,
    DecisionOutcome Outcome,
    ScaleDirection Direction,
    int CurrentCapacity,
    int NewCapacity,
    string Reason,
    IReadOnlyList<RuleEvaluation> Evaluations,
    DateTimeOffset DecidedAt)
{
    public string? CurrentSku { get; init; }

    public string? NewSku { get; init; }

    public IReadOnlyList<DecisionAdjustment> Adjustments { get; init; } = [];

    public DecisionSeverity Severity { get; init; }

    public int? RecommendedCapacity { get; init; }

    /// <summary>
    /// The maximum a predictive decision may go up to when its policy says <see cref="MaxCapacityBreach.IncreaseMaxCapacity"/>
    /// and the forecast needs more than the policy's maximum (the forecast capacity plus the buffer, see
    /// <see cref="PredictiveRecommendation.EffectiveMaximum"/>); null otherwise. The procedure's guard allows up to it, never more.
    /// </summary>
    public int? RaisedMaximum { get; init; }

    public bool IsCritical => Severity == DecisionSeverity.Critical;

    /// <summary>
    /// True when the decision log keeps this decision: it changes something or was held outright (cooldown, bounds, no
    /// data, observe mode), a metric reached its warning tier, or a rule fired and a later stage kept the capacity
    /// (stabilization, flapping protection, warm-up, cost cap, bounds, a forecast floor), so that history explains why
    /// nothing happened. A tick on which no rule fired, or whose rules did not agree on a move (every scale-in rule must
    /// fire), is not kept: its reason is in the tick's answer and log line.
    /// </summary>
    public bool IsWorthRecording =>
        Outcome != DecisionOutcome.NoChange
        || Severity == DecisionSeverity.Warning
        || (Evaluations.Any(e => e.Fired) && Adjustments.Any(a => a.Kind is AdjustmentKind.Stabilization or AdjustmentKind.Flapping or AdjustmentKind.WarmUp or AdjustmentKind.CostCap or AdjustmentKind.Bounds or AdjustmentKind.Cooldown or AdjustmentKind.Forecast));

    /// <summary>True when a procedure should be started for this decision.</summary>
    public bool RequiresAction => Outcome == DecisionOutcome.Scale && NewCapacity != CurrentCapacity;

    /// <summary>True when the target should move to <see cref="NewSku"/> (vertical scaling; the capacity may stay).</summary>
    public bool RequiresSkuChange => Outcome == DecisionOutcome.Scale && NewSku is not null && !string.Equals(NewSku, CurrentSku, StringComparison.OrdinalIgnoreCase);
}
