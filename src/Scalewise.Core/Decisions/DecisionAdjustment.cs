namespace Scalewise.Core.Decisions;

/// <summary>One thing that moved or held a decision after the rules (a bound, a cooldown, stabilization, flapping, the cost cap), in words.</summary>
public sealed record DecisionAdjustment(AdjustmentKind Kind, string Detail);
