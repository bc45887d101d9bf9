namespace Scalewise.Core.Forecasting;

/// <summary>
/// The end state of one <see cref="HoltWintersForecaster"/>'s filter over the last history it forecast from, kept so that
/// the next forecast from the same history grown by some hours (a replay re-forecasts every virtual hour) runs the filter
/// over the new hours only. It is carried only when that gives the very numbers a run from the start would: the same
/// parameters, the same starting components (the same number of whole weeks, up to two, behind them) and a history whose
/// start is bit for bit the one seen; otherwise the filter runs again from the start. A history that slid forward (its
/// oldest hours dropped) starts again, but the transformed values of the hours it still holds are reused.
/// </summary>
public sealed class HoltWintersFilter
{
    /// <summary>The history the state is at the end of (only the first <see cref="Length"/> values count).</summary>
    internal double[] Seen { get; set; } = [];

    /// <summary>The transformed values of <see cref="Seen"/>.</summary>
    internal double[] Transformed { get; set; } = [];

    internal int Length { get; set; }

    internal HoltWintersParameters? Parameters { get; set; }

    internal double Level { get; set; }

    internal double[] Daily { get; } = new double[24];

    internal double[] Weekly { get; } = new double[168];

    internal double LastError { get; set; }

    /// <summary>Forecasts whose filter ran over the new hours only.</summary>
    public int Extended { get; internal set; }

    /// <summary>Forecasts whose filter ran from the start of the history.</summary>
    public int Restarted { get; internal set; }

    /// <summary>Room for <paramref name="length"/> hours, keeping what is held.</summary>
    internal void Reserve(int length)
    {
        if (Seen.Length < length)
        {
            var size = Math.Max(length, 2 * Seen.Length);
            var seen = new double[size];
            var transformed = new double[size];
            Array.Copy(Seen, seen, Length);
            Array.Copy(Transformed, transformed, Length);
            (Seen, Transformed) = (seen, transformed);
        }
    }
}
