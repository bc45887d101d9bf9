namespace Scalewise.Core.Metrics;

/// <summary>One time-grain value of a metric; null when Azure Monitor had no data for that grain.</summary>
public sealed record MetricPoint(DateTimeOffset TimeStamp, double? Value);
