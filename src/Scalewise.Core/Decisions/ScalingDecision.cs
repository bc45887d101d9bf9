using Scalewise.Core.Policies;

namespace Scalewise.Core.Decisions;

/// <summary>A decision about one target, with the reason a person reads and the numbers behind it.</summary>
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
    /// <summary>True when a procedure should be started for this decision.</summary>
    public bool RequiresAction => Outcome == DecisionOutcome.Scale && NewCapacity != CurrentCapacity;
}
