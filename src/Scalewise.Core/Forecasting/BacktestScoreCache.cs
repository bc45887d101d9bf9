namespace Scalewise.Core.Forecasting;

/// <summary>
/// The scores of a rolling-origin backtest from each origin, kept between backtests of a series that grows an hour at a
/// time (the simulator re-forecasts every virtual hour): an origin scored once is not scored again. A method's forecast
/// from an origin and the hours it is scored on do not change as the series grows, so the scores are the same while
/// the series keeps its start; once its start moves (a sliding history window), the MASE scale of an origin would change
/// with it and the cached score keeps the scale of the backtest that scored it.
/// </summary>
public sealed class BacktestScoreCache
{
    private readonly Dictionary<DateTimeOffset, double[]> byOrigin = [];
    private readonly Lock gate = new();

    /// <summary>Origins scored and kept.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return byOrigin.Count;
            }
        }
    }

    /// <summary>Drops the scores of origins before <paramref name="origin"/>: a backtest that no longer reaches them.</summary>
    public void ForgetBefore(DateTimeOffset origin)
    {
        lock (gate)
        {
            foreach (var stale in byOrigin.Keys.Where(k => k < origin).ToList())
            {
                byOrigin.Remove(stale);
            }
        }
    }

    internal bool TryGet(DateTimeOffset origin, int length, out double[] scores)
    {
        lock (gate)
        {
            if (byOrigin.TryGetValue(origin, out var found) && found.Length == length)
            {
                scores = found;
                return true;
            }
        }

        scores = [];
        return false;
    }

    internal void Set(DateTimeOffset origin, double[] scores)
    {
        lock (gate)
        {
            byOrigin[origin] = scores;
        }
    }
}
