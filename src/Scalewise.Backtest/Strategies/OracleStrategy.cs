namespace Scalewise.Backtest.Strategies;

/// <summary>
/// Baseline <c>oracle</c>: perfect foresight. It asks for each minute's capacity one ready delay (provisioning and
/// warm-up) ahead and releases capacity the moment it is no longer needed, so its ready capacity is exactly the
/// demand whenever the bounds allow: the least any strategy could pay without violating the SLO.
/// </summary>
public sealed class OracleStrategy : ScalingStrategy
{
    private readonly int[] aheadMaximum;

    public OracleStrategy(WorkloadTrace trace, TargetModel model)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(model);
        var raw = trace.Raw;
        var need = new int[raw.Length];
        for (var i = 0; i < need.Length; i++)
        {
            need[i] = raw[i] < 0 ? 0 : model.InstancesFor(raw[i]);
        }

        // aheadMaximum[t] = the largest need in minutes t .. t + delay: a sliding-window maximum over a monotonic deque.
        var delay = model.ReadyDelayMinutes;
        aheadMaximum = new int[need.Length];
        var window = new LinkedList<int>();
        for (var i = need.Length - 1; i >= 0; i--)
        {
            while (window.Count > 0 && need[window.Last!.Value] <= need[i])
            {
                window.RemoveLast();
            }

            window.AddLast(i);
            while (window.First!.Value > i + delay)
            {
                window.RemoveFirst();
            }

            aheadMaximum[i] = need[window.First.Value];
        }
    }

    public override string Name => "oracle";

    public override int InitialCapacity(TargetModel model, CapacityBounds bounds) => aheadMaximum.Length == 0 ? 0 : aheadMaximum[0];

    public override CapacityRequest Decide(ReplayTick tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        var next = tick.Minute + 1;
        return new CapacityRequest(next < aheadMaximum.Length ? aheadMaximum[next] : tick.CurrentCapacity);
    }
}
