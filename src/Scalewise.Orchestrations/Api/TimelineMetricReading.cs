namespace Scalewise.Orchestrations.Api;

/// <summary>One rule's reading at a recorded decision: the metric's value over the rule's window, its threshold and whether it fired.</summary>
public sealed record TimelineMetricReading(DateTimeOffset At, string Rule, string Metric, ScaleDirection Direction, double? Observed, ComparisonOperator Operator, double Threshold, bool Fired);
