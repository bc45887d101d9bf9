namespace Scalewise.Core.Policies;

/// <summary>
/// One step of a step-scaling action, as AWS writes it: when the metric minus the threshold lies in
/// [<see cref="LowerBound"/>, <see cref="UpperBound"/>) (null is unbounded), change by <see cref="Change"/>, measured as the
/// action's type says (instances, percent, exact capacity or ladder rungs).
/// </summary>
public sealed record StepAdjustment(double? LowerBound, double? UpperBound, int Change);
