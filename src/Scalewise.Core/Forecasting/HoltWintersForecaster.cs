namespace Scalewise.Core.Forecasting;

/// <summary>
/// Double-seasonal Holt-Winters (Taylor, 2003): a level, a daily (24 h) and a weekly (168 h) additive seasonal component and
/// an AR(1) adjustment of the last error, in error-correction form. With <see cref="Multiplicative"/> the model runs on
/// log(1 + demand), so the seasonal swings scale with the level as web traffic does. The smoothing parameters are chosen
/// by coordinate descent over grids, judged by the forecasts themselves: the mean absolute error of every hour of the
/// horizon from an origin every 6 hours over the last week of the history (a one-step-ahead fit favours a level that
/// chases the daily cycle and forecasts the second day badly). Needs a week of history; with less it forecasts as daily
/// seasonal naive.
/// </summary>
public sealed class HoltWintersForecaster : IDemandForecaster
{
    public const string AdditiveName = "holt-winters";

    public const string MultiplicativeName = "holt-winters-log";

    private const int Day = 24;
    private const int Week = 168;

    // The parameters are judged by forecasts from an origin every 6 hours over the last week of the history.
    private const int FitOriginStep = 6;
    private const int FitDays = 7;

    private const int MaxFitRounds = 4;

    private static readonly double[] LevelGrid = [0, 0.01, 0.03, 0.1, 0.2, 0.4];
    private static readonly double[] DailyGrid = [0, 0.01, 0.05, 0.1, 0.2, 0.4];
    private static readonly double[] WeeklyGrid = [0, 0.05, 0.1, 0.2, 0.4, 0.7, 1];
    private static readonly double[] ErrorGrid = [0, 0.5, 0.8, 0.95];

    public HoltWintersForecaster(bool multiplicative)
    {
        Multiplicative = multiplicative;
    }

    public static HoltWintersForecaster Additive { get; } = new(multiplicative: false);

    public static HoltWintersForecaster Log { get; } = new(multiplicative: true);

    public string Name => Multiplicative ? MultiplicativeName : AdditiveName;

    public bool Multiplicative { get; }

    public double[] Forecast(ReadOnlySpan<double> history, int horizon) => Forecast(history, horizon, Fit(history, horizon));

    /// <summary>
    /// The smoothing parameters the forecast of <paramref name="horizon"/> hours after <paramref name="history"/> uses; null
    /// with less than a week of history (the forecast is then daily seasonal naive).
    /// </summary>
    /// <param name="history">The hours to fit on, oldest first, no gaps.</param>
    /// <param name="horizon">Hours the forecasts are judged over.</param>
    /// <param name="warmStart">
    /// Parameters fitted before (on an earlier history of the same series): the descent starts from them instead of the
    /// fixed starting point when they do better on this history. The result is then as good as both on this history and
    /// no single grid step improves it, as from the fixed start, but it may be another such point; null (ForecastDemand)
    /// always starts from the fixed point.
    /// </param>
    public HoltWintersParameters? Fit(ReadOnlySpan<double> history, int horizon, HoltWintersParameters? warmStart = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (history.Length < Week)
        {
            return null;
        }

        var z = Transform(history);
        var start = HoltWintersComponents.Initial(z);
        var origins = FitOrigins(z.Length, horizon);

        // What every candidate is judged by, made once: the actual demand of each hour (as Demand(z) gives it) and how
        // many hours are scored.
        var demand = new double[z.Length];
        for (var t = 0; t < z.Length; t++)
        {
            demand[t] = Demand(z[t]);
        }

        var scored = 0;
        foreach (var origin in origins)
        {
            scored += Math.Min(horizon, z.Length - origin);
        }

        var fit = new HoltWintersFitRun(z, demand, start, origins, horizon, scored, Multiplicative);
        var best = new HoltWintersParameters(0.03, 0.05, 0.1, 0.5);
        var bestLoss = double.PositiveInfinity;
        Sweep([best]);

        // A candidate tried once is never better later (the best loss only falls), so it is not run again.
        var tried = new HashSet<HoltWintersParameters> { best };
        if (warmStart is not null && tried.Add(warmStart))
        {
            Sweep([warmStart]);
        }

        for (var round = 0; round < MaxFitRounds; round++)
        {
            // Coordinate descent over the grids: at most 4 rounds of 23 fits, against 1,008 for the full grid. Within a
            // sweep of one coordinate the candidates do not depend on which of them wins, so they run side by side.
            var before = best;
            Sweep([.. LevelGrid.Select(alpha => best with { Alpha = alpha }).Where(tried.Add)]);
            Sweep([.. DailyGrid.Select(delta => best with { Delta = delta }).Where(tried.Add)]);
            Sweep([.. WeeklyGrid.Select(omega => best with { Omega = omega }).Where(tried.Add)]);
            Sweep([.. ErrorGrid.Select(phi => best with { Phi = phi }).Where(tried.Add)]);
            if (best == before)
            {
                break;
            }
        }

        return best;

        // In order, each candidate that does better than the best so far becomes the best, as one after the other would:
        // a candidate stopped early had reached the best loss at the start of the sweep, which is never below a later best.
        void Sweep(HoltWintersParameters[] candidates)
        {
            if (candidates.Length == 0)
            {
                return;
            }

            var losses = fit.Losses(candidates, bestLoss);
            for (var i = 0; i < candidates.Length; i++)
            {
                if (losses[i] < bestLoss)
                {
                    (best, bestLoss) = (candidates[i], losses[i]);
                }
            }
        }
    }

