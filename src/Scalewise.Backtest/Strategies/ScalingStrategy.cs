namespace Scalewise.Backtest.Strategies;

/// <summary>
/// A way of sizing the simulated target, asked once at the end of every simulated minute. An instance keeps state
/// across minutes, so it runs one replay; <see cref="Backtester"/> creates the target and the clock around it.
/// </summary>
/// <remarks>
/// A strategy sees the past through <see cref="ReplayTick"/> and nothing of the future; the baselines that are
/// defined by foresight (static-peak, oracle) are given the trace when they are built, and say so.
/// </remarks>
public abstract class ScalingStrategy
{
    public abstract string Name { get; }

    /// <summary>The capacity the target has, all of it ready, when the replay starts.</summary>
    public virtual int InitialCapacity(TargetModel model, CapacityBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        return bounds.Default;
    }

    public abstract CapacityRequest Decide(ReplayTick tick);

    /// <summary>How the strategy's demand forecasts did, when it scales on forecasts it can score; null otherwise.</summary>
    public virtual ReplayForecastAccuracy? ForecastAccuracy => null;
}
