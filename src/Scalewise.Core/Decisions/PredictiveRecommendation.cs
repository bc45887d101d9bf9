using Scalewise.Core.Forecasting;
using Scalewise.Core.Policies;

namespace Scalewise.Core.Decisions;

/// <summary>
/// The capacity a forecast asks for now: the highest forecast demand from now to the end of the look-ahead (provisioning plus
/// warm-up), divided by the policy's demand per instance and rounded up, at least the minimum, at most the maximum
/// (<see cref="MaxCapacityBreach.HonorMaxCapacity"/>) or the forecast capacity within the buffer above it
/// (<see cref="MaxCapacityBreach.IncreaseMaxCapacity"/>, AWS's semantics: the buffer is a percentage of the forecast capacity).
/// </summary>
public sealed record PredictiveRecommendation(int Capacity, double Demand, DateTimeOffset LookAheadUntil, int EffectiveMaximum, string Reason)
{
    /// <summary>The recommendation at <paramref name="now"/>; null when the policy does not predict or the forecast does not cover the look-ahead.</summary>
    public static PredictiveRecommendation? For(ScalingPolicy policy, DemandForecast? forecast, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Predictive is not { } settings || forecast is null || settings.TargetPerInstance <= 0)
        {
            return null;
        }

        var lookAhead = (settings.ProvisioningTime ?? PredictiveScaling.DefaultProvisioningTime) + policy.WarmUp;
        var until = now + lookAhead;
        var covering = forecast.Points.Where(p => p.Hour + TimeSpan.FromHours(1) > now && p.Hour <= until).ToList();
        if (covering.Count == 0)
        {
            return null;
        }

        var peak = covering.MaxBy(p => p.Demand)!;
        var wanted = (int)Math.Ceiling(peak.Demand / settings.TargetPerInstance - 1e-9);
        var maximum = policy.Capacity.Maximum;
        if (settings.MaxCapacityBreach == MaxCapacityBreach.IncreaseMaxCapacity && wanted > maximum)
        {
            maximum = Math.Min(PolicyValidator.MaximumCapacity, Math.Max(maximum, (int)Math.Floor(wanted * (1 + (settings.MaxCapacityBuffer / 100)))));
        }

        var capacity = Math.Clamp(wanted, policy.Capacity.Minimum, maximum);
        var capped = capacity < wanted ? DecisionText.Format($", capped at the maximum of {maximum}") : string.Empty;
        var reason = DecisionText.Format(
            $"the {forecast.Method} forecast peaks at {DecisionText.Number(peak.Demand)} {settings.MetricName} in the hour from {peak.Hour:u}, within the look-ahead of {DecisionText.Duration(lookAhead)} (provisioning plus warm-up); at {DecisionText.Number(settings.TargetPerInstance)} per instance that needs {wanted}{capped}");
        return new PredictiveRecommendation(capacity, peak.Demand, until, maximum, reason);
    }
}
