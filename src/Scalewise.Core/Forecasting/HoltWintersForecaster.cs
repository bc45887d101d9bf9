using System.Runtime.Intrinsics;

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

    // Candidates run side by side in the lanes of a Vector256.
    private const int Lanes = 4;

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
        var start = Initial(z);
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

        var fit = new FitRun(z, demand, start, origins, horizon, scored);
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

            var losses = Losses(fit, candidates, bestLoss);
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
            var start = Initial(z.AsSpan(0, history.Length));
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

    /// <summary>
    /// For each candidate, runs the filter over the fit's history and returns the mean absolute error (in demand, not log
    /// demand) of the forecasts for the next hours of the horizon from every fit origin: the error the forecasts will be
    /// judged by. Up to <see cref="Lanes"/> candidates run side by side, one in each lane of a vector: each lane does the
    /// very additions and multiplications, in the same order, that a run of its candidate alone does, so its error is the
    /// same to the bit. Stops early, the errors then infinity, once no candidate of the lanes can come in under
    /// <paramref name="bound"/>: each sum only grows, so a partial sum already at the bound means the whole is too.
    /// </summary>
    private double[] Losses(FitRun fit, HoltWintersParameters[] candidates, double bound)
    {
        var losses = new double[candidates.Length];
        var daily = new Vector256<double>[Day];
        var weekly = new Vector256<double>[Week];
        for (var first = 0; first < candidates.Length; first += Lanes)
        {
            var count = Math.Min(Lanes, candidates.Length - first);
            var lane = new HoltWintersParameters[Lanes];
            for (var i = 0; i < Lanes; i++)
            {
                // Spare lanes repeat the last candidate; their results are not used.
                lane[i] = candidates[first + Math.Min(i, count - 1)];
            }

            Run(fit, lane, count, bound, daily, weekly)[..count].CopyTo(losses.AsSpan(first, count));
        }

        return losses;
    }

    private ReadOnlySpan<double> Run(FitRun fit, HoltWintersParameters[] lane, int count, double bound, Vector256<double>[] daily, Vector256<double>[] weekly)
    {
        var (z, demand, origins, horizon) = (fit.Z, fit.Demand, fit.Origins, fit.Horizon);
        var alpha = Vector256.Create(lane[0].Alpha, lane[1].Alpha, lane[2].Alpha, lane[3].Alpha);
        var delta = Vector256.Create(lane[0].Delta, lane[1].Delta, lane[2].Delta, lane[3].Delta);
        var omega = Vector256.Create(lane[0].Omega, lane[1].Omega, lane[2].Omega, lane[3].Omega);
        var phi = Vector256.Create(lane[0].Phi, lane[1].Phi, lane[2].Phi, lane[3].Phi);
        var level = Vector256.Create(fit.Start.Level);
        for (var i = 0; i < Day; i++)
        {
            daily[i] = Vector256.Create(fit.Start.Daily[i]);
        }

        for (var i = 0; i < Week; i++)
        {
            weekly[i] = Vector256.Create(fit.Start.Weekly[i]);
        }

        var error = Vector256<double>.Zero;
        var loss = Vector256<double>.Zero;
        var next = 0;

        // Lanes whose result is settled: spare ones, and those whose error already reached the bound (they lose; the
        // log variant no longer computes their forecasts' demand, the costly part).
        var settled = (1 << Lanes) - (1 << count);

        // d and w are t % Day and t % Week, counted along.
        var (d, w) = (0, 0);
        for (var t = 0; t < z.Length; t++)
        {
            if (next < origins.Length && origins[next] == t)
            {
                next++;
                var correction = error;
                var (dh, wh) = (d, w);
                var end = Math.Min(horizon, z.Length - t);
                for (var h = 0; h < end; h++)
                {
                    correction *= phi;
                    var ahead = level + daily[dh] + weekly[wh] + correction;
                    loss += Vector256.Abs(Demand(ahead, settled) - Vector256.Create(demand[t + h]));
                    (dh, wh) = (dh == Day - 1 ? 0 : dh + 1, wh == Week - 1 ? 0 : wh + 1);
                }

                settled |= Beyond(loss, fit.Scored, bound);
                if (settled == (1 << Lanes) - 1)
                {
                    return [double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity];
                }
            }

            error = Vector256.Create(z[t]) - (level + daily[d] + weekly[w]);
            level += alpha * error;
            daily[d] += delta * error;
            weekly[w] += omega * error;
            (d, w) = (d == Day - 1 ? 0 : d + 1, w == Week - 1 ? 0 : w + 1);
        }

        var losses = new double[Lanes];
        for (var i = 0; i < Lanes; i++)
        {
            losses[i] = (settled & (1 << i)) != 0 ? double.PositiveInfinity : fit.Scored == 0 ? 0 : loss[i] / fit.Scored;
        }

        return losses;
    }

    /// <summary>The lanes whose error so far, as a mean over all the hours scored, is already at the bound (one bit each).</summary>
    private static int Beyond(Vector256<double> loss, int scored, double bound)
    {
        var beyond = 0;
        for (var i = 0; i < Lanes; i++)
        {
            beyond |= loss[i] / scored >= bound ? 1 << i : 0;
        }

        return beyond;
    }

    /// <summary><see cref="Demand(double)"/> in each lane not <paramref name="settled"/> (0 in those).</summary>
    private Vector256<double> Demand(Vector256<double> value, int settled) => Multiplicative
        ? Vector256.Create(Exp(value, settled, 0), Exp(value, settled, 1), Exp(value, settled, 2), Exp(value, settled, 3))
        : value;

    private static double Exp(Vector256<double> value, int settled, int lane) => (settled & (1 << lane)) != 0 ? 0 : Math.Exp(value[lane]) - 1;

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

    /// <summary>Starting components from the first weeks (up to two): their mean level, mean hour-of-day profile, and the rest by hour of week.</summary>
    private static State Initial(ReadOnlySpan<double> z)
    {
        var weeks = Math.Min(2, z.Length / Week);
        var span = weeks * Week;
        var state = new State { Level = z[..span].ToArray().Average() };
        var dayMeans = new double[span / Day];
        for (var day = 0; day < dayMeans.Length; day++)
        {
            dayMeans[day] = z.Slice(day * Day, Day).ToArray().Average();
        }

        for (var t = 0; t < span; t++)
        {
            state.Daily[t % Day] += (z[t] - dayMeans[t / Day]) / (span / Day);
        }

        for (var t = 0; t < span; t++)
        {
            state.Weekly[t % Week] += (z[t] - state.Level - state.Daily[t % Day]) / weeks;
        }
        return state;
    }

    /// <summary>The history a fit judges candidates on, transformed, with the demand and the origins it scores.</summary>
    private sealed record FitRun(double[] Z, double[] Demand, State Start, int[] Origins, int Horizon, int Scored);

    private sealed class State
    {
        public double Level { get; set; }

        public double[] Daily { get; } = new double[Day];

        public double[] Weekly { get; } = new double[Week];
    }
}
