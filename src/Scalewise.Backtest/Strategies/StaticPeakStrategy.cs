namespace Scalewise.Backtest.Strategies;

/// <summary>Baseline <c>static-peak</c>: the capacity the trace's busiest minute needs, all the time (it knows the peak in advance).</summary>
public sealed class StaticPeakStrategy(WorkloadTrace trace, TargetModel model) : ScalingStrategy
{
    private readonly int peak = model.InstancesFor(Math.Max(0, PeakRequests(trace)));

    public override string Name => "static-peak";

    public override int InitialCapacity(TargetModel model, CapacityBounds bounds) => peak;

    public override CapacityRequest Decide(ReplayTick tick) => new(peak);

    /// <summary>The requests of the trace's busiest minute.</summary>
    internal static int PeakRequests(WorkloadTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var max = 0;
        foreach (var requests in trace.Raw)
        {
            max = Math.Max(max, requests);
        }

        return max;
    }
}
