namespace Scalewise.Core.Policies;

/// <summary>
/// Predictive scaling: the hourly history of <see cref="MetricName"/> is forecast, and the capacity for the forecast demand is
/// <c>ceil(demand / TargetPerInstance)</c>, in place a look-ahead of <see cref="ProvisioningTime"/> plus the policy's warm-up
/// before the demand arrives. Forecast capacity only raises capacity unless <see cref="AllowScaleIn"/> is set.
/// </summary>
public sealed record PredictiveScaling(
    PredictiveMode Mode,
    string MetricName,
    double TargetPerInstance,
    string? MetricNamespace = null,
    TimeAggregation Aggregation = TimeAggregation.Total,
    TimeSpan? ProvisioningTime = null,
    bool AllowScaleIn = false,
    MaxCapacityBreach MaxCapacityBreach = MaxCapacityBreach.HonorMaxCapacity,
    double MaxCapacityBuffer = 0)
{
    /// <summary>The provisioning time assumed when none is set.</summary>
    public static readonly TimeSpan DefaultProvisioningTime = TimeSpan.FromMinutes(5);
}
