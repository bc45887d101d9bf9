using System.Globalization;

namespace Scalewise.Backtest;

/// <summary>
/// Fits a policy's per-instance demand figures to a simulated target: the predictive and emergency
/// <c>targetPerInstance</c> of a policy written for one app are requests an instance of that app serves, which mean
/// nothing for a target whose capacity was derived from another trace. Calibrated, each is the given percentage of the
/// simulated instance's capacity at the SLO, in the metric's unit (requests an hour for an hourly total, a minute for the
/// emergency growth metric). Only figures on the <c>Requests</c> metric change; every change is listed.
/// </summary>
public static class PolicyCalibration
{
    public static (ScalingPolicy Policy, IReadOnlyList<string> Changes) ToModel(ScalingPolicy policy, TargetModel model, double utilizationPercent)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(model);
        if (!(utilizationPercent > 0 && utilizationPercent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(utilizationPercent), utilizationPercent, "the calibration is a percentage of the instance's capacity at the SLO, above 0 and at most 100.");
        }

        var perMinute = model.CapacityPerInstance * utilizationPercent / 100;
        var changes = new List<string>();
        if (policy.Predictive is { } predictive && IsRequests(predictive.MetricName) && PerHour(predictive.Aggregation, perMinute) is { } perHour)
        {
            changes.Add(Invariant($"predictive.targetPerInstance {predictive.TargetPerInstance:0.##} → {perHour:0.##} ({utilizationPercent:0.#}% of {model.CapacityPerInstance:0.##} requests/min at the SLO, per hour)"));
            policy = policy with { Predictive = predictive with { TargetPerInstance = perHour } };
        }

        if (policy.Emergency is { TargetPerInstance: { } emergencyTarget } emergency && emergency.GrowthMetric is { } growth && IsRequests(growth))
        {
            changes.Add(Invariant($"emergency.targetPerInstance {emergencyTarget:0.##} → {perMinute:0.##} ({utilizationPercent:0.#}% of {model.CapacityPerInstance:0.##} requests/min at the SLO)"));
            policy = policy with { Emergency = emergency with { TargetPerInstance = perMinute } };
        }

        return (policy, changes);
    }

    private static bool IsRequests(string metricName) =>
        SimulatedMetricNames.TryResolve(metricName, out var metric) && metric == SimulatedMetric.Requests;

    private static double? PerHour(TimeAggregation aggregation, double perMinute) => aggregation switch
    {
        TimeAggregation.Total => perMinute * 60,
        TimeAggregation.Average or TimeAggregation.Maximum or TimeAggregation.Minimum => perMinute,
        _ => null,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
