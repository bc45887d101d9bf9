using Scalewise.Backtest.Strategies;

namespace Scalewise.Backtest.Frontiers;

/// <summary>
/// <c>scalewise simulate --sweep</c>: every baseline replayed across its main knob, so each becomes a frontier of
/// (cost, SLO-violation minutes) points rather than one point at one setting. The oracle has no knob and is left out.
/// </summary>
public static class BaselineSweep
{
    /// <summary>Azure autoscale's CPU pairs (scale out above, scale in below), 70/30 being the common one.</summary>
    public static IReadOnlyList<(double Out, double In)> AzureAutoscalePairs { get; } = [(40, 10), (50, 15), (60, 20), (70, 30), (80, 40), (90, 50)];

    public static IReadOnlyList<double> HpaTargets { get; } = [30, 40, 50, 60, 70, 80, 90];

    public static IReadOnlyList<int> ReactHeadroom { get; } = [0, 1, 2, 3, 4, 6];

    public static IReadOnlyList<double> HistPercentiles { get; } = [50, 75, 90, 95, 99, 100];

    /// <summary>How many fixed capacities the <c>static</c> frontier tries, from the bounds' minimum to the peak's need.</summary>
    public const int StaticSettings = 8;

    /// <summary>Replays every baseline at every setting of its knob and returns one frontier per baseline, in report order.</summary>
    public static IReadOnlyList<Frontier> Run(WorkloadTrace trace, TargetModel model, CapacityBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(bounds);
        var settings = new List<(string Strategy, string Knob, double Value, ScalingStrategy Replayed)>();
        foreach (var capacity in StaticCapacities(trace, model, bounds))
        {
            settings.Add(("static", "instances", capacity, new StaticStrategy(capacity)));
        }

        foreach (var (scaleOut, scaleIn) in AzureAutoscalePairs)
        {
            settings.Add(("azure-autoscale", "scale-out CPU % (scale-in CPU % paired: 40/10 … 90/50)", scaleOut, new AzureAutoscaleStrategy(scaleOut, scaleIn)));
        }

        settings.AddRange(HpaTargets.Select(target => ("hpa", "target CPU %", target, (ScalingStrategy)new HpaStrategy(target))));
        settings.AddRange(ReactHeadroom.Select(headroom => ("react", "headroom instances", (double)headroom, (ScalingStrategy)new ReactStrategy(headroom))));
        settings.AddRange(HistPercentiles.Select(percentile => ("hist", "percentile", percentile, (ScalingStrategy)new HistStrategy(percentile))));

        var result = Backtester.Run(trace, model, bounds, [.. settings.Select(s => s.Replayed)], keepSeries: false);
        return [.. settings
            .Select((setting, i) => (setting, replay: result.Strategies[i]))
            .GroupBy(x => (x.setting.Strategy, x.setting.Knob))
            .Select(g => new Frontier(g.Key.Strategy, g.Key.Knob, [.. g.Select(x => new FrontierPoint(x.setting.Value, x.replay.InstanceMinutes, x.replay.SloViolationMinutes))]))];
    }

    /// <summary>Up to <see cref="StaticSettings"/> distinct capacities, evenly spread from the bounds' minimum to what the busiest minute needs.</summary>
    public static IReadOnlyList<int> StaticCapacities(WorkloadTrace trace, TargetModel model, CapacityBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(bounds);
        var peak = bounds.Clamp(model.InstancesFor(Math.Max(0, StaticPeakStrategy.PeakRequests(trace))));
        var low = bounds.Clamp(bounds.Minimum);
        var steps = Math.Max(1, Math.Min(StaticSettings - 1, peak - low));
        return [.. Enumerable.Range(0, steps + 1).Select(i => low + (int)Math.Round((peak - low) * i / (double)steps, MidpointRounding.AwayFromZero)).Distinct()];
    }
}
