using System.Text.Json.Serialization;

namespace Scalewise.Core.Policies;

/// <summary>
/// When a rule fires: the metric (read from <see cref="MetricResourceId"/>, or the target when null, filtered by
/// <see cref="Dimensions"/>), combined per time grain by <see cref="Statistic"/> and over <see cref="TimeWindow"/> by
/// <see cref="TimeAggregation"/> (or by the <see cref="Percentile"/> of the grain values when one is given), divided by
/// the counted capacity when <see cref="DividePerInstance"/>, then compared with <see cref="Threshold"/>.
/// </summary>
/// <remarks>
/// <see cref="WarningThreshold"/> and <see cref="CriticalThreshold"/> are the seeds' tiers around the trigger: passing the
/// warning threshold is recorded and notified, passing the critical one flags the decision for the emergency path.
/// A trigger with a <see cref="Formula"/> compares the formula's value over the policy's named metrics
/// (<see cref="ScalingPolicy.Metrics"/>) instead, and has none of the metric fields (<see cref="MetricFields"/>).
/// </remarks>
public sealed record MetricTrigger(
    string MetricName,
    string? MetricNamespace,
    string? MetricResourceId,
    TimeAggregation Statistic,
    TimeAggregation TimeAggregation,
    TimeSpan TimeGrain,
    TimeSpan TimeWindow,
    ComparisonOperator Operator,
    double Threshold,
    IReadOnlyList<MetricDimension>? Dimensions = null,
    double? Percentile = null,
    bool DividePerInstance = false,
    double? WarningThreshold = null,
    double? CriticalThreshold = null)
{
    /// <summary>The JSON fields that say how a trigger's own metric is read; a formula trigger has none of them.</summary>
    public static readonly IReadOnlyList<string> MetricFields =
        ["metricName", "metricNamespace", "metricResourceId", "statistic", "timeAggregation", "timeGrain", "timeWindow", "dimensions", "percentile", "dividePerInstance", "ingestionLatency"];

    /// <summary>The fields a trigger without a formula must give.</summary>
    public static readonly IReadOnlyList<string> RequiredMetricFields = ["metricName", "statistic", "timeAggregation", "timeGrain", "timeWindow"];

    /// <summary>An expression over the policy's named metrics (<see cref="Formulas.MetricFormula"/>), compared instead of one metric.</summary>
    [JsonPropertyOrder(-1)]
    public string? Formula { get; init; }

    /// <summary>
    /// How long Azure Monitor takes to complete a minute of this metric; null for the default of its kind
    /// (<see cref="MetricIngestion.DefaultFor"/>: 3 minutes for platform metrics, 5 for custom and guest ones).
    /// </summary>
    public TimeSpan? IngestionLatency { get; init; }

    public MetricRequest ToRequest(string targetResourceId) =>
        new(MetricResourceId ?? targetResourceId, MetricName, MetricNamespace, Statistic, TimeGrain, TimeWindow, MetricRequest.FilterFor(Dimensions), IngestionLatency);

    public bool IsMet(double observed) => Passes(observed, Threshold);

    /// <summary>True when <paramref name="observed"/> is past <paramref name="threshold"/> in this trigger's direction.</summary>
    public bool Passes(double observed, double threshold) => Operator switch
    {
        ComparisonOperator.GreaterThan => observed > threshold,
        ComparisonOperator.GreaterThanOrEqual => observed >= threshold,
        ComparisonOperator.LessThan => observed < threshold,
        ComparisonOperator.LessThanOrEqual => observed <= threshold,
        ComparisonOperator.Equals => observed == threshold,
        ComparisonOperator.NotEquals => observed != threshold,
        _ => false,
    };

    /// <summary>The tier <paramref name="observed"/> reaches: critical, trigger, warning or none.</summary>
    public MetricTier TierOf(double observed)
    {
        if (CriticalThreshold is { } critical && Passes(observed, critical))
        {
            return MetricTier.Critical;
        }

        if (IsMet(observed))
        {
            return MetricTier.Trigger;
        }

        return WarningThreshold is { } warning && Passes(observed, warning) ? MetricTier.Warning : MetricTier.None;
    }
}
