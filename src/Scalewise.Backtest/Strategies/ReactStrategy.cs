namespace Scalewise.Backtest.Strategies;

/// <summary>
/// Baseline <c>react</c> (Chieu et al.): every minute, the capacity the last minute's load needed plus two instances
/// of headroom, so the change is load minus capacity plus two. No cooldown.
/// </summary>
/// <param name="headroom">Instances kept above what the last minute needed (the knob a sweep moves).</param>
public sealed class ReactStrategy(int headroom = ReactStrategy.DefaultHeadroom) : ScalingStrategy
{
    public const int DefaultHeadroom = 2;

    public override string Name => "react";

    public override CapacityRequest Decide(ReplayTick tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        return tick.Observed(SimulatedMetric.Requests, tick.Minute) is { } requests
            ? new CapacityRequest(tick.Model.InstancesFor(requests) + headroom)
            : new CapacityRequest(tick.CurrentCapacity);
    }
}
