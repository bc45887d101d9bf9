namespace Scalewise.Core.Decisions;

/// <summary>
/// Finds an emergency on a tick, checked before anything else: a critical tier reached, the growth metric up by the policy's
/// percentage or more from one minute to the next, or the error metric at or above its threshold. The answer is sized to the
/// demand projected over the look-ahead (linearly at the growth seen), not one step: <c>ceil(projected / per instance)</c>, or
/// the current capacity grown in proportion to the demand; for a critical tier <c>ceil(capacity × observed / threshold)</c>.
/// </summary>
public static class EmergencyDetector
{
    public static readonly TimeSpan Grain = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Growth applied when only the error rate spiked and no growth metric says how much demand there is.</summary>
    public const double ErrorSpikeFactor = 1.5;

    /// <summary>The metrics the emergency check reads besides the policy's rules.</summary>
    public static IReadOnlyList<MetricRequest> Requests(ScalingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var requests = new List<MetricRequest>();
        if (policy.Emergency is { } settings)
        {
            if (settings.GrowthMetric is { Length: > 0 } growth)
            {
                requests.Add(new MetricRequest(policy.Target.ResourceId, growth, settings.MetricNamespace, TimeAggregation.Total, Grain, Window, IngestionLatency: settings.IngestionLatency));
            }

            if (settings.ErrorMetric is { Length: > 0 } error)
            {
                requests.Add(new MetricRequest(policy.Target.ResourceId, error, settings.MetricNamespace, TimeAggregation.Average, Grain, Window, IngestionLatency: settings.IngestionLatency));
            }
        }

        return requests;
    }

    /// <summary>The emergency on this tick, or null. <paramref name="reactive"/> is the reactive decision (its severity and rule values).</summary>
    public static EmergencySignal? Detect(ScalingPolicy policy, IReadOnlyList<MetricWindow> windows, ScalingDecision reactive, int currentCapacity)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(reactive);
        var signals = new List<EmergencySignal>();
        var current = Math.Max(1, currentCapacity);

        if (reactive.IsCritical)
        {
            foreach (var (evaluation, rule) in reactive.Evaluations.Zip(policy.Rules))
            {
                if (evaluation.Tier == MetricTier.Critical && evaluation.Observed is { } observed && rule.Trigger.Threshold > 0)
                {
                    var capacity = (int)Math.Ceiling(current * observed / rule.Trigger.Threshold - 1e-9);
                    signals.Add(new EmergencySignal("critical", null, Math.Max(capacity, current + 1), DecisionText.Format(
                        $"'{rule.Name}' reached its critical tier ({rule.Trigger.MetricName ?? DecisionText.Metric(rule.Trigger).ToString()} = {DecisionText.Number(observed)} against a threshold of {DecisionText.Number(rule.Trigger.Threshold)}), so capacity grows in proportion")));
                }
            }
        }

        if (policy.Emergency is { } settings)
        {
            var lookAhead = settings.LookAhead ?? EmergencyScaling.DefaultLookAhead;
            if (settings.GrowthMetric is { Length: > 0 } growthMetric && LastTwo(windows, growthMetric) is var (previous, last) && previous > 0)
            {
                var growth = (last - previous) / previous;
                if (growth * 100 >= settings.GrowthPercent)
                {
                    var projected = last + ((last - previous) * lookAhead.TotalMinutes);
                    var capacity = settings.TargetPerInstance is > 0 and var perInstance
                        ? (int)Math.Ceiling(projected / perInstance - 1e-9)
                        : (int)Math.Ceiling(current * projected / previous - 1e-9);
                    signals.Add(new EmergencySignal("growth", projected, Math.Max(capacity, current + 1), DecisionText.Format(
                        $"{growthMetric} rose {DecisionText.Number(growth * 100)}% in a minute ({DecisionText.Number(previous)} → {DecisionText.Number(last)}, at least {DecisionText.Number(settings.GrowthPercent)}%); at that pace it reaches {DecisionText.Number(projected)} within {DecisionText.Duration(lookAhead)}")));
                }
            }

            if (settings.ErrorMetric is { Length: > 0 } errorMetric && settings.ErrorThreshold is { } threshold && LastTwo(windows, errorMetric) is var (_, errors) && errors >= threshold)
            {
                var capacity = (int)Math.Ceiling(current * ErrorSpikeFactor - 1e-9);
                signals.Add(new EmergencySignal("errors", null, Math.Max(capacity, current + 1), DecisionText.Format(
                    $"{errorMetric} is {DecisionText.Number(errors)}, at or above the emergency threshold of {DecisionText.Number(threshold)}")));
            }
        }

        return signals.Count == 0 ? null : signals.MaxBy(s => s.Capacity);
    }

    /// <summary>The last two grains with a value of the named metric (oldest first), or null when there are fewer.</summary>
    private static (double Previous, double Last)? LastTwo(IReadOnlyList<MetricWindow> windows, string metricName)
    {
        var values = windows
            .Where(w => string.Equals(w.Request.MetricName, metricName, StringComparison.OrdinalIgnoreCase) && w.Request.TimeGrain == Grain)
            .SelectMany(w => w.Points)
            .Where(p => p.Value.HasValue)
            .OrderBy(p => p.TimeStamp)
            .Select(p => p.Value!.Value)
            .ToList();
        return values.Count >= 2 ? (values[^2], values[^1]) : values.Count == 1 ? (double.NaN, values[0]) : null;
    }
}
