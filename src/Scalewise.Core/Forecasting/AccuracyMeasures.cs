namespace Scalewise.Core.Forecasting;

/// <summary>
/// Forecast error measures. MASE divides the mean absolute error by the mean absolute error of the in-sample seasonal
/// naive forecast (season <see cref="MaseSeasonHours"/>: one day) over the history: below 1 beats that baseline in-sample.
/// sMAPE is the mean of 2|F - A| / (|A| + |F|), in percent (0 to 200), a pair of zeros counting as no error.
/// Missing actual values (NaN) are skipped.
/// </summary>
public static class AccuracyMeasures
{
    public const int MaseSeasonHours = 24;

    /// <summary>The in-sample mean absolute error of the seasonal naive forecast: the MASE denominator. NaN when no pair of hours one season apart is known.</summary>
    public static double SeasonalNaiveScale(ReadOnlySpan<double> history, int seasonHours = MaseSeasonHours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonHours, 1);
        var (sum, count) = (0.0, 0);
        for (var t = seasonHours; t < history.Length; t++)
        {
            if (!double.IsNaN(history[t]) && !double.IsNaN(history[t - seasonHours]))
            {
                sum += Math.Abs(history[t] - history[t - seasonHours]);
                count++;
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>MASE of <paramref name="forecast"/> against <paramref name="actual"/>; NaN when the scale is zero or unknown (a series that repeats exactly) or nothing is known.</summary>
    public static double Mase(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, double scale)
    {
        var mae = MeanAbsoluteError(actual, forecast);
        return double.IsNaN(scale) || scale <= 0 || double.IsNaN(mae) ? double.NaN : mae / scale;
    }

    public static double Smape(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        CheckLengths(actual, forecast);
        var (sum, count) = (0.0, 0);
        for (var i = 0; i < actual.Length; i++)
        {
            if (double.IsNaN(actual[i]))
            {
                continue;
            }

            sum += SmapeTerm(actual[i], forecast[i]);
            count++;
        }

        return count == 0 ? double.NaN : 100 * sum / count;
    }

    public static double MeanAbsoluteError(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        CheckLengths(actual, forecast);
        var (sum, count) = (0.0, 0);
        for (var i = 0; i < actual.Length; i++)
        {
            if (!double.IsNaN(actual[i]))
            {
                sum += Math.Abs(forecast[i] - actual[i]);
                count++;
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }

    internal static double SmapeTerm(double actual, double forecast)
    {
        var denominator = Math.Abs(actual) + Math.Abs(forecast);
        return denominator == 0 ? 0 : 2 * Math.Abs(forecast - actual) / denominator;
    }

    private static void CheckLengths(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        if (actual.Length != forecast.Length)
        {
            throw new ArgumentException($"the forecast has {forecast.Length} values and the actuals {actual.Length}; expected as many of each.", nameof(forecast));
        }
    }
}
