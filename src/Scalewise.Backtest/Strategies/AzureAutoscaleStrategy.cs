namespace Scalewise.Backtest.Strategies;

/// <summary>
/// Baseline <c>azure-autoscale</c>: Azure Monitor autoscale's common CPU setting. +1 when average CPU over 10 minutes
/// is above 70%, -1 when it is below 30%, 5 minutes of cooldown after any change, and Azure's flapping protection: a
/// scale-in is skipped when the CPU it would leave (the same load on one instance fewer) would trigger a scale-out.
/// </summary>
/// <param name="scaleOutAbove">The CPU above which it adds one (the knob a sweep moves, with <paramref name="scaleInBelow"/>).</param>
/// <param name="scaleInBelow">The CPU below which it removes one.</param>
public sealed class AzureAutoscaleStrategy(double scaleOutAbove = AzureAutoscaleStrategy.DefaultScaleOutAbove, double scaleInBelow = AzureAutoscaleStrategy.DefaultScaleInBelow) : ScalingStrategy
{
    public const double DefaultScaleOutAbove = 70;
    public const double DefaultScaleInBelow = 30;
    public const int WindowMinutes = 10;
    public const int CooldownMinutes = 5;

    private int? lastChangeAt;

    public override string Name => "azure-autoscale";

    public override CapacityRequest Decide(ReplayTick tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        var now = tick.Minute + 1;
        var current = tick.CurrentCapacity;
        if (now - lastChangeAt < CooldownMinutes || Average(tick.History(SimulatedMetric.Cpu)) is not { } cpu)
        {
            return new CapacityRequest(current);
        }

        var wanted = current;
        if (cpu > scaleOutAbove)
        {
            wanted = current + 1;
        }
        else if (cpu < scaleInBelow && current > 1 && cpu * current / (current - 1) <= scaleOutAbove)
        {
            wanted = current - 1;
        }

        wanted = tick.Bounds.Clamp(wanted);
        if (wanted != current)
        {
            lastChangeAt = now;
        }

        return new CapacityRequest(wanted);
    }

    private static double? Average(ReadOnlySpan<double> cpu)
    {
        double sum = 0;
        var n = 0;
        for (var m = Math.Max(0, cpu.Length - WindowMinutes); m < cpu.Length; m++)
        {
            if (!double.IsNaN(cpu[m]))
            {
                sum += cpu[m];
                n++;
            }
        }

        return n == 0 ? null : sum / n;
    }
}
