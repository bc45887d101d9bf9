namespace Scalewise.Core.Policies;

/// <summary>A threshold rule: when <see cref="Trigger"/> is met, take <see cref="Action"/>.</summary>
public sealed record ScalingRule(string Name, MetricTrigger Trigger, ScaleAction Action);
