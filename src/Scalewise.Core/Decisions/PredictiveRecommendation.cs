using Scalewise.Core.Forecasting;

namespace Scalewise.Core.Decisions;

/// <summary>
/// The capacity a forecast asks for now: the highest forecast demand from now to the end of the look-ahead (provisioning plus
/// warm-up), divided by the policy's demand per instance and rounded up, at least the minimum, at most the maximum
/// (<see cref="MaxCapacityBreach.HonorMaxCapacity"/>) or the forecast capacity within the buffer above it
/// (<see cref="MaxCapacityBreach.IncreaseMaxCapacity"/>, AWS's semantics: the buffer is a percentage of the forecast capacity).
/// </summary>
public sealed class PredictiveRecommendation
{
    private readonly string method;
    private readonly PredictiveScaling settings;
    private readonly DateTimeOffset peakHour;
    private readonly TimeSpan lookAhead;
    private readonly int wanted;
    private string? reason;

    private PredictiveRecommendation(int capacity, double demand, DateTimeOffset lookAheadUntil, int effectiveMaximum, string method, PredictiveScaling settings, DateTimeOffset peakHour, TimeSpan lookAhead, int wanted)
    {
        (Capacity, Demand, LookAheadUntil, EffectiveMaximum) = (capacity, demand, lookAheadUntil, effectiveMaximum);
        (this.method, this.settings, this.peakHour, this.lookAhead, this.wanted) = (method, settings, peakHour, lookAhead, wanted);
    }

    public int Capacity { get; }

    public double Demand { get; }

    public DateTimeOffset LookAheadUntil { get; }

    public int EffectiveMaximum { get; }

    /// <summary>Why, as a person reads it; made when first read (a tick whose rules ask for more never reads it).</summary>
    public string Reason => reason ??= Describe();

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

        // The hours that overlap the look-ahead; the first of the highest demand among them (compared in UTC ticks, as
        // DateTimeOffset compares).
        var (from, to) = (now.UtcTicks - TimeSpan.TicksPerHour, until.UtcTicks);
        ForecastPoint? peak = null;
        var points = forecast.Points;
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var hour = point.Hour.UtcTicks;
            if (hour > from && hour <= to
                && (peak is null || Comparer<double>.Default.Compare(point.Demand, peak.Demand) > 0))
            {
                peak = point;
            }
        }

        if (peak is null)
        {
            return null;
        }

        var wanted = (int)Math.Ceiling(peak.Demand / settings.TargetPerInstance - 1e-9);
        var maximum = policy.Capacity.Maximum;
        if (settings.MaxCapacityBreach == MaxCapacityBreach.IncreaseMaxCapacity && wanted > maximum)
        {
            maximum = Math.Min(PolicyValidator.MaximumCapacity, Math.Max(maximum, (int)Math.Floor(wanted * (1 + (settings.MaxCapacityBuffer / 100)))));
        }

        var capacity = Math.Clamp(wanted, policy.Capacity.Minimum, maximum);
        return new PredictiveRecommendation(capacity, peak.Demand, until, maximum, forecast.Method, settings, peak.Hour, lookAhead, wanted);
    }

    private string Describe()
    {
        var capped = Capacity < wanted ? DecisionText.Format($", capped at the maximum of {EffectiveMaximum}") : string.Empty;
        return DecisionText.Format(
            $"the {method} forecast peaks at {DecisionText.Number(Demand)} {settings.MetricName} in the hour from {peakHour:u}, within the look-ahead of {DecisionText.Duration(lookAhead)} (provisioning plus warm-up); at {DecisionText.Number(settings.TargetPerInstance)} per instance that needs {wanted}{capped}");
    }
}
