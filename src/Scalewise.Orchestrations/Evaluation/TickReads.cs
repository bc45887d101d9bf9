using Scalewise.Core.Forecasting;
using Scalewise.Core.Metrics;

namespace Scalewise.Orchestrations.Evaluation;

/// <summary>
/// What one tick read for all its policies at once (<see cref="TickReader"/>): targets from ARM's lists, metric windows from one
/// batched read, states and forecasts from range queries. A policy missing from a part (its target alone in its group, its
/// metrics not read because its target was busy or the batch failed, a failed range query) is read alone, as before.
/// </summary>
public sealed class TickReads(
    DateTimeOffset now,
    IReadOnlyDictionary<string, TargetSnapshot> targets,
    IReadOnlyDictionary<string, IReadOnlyList<MetricWindow>> windows,
    TimeSpan metricsElapsed,
    IReadOnlyDictionary<string, StoredTargetState>? states,
    IReadOnlyDictionary<string, DemandForecast>? forecasts)
{
    /// <summary>The time the windows end at; the tick decides every policy at it.</summary>
    public DateTimeOffset Now => now;

    /// <summary>How long the batched metric read took (every policy's <c>scalewise.metric_read.duration</c>).</summary>
    public TimeSpan MetricsElapsed => metricsElapsed;

    public TargetSnapshot? Target(ScalingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return TargetReader.Find(targets, policy.Target);
    }

    public IReadOnlyList<MetricWindow>? Windows(ScalingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return windows.GetValueOrDefault(policy.Id);
    }

    public StoredTargetState? State(ScalingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return states?.GetValueOrDefault(policy.Id);
    }

    /// <summary>Whether the forecasts were read (then a policy without one has none).</summary>
    public bool HasForecasts => forecasts is not null;

    public DemandForecast? Forecast(ScalingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return forecasts?.GetValueOrDefault(policy.Id);
    }
}
