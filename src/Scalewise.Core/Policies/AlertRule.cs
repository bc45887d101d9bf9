namespace Scalewise.Core.Policies;

/// <summary>
/// A rule that only alerts: when <see cref="Trigger"/> is met the decision is recorded with severity warning and people are
/// notified, and nothing is scaled. The trigger is a rule's (one metric, or a formula over named metrics) without tiers.
/// </summary>
public sealed record AlertRule(string Name, MetricTrigger Trigger);
