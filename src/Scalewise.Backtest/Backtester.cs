using Scalewise.Backtest.Strategies;

namespace Scalewise.Backtest;

/// <summary>
/// Replays a trace in virtual time through a simulated target, once per strategy: every minute the target serves that
/// minute's requests with its ready instances and reports its metrics, then the strategy decides, and capacity
/// changes take the model's provisioning delay and warm-up before they serve. No clock, no I/O: a month of minutes
/// replays in well under a second.
/// </summary>
public static class Backtester
{
    /// <summary>Replays <paramref name="trace"/> under each strategy (in parallel; each strategy instance is used once).</summary>
    /// <param name="keepSeries">Whether results carry the per-minute ready capacity and forecasts charts need.</param>
    public static BacktestResult Run(WorkloadTrace trace, TargetModel model, CapacityBounds bounds, IReadOnlyList<ScalingStrategy> strategies, bool keepSeries = true)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(strategies);
        model.Validate();

        var demand = new int?[trace.Length];
        var raw = trace.Raw;
        for (var minute = 0; minute < demand.Length; minute++)
        {
            demand[minute] = raw[minute] < 0 ? null : model.InstancesFor(raw[minute]);
        }

        var results = new StrategyResult[strategies.Count];
        Parallel.For(0, strategies.Count, i => results[i] = Replay(trace, model, bounds, strategies[i], keepSeries));
        return new BacktestResult(trace.Start, trace.Length, trace.MissingMinutes, model, demand, results);
    }

    /// <summary>Replays <paramref name="trace"/> under one strategy on the calling thread.</summary>
    public static StrategyResult Replay(WorkloadTrace trace, TargetModel model, CapacityBounds bounds, ScalingStrategy strategy, bool keepSeries = true)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(strategy);

        var length = trace.Length;
        var raw = trace.Raw;
        var readyDelay = model.ReadyDelayMinutes;
        var capacityAtSlo = model.CapacityPerInstance;
        var target = new SimulatedTarget(bounds.Clamp(strategy.InitialCapacity(model, bounds)));
        var tick = new ReplayTick(trace.Start, length, model, bounds);
        var elasticity = new ElasticityAccumulator();
        var ready = keepSeries ? new int[length] : null;
        double?[]? forecast = null;
        var backlog = 0.0;
        var violations = 0;
        long instanceMinutes = 0;
        var actions = 0;

        for (var minute = 0; minute < length; minute++)
        {
            target.Advance(minute);
            var serving = target.Ready;
            instanceMinutes += target.Capacity;
            if (ready is not null)
            {
                ready[minute] = serving;
            }

            var requests = raw[minute];
            if (requests < 0)
            {
                tick.Record(minute, double.NaN, double.NaN, double.NaN, double.NaN);
                elasticity.Add(-1, serving);
            }
            else
            {
                var atSlo = serving * capacityAtSlo;
                var utilization = atSlo > 0 ? requests / atSlo : requests > 0 ? double.PositiveInfinity : 0;
                backlog = Math.Max(0, backlog + requests - model.ServiceRate(serving));
                tick.Record(minute, 100 * Math.Min(1, utilization), model.P95LatencyMs(utilization, backlog, serving), requests, backlog);

                var needed = model.InstancesFor(requests);
                if (needed > serving)
                {
                    violations++;
                }

                elasticity.Add(needed, serving);
            }

            tick.Advance(minute, target.Capacity, serving);
            var request = strategy.Decide(tick);
            if (request.ForecastRequests is { } predicted)
            {
                forecast ??= new double?[length];
                forecast[minute] = predicted;
            }

            var wanted = bounds.Clamp(request.Capacity);
            if (wanted != target.Capacity)
            {
                target.Resize(wanted, minute + 1 + readyDelay);
                actions++;
            }
        }

        return new StrategyResult(
            strategy.Name,
            violations,
            instanceMinutes,
            instanceMinutes / 60.0 * model.PricePerInstanceHour,
            elasticity.Result(),
            actions,
            ready ?? [],
            forecast)
        {
            ForecastAccuracy = strategy.ForecastAccuracy,
        };
    }
}
