using System.Text.Json.Serialization;

namespace Scalewise.Core.Policies;

/// <summary>
/// Keeps a metric near <see cref="TargetValue"/>, as AWS target tracking and the Kubernetes HPA do: desired capacity is
/// ceil(counted capacity × metric / target), nothing moves while the ratio is within <see cref="Tolerance"/> of 1, and
/// <see cref="DisableScaleIn"/> leaves scale-in to other rules. The metric is read as a <see cref="MetricTrigger"/> reads it.
/// </summary>
public sealed record TargetTrackingRule(
    string Name,
    string MetricName,
    string? MetricNamespace,
    string? MetricResourceId,
    TimeAggregation Statistic,
    TimeAggregation TimeAggregation,
    TimeSpan TimeGrain,
    TimeSpan TimeWindow,
    double TargetValue,
    double Tolerance = TargetTrackingRule.DefaultTolerance,
    bool DisableScaleIn = false,
    bool DividePerInstance = false,
    TimeSpan? ScaleOutCooldown = null,
    TimeSpan? ScaleInCooldown = null,
    IReadOnlyList<MetricDimension>? Dimensions = null,
    double? Percentile = null,
    TimeSpan? IngestionLatency = null)
{
    public const double DefaultTolerance = 0.1;

    public static readonly TimeSpan DefaultCooldown = TimeSpan.FromMinutes(5);

    [JsonIgnore]
    public TimeSpan EffectiveScaleOutCooldown => ScaleOutCooldown ?? DefaultCooldown;

    [JsonIgnore]
    public TimeSpan EffectiveScaleInCooldown => ScaleInCooldown ?? DefaultCooldown;

    /// <summary>The metric as a trigger (GreaterThan the target value), so it is read and described as rules are.</summary>
    public MetricTrigger AsTrigger() => new(
        MetricName, MetricNamespace, MetricResourceId, Statistic, TimeAggregation, TimeGrain, TimeWindow, ComparisonOperator.GreaterThan, TargetValue, Dimensions, Percentile, DividePerInstance) { IngestionLatency = IngestionLatency };

    public MetricRequest ToRequest(string targetResourceId) =>
        new(MetricResourceId ?? targetResourceId, MetricName, MetricNamespace, Statistic, TimeGrain, TimeWindow, IngestionLatency: IngestionLatency);
}
