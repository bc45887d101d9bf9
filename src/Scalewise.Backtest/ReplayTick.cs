namespace Scalewise.Backtest;

/// <summary>
/// What a strategy sees at the end of simulated minute <see cref="Minute"/>: the clock, the target's capacity, and
/// every metric the target produced up to and including that minute. The replay reuses one instance per strategy.
/// </summary>
public sealed class ReplayTick
{
    private readonly double[][] history;

    internal ReplayTick(DateTimeOffset start, int length, TargetModel model, CapacityBounds bounds)
    {
        Start = start;
        Length = length;
        Model = model;
        Bounds = bounds;
        history = new double[Enum.GetValues<SimulatedMetric>().Length][];
        for (var i = 0; i < history.Length; i++)
        {
            history[i] = new double[length];
        }
    }

    /// <summary>When minute 0 of the trace starts.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Minutes in the replay.</summary>
    public int Length { get; }

    public TargetModel Model { get; }

    public CapacityBounds Bounds { get; }

    /// <summary>The minute that just ended (0 is the trace's first).</summary>
    public int Minute { get; private set; }

    /// <summary>The end of <see cref="Minute"/>: the time of this decision.</summary>
    public DateTimeOffset Now => Start.AddMinutes(Minute + 1);

    /// <summary>The capacity the target is set to, instances still provisioning or warming up included.</summary>
    public int CurrentCapacity { get; private set; }

    /// <summary>Instances serving requests now.</summary>
    public int ReadyCapacity { get; private set; }

    /// <summary>The value of <paramref name="metric"/> in <paramref name="minute"/> (at most <see cref="Minute"/>); null when there was no data.</summary>
    public double? Observed(SimulatedMetric metric, int minute)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minute, Minute);
        var value = history[(int)metric][minute];
        return double.IsNaN(value) ? null : value;
    }

    /// <summary>Every value of <paramref name="metric"/> so far, one a minute from minute 0; NaN where there was no data.</summary>
    public ReadOnlySpan<double> History(SimulatedMetric metric) => history[(int)metric].AsSpan(0, Minute + 1);

    internal void Record(int minute, double cpu, double latency, double requests, double queue)
    {
        history[(int)SimulatedMetric.Cpu][minute] = cpu;
        history[(int)SimulatedMetric.P95Latency][minute] = latency;
        history[(int)SimulatedMetric.Requests][minute] = requests;
        history[(int)SimulatedMetric.QueueLength][minute] = queue;
    }

    internal void Advance(int minute, int currentCapacity, int readyCapacity)
    {
        Minute = minute;
        CurrentCapacity = currentCapacity;
        ReadyCapacity = readyCapacity;
    }
}
