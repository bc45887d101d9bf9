namespace Scalewise.Backtest.Strategies;

/// <summary>
/// Baseline <c>hist</c> (Urgaonkar et al.): capacity for the 90th percentile of the load seen so far in the same hour
/// of day, asked for one ready delay ahead of the hour it is for. Before an hour of day has any history, it follows the
/// last minute's load.
/// </summary>
/// <param name="percentile">The percentile of the hour's load it sizes for (the knob a sweep moves).</param>
public sealed class HistStrategy(double percentile = HistStrategy.DefaultPercentile) : ScalingStrategy
{
    public const double DefaultPercentile = 90;

    private readonly List<double>[] byHour = Enumerable.Range(0, 24).Select(_ => new List<double>()).ToArray();

    public override string Name => "hist";

    public override CapacityRequest Decide(ReplayTick tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        var latest = tick.Observed(SimulatedMetric.Requests, tick.Minute);
        if (latest is { } seen)
        {
            var hour = byHour[tick.Start.AddMinutes(tick.Minute).Hour];
            var at = hour.BinarySearch(seen);
            hour.Insert(at < 0 ? ~at : at, seen);
        }

        var servedAt = tick.Now.AddMinutes(tick.Model.ReadyDelayMinutes);
        var history = byHour[servedAt.Hour];
        if (history.Count == 0)
        {
            return latest is { } fallback ? new CapacityRequest(tick.Model.InstancesFor(fallback)) : new CapacityRequest(tick.CurrentCapacity);
        }

        var rank = (int)Math.Ceiling(percentile / 100 * history.Count);
        var forecast = history[Math.Clamp(rank, 1, history.Count) - 1];
        return new CapacityRequest(tick.Model.InstancesFor(forecast), forecast);
    }
}
