using Scalewise.Core.Decisions;
using Scalewise.Core.Forecasting;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Pricing;

namespace Scalewise.Core.Tests.Decisions.Golden;

/// <summary>
/// Replays one policy through <see cref="ScalingTick.Decide"/> minute by minute on synthetic metrics made from the
/// policy's own thresholds (so rules fire, hold and calm down), with outages, growth spikes, an hourly forecast for a
/// predictive policy, instances warming up after a scale-out, and the target state carried from tick to tick.
/// Deterministic: no clock, no randomness (the jitter is a hash of the minute and the metric's name).
/// </summary>
internal sealed class SyntheticPolicyReplay
{
    private readonly ScalingPolicy policy;
    private readonly IReadOnlyList<MetricRequest> requests;
    private readonly Dictionary<string, (double Low, double High)> ranges = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(DateTimeOffset ReadyAt, int Count)> warming = [];
    private TargetState state;
    private DemandForecast? forecast;

    public SyntheticPolicyReplay(ScalingPolicy policy, int capacity, string? sku)
    {
        this.policy = policy;
        Capacity = capacity;
        requests = PolicyMetrics.Requests(policy);
        state = TargetState.Empty(policy.Id) with { CurrentSku = sku };
        foreach (var trigger in policy.Rules.Select(r => r.Trigger).Concat((policy.Alerts ?? []).Select(a => a.Trigger)).Where(t => t.MetricName is not null))
        {
            Widen(trigger.MetricName!, trigger.Threshold);
            Widen(trigger.MetricName!, trigger.WarningThreshold);
            Widen(trigger.MetricName!, trigger.CriticalThreshold);
        }

        foreach (var tracking in policy.TargetTracking ?? [])
        {
            Widen(tracking.MetricName, tracking.TargetValue);
        }
    }

    public int Capacity { get; private set; }

    /// <summary>Runs <paramref name="minutes"/> ticks from <paramref name="start"/> and returns each tick's decision with its minute.</summary>
    public List<(int Minute, ScalingDecision Decision)> Run(DateTimeOffset start, int minutes)
    {
        var decisions = new List<(int, ScalingDecision)>(minutes);
        for (var minute = 1; minute <= minutes; minute++)
        {
            var now = start.AddMinutes(minute);
            if (policy.Predictive is { } predictive && (forecast is null || now.Minute == 0))
            {
                forecast = Forecast(predictive, now);
            }

            var windows = requests.Select(r => new MetricWindow(r, Enumerable.Range(1, Math.Max(60, (int)r.Window.TotalMinutes))
                .Select(k => new MetricPoint(now.AddMinutes(-k), Value(r, minute - k))).Reverse().ToList())).ToList();
            warming.RemoveAll(w => w.ReadyAt <= now);
            var before = state with { WarmingInstances = warming.Sum(w => w.Count) };
            var decision = ScalingTick.Decide(policy, windows, before, Capacity, now, forecast);
            decisions.Add((minute, decision));
            Apply(before, decision, now);
        }

        return decisions;
    }

    private void Apply(TargetState before, ScalingDecision decision, DateTimeOffset now)
    {
        var recent = before.RecentRecommendations.Where(r => r.At > now.AddHours(-1)).ToList();
        if (decision.RecommendedCapacity is { } recommended)
        {
            recent.Add(new CapacityRecommendation(now, recommended));
        }

        state = before with
        {
            RecentRecommendations = recent,
            ConsecutiveMetricFailures = decision.Outcome == DecisionOutcome.NoData ? before.ConsecutiveMetricFailures + 1 : 0,
        };
        if (decision.Outcome != DecisionOutcome.Scale)
        {
            return;
        }

        state = decision.Direction == ScaleDirection.Increase ? state with { LastScaleOutAt = now } : state with { LastScaleInAt = now };
        state = state with { LastKnownCapacity = decision.NewCapacity, CurrentSku = decision.NewSku ?? state.CurrentSku };
        if (decision.NewCapacity > Capacity)
        {
            warming.Add((now + policy.WarmUp, decision.NewCapacity - Capacity));
        }

        Capacity = decision.NewCapacity;
    }

    /// <summary>The metric's value at a minute: a triangle wave over its range with jitter, spikes and outages.</summary>
    private double? Value(MetricRequest request, int minute)
    {
        if (minute < 0 || minute % 401 is >= 100 and < 120)
        {
            return null;
        }

        var (low, high) = RangeOf(request.MetricName);
        var phase = minute % 173 / 173.0;
        var wave = phase < 0.5 ? 2 * phase : 2 * (1 - phase);
        var jitter = ((Hash(request.MetricName, minute) % 1000) / 1000.0 - 0.5) * 0.2;
        var value = low + ((high - low) * Math.Clamp(wave + jitter, 0, 1));
        return minute % 311 is >= 200 and < 204 ? value * 3 : value;
    }

    private (double Low, double High) RangeOf(string metric)
    {
        if (ranges.TryGetValue(metric, out var range))
        {
            return (range.Low * 0.3, range.High * 1.25);
        }

        if (policy.Emergency is { GrowthMetric: { } growth, TargetPerInstance: { } perInstance } && string.Equals(growth, metric, StringComparison.OrdinalIgnoreCase))
        {
            return (perInstance, 8 * perInstance);
        }

        return metric.Contains("CPU", StringComparison.OrdinalIgnoreCase) || metric.Contains("Percent", StringComparison.OrdinalIgnoreCase) ? (5, 100) : (0, 30000);
    }

    private DemandForecast Forecast(PredictiveScaling predictive, DateTimeOffset now)
    {
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var points = Enumerable.Range(0, 48).Select(h =>
        {
            var at = hour.AddHours(h);
            var shape = (at.Hour % 12) / 11.0;
            return new ForecastPoint(at, predictive.TargetPerInstance * (1 + (6 * shape)));
        }).ToList();
        return new DemandForecast("synthetic", now, points, null, "a synthetic daily shape");
    }

    private void Widen(string metric, double? threshold)
    {
        if (threshold is not { } value)
        {
            return;
        }

        ranges[metric] = ranges.TryGetValue(metric, out var range) ? (Math.Min(range.Low, value), Math.Max(range.High, value)) : (value, value);
    }

    private static uint Hash(string name, int minute)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (hash ^ (uint)minute) * 2654435761u >> 7;
    }

    /// <summary>The SKU a target starts on: the ladder's first rung for a vertical policy, the kind's first default SKU otherwise.</summary>
    public static string? StartSku(ScalingPolicy policy) =>
        (policy.Ladder ?? DefaultSkuLadders.For(policy.Target.Kind)) is { Count: > 0 } ladder ? ladder[0].Name : null;
}
