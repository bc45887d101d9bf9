namespace Scalewise.Backtest.Strategies;

/// <summary>Baseline <c>static</c>: a fixed number of instances all the time, whatever the load (the capacity is its knob).</summary>
public sealed class StaticStrategy(int capacity) : ScalingStrategy
{
    public override string Name => "static";

    public override int InitialCapacity(TargetModel model, CapacityBounds bounds) => capacity;

    public override CapacityRequest Decide(ReplayTick tick) => new(capacity);
}
