using Scalewise.Core.Metrics;

namespace Scalewise.Core.Policies;

/// <summary>
/// When a rule fires: the metric (read from <see cref="MetricResourceId"/>, or the target when null), combined
/// per time grain by <see cref="Statistic"/> and over <see cref="TimeWindow"/> by <see cref="TimeAggregation"/>,
/// compared with <see cref="Threshold"/>.
/// </summary>
public sealed record MetricTrigger(
    string MetricName,
    string? MetricNamespace,
    string? MetricResourceId,
    TimeAggregation Statistic,
    TimeAggregation TimeAggregation,
    TimeSpan TimeGrain,
    TimeSpan TimeWindow,
    ComparisonOperator Operator,
    double Threshold)
{
    public MetricRequest ToRequest(string targetResourceId) =>
        new(MetricResourceId ?? targetResourceId, MetricName, MetricNamespace, Statistic, TimeGrain, TimeWindow);

    public bool IsMet(double observed) => Operator switch
    {
        ComparisonOperator.GreaterThan => observed > Threshold,
        ComparisonOperator.GreaterThanOrEqual => observed >= Threshold,
        ComparisonOperator.LessThan => observed < Threshold,
        ComparisonOperator.LessThanOrEqual => observed <= Threshold,
        ComparisonOperator.Equals => observed == Threshold,
        ComparisonOperator.NotEquals => observed != Threshold,
        _ => false,
    };
}