    /// <summary>
    /// The next <paramref name="horizon"/> hours after <paramref name="history"/> with <paramref name="parameters"/> (fitted
    /// on this or an earlier history: the backtest replay refits less often than it forecasts); daily seasonal naive with
    /// less than a week of history or no parameters.
    /// </summary>
    public double[] Forecast(ReadOnlySpan<double> history, int horizon, HoltWintersParameters? parameters) =>
        Forecast(history, horizon, parameters, new HoltWintersFilter());

    /// <summary>
    /// As <see cref="Forecast(ReadOnlySpan{double}, int, HoltWintersParameters?)"/>, with the filter's state carried in
    /// <paramref name="filter"/> from the last call: when the history is the one seen then, grown, and the parameters and
    /// starting components are the same, the filter runs over the new hours only. The forecast is the same, to the bit.
    /// </summary>
    public double[] Forecast(ReadOnlySpan<double> history, int horizon, HoltWintersParameters? parameters, HoltWintersFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (history.Length < Week || parameters is null)
        {
            return SeasonalNaiveForecaster.Daily.Forecast(history, horizon);
        }

        var carried = parameters.Equals(filter.Parameters)
            && filter.Length >= Week
            && filter.Length <= history.Length
            && Math.Min(2, filter.Length / Week) == Math.Min(2, history.Length / Week)
            && SameBits(history[..filter.Length], filter.Seen.AsSpan(0, filter.Length));
        var from = carried ? filter.Length : 0;
        Absorb(history, filter, carried);
        var z = filter.Transformed;
        var (level, error) = (filter.Level, filter.LastError);
        var (daily, weekly) = (filter.Daily, filter.Weekly);
        if (carried)
        {
            filter.Extended++;
        }
        else
        {
            var start = HoltWintersComponents.Initial(z.AsSpan(0, history.Length));
            (level, error) = (start.Level, 0.0);
            Array.Copy(start.Daily, daily, Day);
            Array.Copy(start.Weekly, weekly, Week);
            filter.Parameters = parameters;
            filter.Restarted++;
        }

        // The filter of Loss, over the hours not absorbed yet (d and w are t % Day and t % Week, counted along).
        var p = parameters;
        var (d, w) = (from % Day, from % Week);
        for (var t = from; t < history.Length; t++)
        {
            error = z[t] - (level + daily[d] + weekly[w]);
            level += p.Alpha * error;
            daily[d] += p.Delta * error;
            weekly[w] += p.Omega * error;
            (d, w) = (d == Day - 1 ? 0 : d + 1, w == Week - 1 ? 0 : w + 1);
        }

        (filter.Level, filter.LastError, filter.Length) = (level, error, history.Length);
        var forecast = new double[horizon];
        var correction = error;
        for (var h = 0; h < horizon; h++)
        {
            var t = history.Length + h;
            correction *= p.Phi;
            var value = level + daily[t % Day] + weekly[t % Week] + correction;
            forecast[h] = Math.Max(0, Demand(value));
        }

        return forecast;
    }

    /// <summary>
    /// Puts <paramref name="history"/> and its transformed values in <paramref name="filter"/>: only the new hours when the
    /// state is carried; otherwise all, reusing the transformed value of an hour the filter held one hour further on (a
    /// window that slid by the hour that was added) when its value is the same.
    /// </summary>
    private void Absorb(ReadOnlySpan<double> history, HoltWintersFilter filter, bool carried)
    {
        var held = filter.Length;
        filter.Reserve(history.Length);
        var (seen, z) = (filter.Seen, filter.Transformed);
        var shift = Math.Max(0, held + 1 - history.Length);
        for (var t = carried ? held : 0; t < history.Length; t++)
        {
            // Forward: the held hour t + shift is read before this loop writes it.
            var old = t + shift;
            z[t] = !carried && old < held && BitConverter.DoubleToInt64Bits(seen[old]) == BitConverter.DoubleToInt64Bits(history[t])
                ? z[old]
                : Transform(history[t]);
            seen[t] = history[t];
        }
    }

    private static bool SameBits(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(a).SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(b));

    private double[] Transform(ReadOnlySpan<double> history)
    {
        var z = new double[history.Length];
        for (var t = 0; t < z.Length; t++)
        {
            z[t] = Transform(history[t]);
        }

        return z;
    }

    private double Transform(double demand) => Multiplicative ? Math.Log(1 + Math.Max(0, demand)) : demand;

    private double Demand(double value) => Multiplicative ? Math.Exp(value) - 1 : value;

    /// <summary>Every <see cref="FitOriginStep"/> hours over the last <see cref="FitDays"/> days of the history, after the first week.</summary>
    private static int[] FitOrigins(int length, int horizon)
    {
        var first = Math.Max(Week, length - (FitDays * Day) - horizon);
        var origins = new List<int>();
        for (var origin = length - 1; origin >= first; origin -= FitOriginStep)
        {
            origins.Add(origin);
        }

        origins.Reverse();
        return [.. origins];
    }
}
