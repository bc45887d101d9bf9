namespace Scalewise.Core.Policies;

/// <summary>
/// When a tick is an emergency besides a critical tier: <see cref="GrowthMetric"/> (requests or connections, per minute) up by
/// <see cref="GrowthPercent"/> or more in a minute, or <see cref="ErrorMetric"/> at or above <see cref="ErrorThreshold"/>.
/// The response is sized to the demand projected <see cref="LookAhead"/> ahead at the growth seen, at
/// <see cref="TargetPerInstance"/> of the growth metric per instance (when unset, in proportion to the growth). Both metrics
/// are read <see cref="IngestionLatency"/> behind the read time (null: the default of the metric's kind). The policy's
/// <c>maxHourlyCost</c> holds emergencies too unless <see cref="ExceedCostCap"/> lets them pass it.
/// </summary>
public sealed record EmergencyScaling(
    string? GrowthMetric = null,
    double GrowthPercent = 30,
    string? ErrorMetric = null,
    double? ErrorThreshold = null,
    double? TargetPerInstance = null,
    TimeSpan? LookAhead = null,
    string? MetricNamespace = null,
    TimeSpan? IngestionLatency = null,
    bool ExceedCostCap = false)
{
    /// <summary>The look-ahead assumed when none is set.</summary>
    public static readonly TimeSpan DefaultLookAhead = TimeSpan.FromMinutes(5);
}
