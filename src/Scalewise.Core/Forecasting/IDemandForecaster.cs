namespace Scalewise.Core.Forecasting;

/// <summary>A forecasting method over an hourly demand series.</summary>
public interface IDemandForecaster
{
    /// <summary>The method's name as reports and stored forecasts show it, such as "seasonal-naive".</summary>
    string Name { get; }

    /// <summary>The next <paramref name="horizon"/> hourly values after <paramref name="history"/> (oldest first, no gaps: see <see cref="HourlySeries.Filled"/>).</summary>
    double[] Forecast(ReadOnlySpan<double> history, int horizon);
}
