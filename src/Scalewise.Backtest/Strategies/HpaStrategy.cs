namespace Scalewise.Backtest.Strategies;

/// <summary>
/// Baseline <c>hpa</c>: the Kubernetes Horizontal Pod Autoscaler's algorithm on CPU, evaluated once a minute.
/// desired = ceil(ready × cpu / 70), no change while cpu / 70 is within the 0.1 tolerance of 1, instances not yet
/// ready counted at 0% CPU when scaling out (and no scale-in while any are on their way), and a 5-minute scale-down
/// stabilization window: a scale-in goes only as low as the highest recommendation of the last 5 minutes.
/// </summary>
/// <param name="targetCpu">The CPU it keeps the instances at (the knob a sweep moves).</param>
public sealed class HpaStrategy(double targetCpu = HpaStrategy.DefaultTargetCpu) : ScalingStrategy
{
    public const double DefaultTargetCpu = 70;
    public const double Tolerance = 0.1;
    public const int ScaleDownStabilizationMinutes = 5;

    private readonly int[] recommendations = new int[ScaleDownStabilizationMinutes];
    private int recorded;

    public override string Name => "hpa";

    public override CapacityRequest Decide(ReplayTick tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        var current = tick.CurrentCapacity;
        var ready = tick.ReadyCapacity;
        var desired = current;
        if (tick.Observed(SimulatedMetric.Cpu, tick.Minute) is { } cpu)
        {
            var ratio = cpu / targetCpu;
            if (ready < current && ratio > 1)
            {
                // Pods not yet ready are taken at 0% CPU: if that undoes the scale-out, HPA waits.
                ratio = ready * cpu / (current * targetCpu);
            }

            if (Math.Abs(ratio - 1) > Tolerance && !(ready < current && ratio < 1))
            {
                desired = (int)Math.Ceiling((current * ratio) - 1e-9);
            }
        }

        desired = tick.Bounds.Clamp(desired);
        recommendations[recorded++ % recommendations.Length] = desired;
        if (desired < current)
        {
            var highest = recommendations.Take(Math.Min(recorded, recommendations.Length)).Max();
            desired = Math.Min(current, highest);
        }

        return new CapacityRequest(desired);
    }
}
