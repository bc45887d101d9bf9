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
    public HoltWintersParameters? Fit(ReadOnlySpan<double> history, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (history.Length < Week)
        {
            return null;
        }

        var z = Transform(history);
        var start = Initial(z);
        var origins = FitOrigins(z.Length, horizon);
        var best = new HoltWintersParameters(0.03, 0.05, 0.1, 0.5);
        var bestLoss = Run(z, start, best, state: null, origins, horizon);
        for (var round = 0; round < MaxFitRounds; round++)
        {
            // Coordinate descent over the grids: at most 4 rounds of 23 fits, against 1,008 for the full grid.
            var before = best;
            foreach (var alpha in LevelGrid)
            {
                Try(best with { Alpha = alpha });
            }

            foreach (var delta in DailyGrid)
            {
                Try(best with { Delta = delta });
            }

            foreach (var omega in WeeklyGrid)
            {
                Try(best with { Omega = omega });
            }

            foreach (var phi in ErrorGrid)
            {
                Try(best with { Phi = phi });
            }

            if (best == before)
            {
                break;
            }
        }

        return best;

        void Try(HoltWintersParameters candidate)
        {
            var loss = Run(z, start, candidate, state: null, origins, horizon);
            if (loss < bestLoss)
            {
                (best, bestLoss) = (candidate, loss);
            }
        }
    }

    /// <summary>
    /// The next <paramref name="horizon"/> hours after <paramref name="history"/> with <paramref name="parameters"/> (fitted
    /// on this or an earlier history: the backtest replay refits less often than it forecasts); daily seasonal naive with
    /// less than a week of history or no parameters.
    /// </summary>
    public double[] Forecast(ReadOnlySpan<double> history, int horizon, HoltWintersParameters? parameters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (history.Length < Week || parameters is null)
        {
            return SeasonalNaiveForecaster.Daily.Forecast(history, horizon);
        }

        var z = Transform(history);
        var start = Initial(z);
        var final = new State(start);
        Run(z, start, parameters, final, [], horizon);
        var forecast = new double[horizon];
        var correction = final.LastError;
        for (var h = 0; h < horizon; h++)
        {
            var t = z.Length + h;
            correction *= parameters.Phi;
            var value = final.Level + final.Daily[t % Day] + final.Weekly[t % Week] + correction;
            forecast[h] = Math.Max(0, Demand(value));
        }

        return forecast;
    }

    private double[] Transform(ReadOnlySpan<double> history)
    {
        var z = new double[history.Length];
        for (var t = 0; t < z.Length; t++)
        {
            z[t] = Multiplicative ? Math.Log(1 + Math.Max(0, history[t])) : history[t];
        }

        return z;
    }

    /// <summary>
    /// Runs the filter over <paramref name="z"/> and leaves the end state in <paramref name="state"/>. Returns the mean
    /// absolute error (in demand, not log demand) of the forecasts for the next <paramref name="horizon"/> hours made from
    /// every origin in <paramref name="origins"/>: the error the forecasts will be judged by.
    /// </summary>
    private double Run(double[] z, State start, HoltWintersParameters p, State? state, int[] origins, int horizon)
    {
        var level = start.Level;
        var daily = (double[])start.Daily.Clone();
        var weekly = (double[])start.Weekly.Clone();
        var error = 0.0;
        var (loss, scored) = (0.0, 0);
        var next = 0;
        for (var t = 0; t < z.Length; t++)
        {
            if (next < origins.Length && origins[next] == t)
            {
                next++;
                var correction = error;
                for (var h = 0; h < horizon && t + h < z.Length; h++)
                {
                    correction *= p.Phi;
                    var ahead = level + daily[(t + h) % Day] + weekly[(t + h) % Week] + correction;
                    loss += Math.Abs(Demand(ahead) - Demand(z[t + h]));
                    scored++;
                }
            }

            var (d, w) = (t % Day, t % Week);
            error = z[t] - (level + daily[d] + weekly[w]);
            level += p.Alpha * error;
            daily[d] += p.Delta * error;
            weekly[w] += p.Omega * error;
        }

        if (state is not null)
        {
            state.Level = level;
            Array.Copy(daily, state.Daily, Day);
            Array.Copy(weekly, state.Weekly, Week);
            state.LastError = error;
        }

        return scored == 0 ? 0 : loss / scored;
    }

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
    private static State Initial(double[] z)
    {
        var weeks = Math.Min(2, z.Length / Week);
        var span = weeks * Week;
        var state = new State { Level = z.AsSpan(0, span).ToArray().Average() };
        var dayMeans = new double[span / Day];
        for (var day = 0; day < dayMeans.Length; day++)
        {
            dayMeans[day] = z.AsSpan(day * Day, Day).ToArray().Average();
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

    private sealed class State
    {
        public State()
        {
        }

        public State(State copy)
        {
            Level = copy.Level;
            Daily = (double[])copy.Daily.Clone();
            Weekly = (double[])copy.Weekly.Clone();
        }

        public double Level { get; set; }

        public double[] Daily { get; } = new double[Day];

        public double[] Weekly { get; } = new double[Week];

        public double LastError { get; set; }

    }
}
