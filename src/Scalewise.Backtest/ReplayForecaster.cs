using Scalewise.Core.Forecasting;

namespace Scalewise.Backtest;

/// <summary>
/// A policy's demand forecast during a replay, made as the ForecastDemand timer makes it, once every virtual hour: the
/// predictive metric at hourly grain (the policy's aggregation of the minutes the target reported; an hour without data
/// is missing) over up to <see cref="HistoryDays"/> days before the hour, from the first hour with data, through
/// <see cref="DemandForecasting.Forecast"/> (every method backtested over the last <see cref="BacktestDays"/> days, the
/// lowest MASE chosen, a <see cref="HorizonHours"/>-hour forecast). Only the past is read.
/// </summary>
/// <remarks>
/// Two things make an hourly re-forecast cheap without changing what it decides. A method's forecast from an origin
/// depends only on the hours before it, so each method forecasts once per hour and the backtests of the following
/// hours reuse that forecast (identical to recomputing it while the history window has not started sliding, that is
/// for the first <see cref="HistoryDays"/> days; after that the forecast made at the time is scored, as an online
/// evaluation would). And Holt-Winters refits its smoothing parameters every <see cref="RefitInterval"/> (ForecastDemand
/// refits at every run; an interval of one hour does the same); between refits its filter still absorbs every new hour.
/// </remarks>
public sealed class ReplayForecaster
{
    /// <summary>Days of hourly history read, as <c>DemandForecastRun.HistoryDays</c>.</summary>
    public const int HistoryDays = 28;

    /// <summary>Days the methods are backtested over, as <c>DemandForecastRun.MinimumHistoryDays</c>.</summary>
    public const int BacktestDays = 7;

    /// <summary>Hours forecast, as <c>DemandForecastRun.HorizonHours</c>.</summary>
    public const int HorizonHours = 48;

    /// <summary>How often Holt-Winters refits its smoothing parameters in a replay unless told otherwise.</summary>
    public static readonly TimeSpan DefaultRefitInterval = TimeSpan.FromDays(1);

    /// <summary>Whether refits start from the last parameters unless told otherwise.</summary>
    public const bool DefaultWarmStart = false;

    private const int HistoryHours = HistoryDays * 24;

    private readonly PredictiveScaling settings;
    private readonly BacktestOptions options = new(HorizonHours: HorizonHours, Days: BacktestDays, InParallel: false);
    private readonly DateTimeOffset firstHour;
    private readonly int offset;
    private readonly int refitHours;
    private readonly double[] actual;
    private readonly double[] used;
    private readonly string?[] usedMethod;
    private readonly CachedMethod[] methods;
    private readonly BacktestScoreCache scores = new();
    private int windowStart;
    private int lastRefit = int.MinValue / 2;

    /// <param name="settings">The policy's predictive settings.</param>
    /// <param name="start">When minute 0 of the replay starts.</param>
    /// <param name="minutes">Minutes in the replay.</param>
    /// <param name="refitInterval">How often Holt-Winters refits; <see cref="DefaultRefitInterval"/> when null, whole hours, at least one.</param>
    /// <param name="warmStart">Whether a refit starts from the parameters of the last one (see <see cref="WarmStart"/>).</param>
    public ReplayForecaster(PredictiveScaling settings, DateTimeOffset start, int minutes, TimeSpan? refitInterval = null, bool warmStart = DefaultWarmStart)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        this.settings = settings;
        WarmStart = warmStart;
        RefitInterval = refitInterval ?? DefaultRefitInterval;
        ArgumentOutOfRangeException.ThrowIfLessThan(RefitInterval, TimeSpan.FromHours(1), nameof(refitInterval));
        refitHours = (int)Math.Round(RefitInterval.TotalHours);
        var utc = start.ToUniversalTime();
        firstHour = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
        offset = (int)((utc - firstHour).Ticks / TimeSpan.TicksPerMinute);
        var hours = (offset + minutes + 59) / 60;
        actual = new double[hours];
        used = new double[hours];
        usedMethod = new string?[hours];
        Array.Fill(actual, double.NaN);
        Array.Fill(used, double.NaN);
        methods = [.. RollingOriginBacktest.DefaultForecasters.Select(m => new CachedMethod(this, m, hours + 1))];
    }

    public TimeSpan RefitInterval { get; }

    /// <summary>
    /// Whether a Holt-Winters refit starts its descent from the parameters of the last refit, when they do better on the new
    /// history than the fixed starting point ForecastDemand starts from (see <see cref="HoltWintersForecaster.Fit"/>).
    /// Cheaper, since the last parameters are usually near the new best; the parameters found may differ.
    /// </summary>
    public bool WarmStart { get; }

    /// <summary>The forecast in force: the one made at the start of the current hour; null before the first.</summary>
    public DemandForecast? Current { get; private set; }

    /// <summary>Forecasts made so far.</summary>
    public int Forecasts { get; private set; }

    /// <summary>Whether the end of <paramref name="minute"/> is on the hour: when ForecastDemand runs in virtual time.</summary>
    public bool IsHourEnd(int minute) => (offset + minute + 1) % 60 == 0;

    /// <summary>
    /// At the end of <paramref name="minute"/>, on the hour: takes the hour that just ended from <paramref name="history"/>
    /// (the predictive metric, one value a minute, NaN without data) and forecasts from it.
    /// </summary>
    public DemandForecast Advance(int minute, ReadOnlySpan<double> history, DateTimeOffset now)
    {
        if (!IsHourEnd(minute))
        {
            throw new ArgumentException("ForecastDemand runs on the hour; this minute does not end one.", nameof(minute));
        }

        var ended = ((offset + minute + 1) / 60) - 1;
        actual[ended] = Aggregate(history, Math.Max(0, (ended * 60) - offset), minute + 1);
        var end = ended + 1;

        // The hourly window ForecastDemand reads: the last HistoryDays days, from the first hour with data.
        windowStart = end;
        for (var h = Math.Max(0, end - HistoryHours); h < end; h++)
        {
            if (!double.IsNaN(actual[h]))
            {
                windowStart = h;
                break;
            }
        }

        var series = new HourlySeries(firstHour.AddHours(windowStart), new ArraySegment<double>(actual, windowStart, end - windowStart));
        var length = end - windowStart;
        double[]? filled = null;
        if (length >= options.MinimumHistoryHours && end - lastRefit >= refitHours)
        {
            filled = series.FilledValues;
            foreach (var method in methods)
            {
                method.Refit(filled);
            }

            lastRefit = end;
        }

        var forecast = DemandForecasting.Forecast(series, now, options, methods, scores);
        if (end % 24 == 0)
        {
            // Origins older than the backtest period plus the horizon are not scored again.
            scores.ForgetBefore(firstHour.AddHours(end - (BacktestDays * 24) - HorizonHours - 24));
        }

        if (length >= options.MinimumHistoryHours)
        {
            // Every method's forecast from this origin, for the backtests of the next hours (the chosen one is made already).
            filled ??= series.FilledValues;
            foreach (var method in methods)
            {
                method.Forecast(filled, HorizonHours);
            }
        }

        Current = forecast;
        Forecasts++;
        if (end < used.Length && forecast.Points.Count > 0)
        {
            used[end] = forecast.Points[0].Demand;
            usedMethod[end] = forecast.Method;
        }

        return forecast;
    }

    /// <summary>The forecast demand of the hour <paramref name="minute"/> is in, from the forecast in force; null when there is none.</summary>
    public double? HourForecast(int minute)
    {
        var hour = (offset + minute) / 60;
        return hour < used.Length && !double.IsNaN(used[hour]) ? used[hour] : null;
    }

    /// <summary>
    /// How the forecasts in force did: every hour that lies wholly in the replay and has data, against the forecast made at
    /// its start (see <see cref="ReplayForecastAccuracy"/>).
    /// </summary>
    public ReplayForecastAccuracy Accuracy(int minutes)
    {
        // Only whole hours are scored: a partial first or last hour would look like a drop in demand.
        var firstWhole = offset == 0 ? 0 : 1;
        var lastWhole = ((offset + minutes) / 60) - 1;
        var count = Math.Max(0, lastWhole - firstWhole + 1);
        var actuals = actual.AsSpan(firstWhole, count);
        var forecasts = used.AsSpan(firstWhole, count).ToArray();
        var scored = 0;
        var truth = new double[count];
        for (var h = 0; h < count; h++)
        {
            // An hour without a forecast in force is not scored: NaN actual values are skipped by the measures.
            truth[h] = double.IsNaN(forecasts[h]) ? double.NaN : actuals[h];
            if (double.IsNaN(forecasts[h]))
            {
                forecasts[h] = 0;
            }
            else if (!double.IsNaN(actuals[h]))
            {
                scored++;
            }
        }

        var scale = AccuracyMeasures.SeasonalNaiveScale(actuals);
        var mase = AccuracyMeasures.Mase(truth, forecasts, scale);
        var smape = AccuracyMeasures.Smape(truth, forecasts);
        var hoursByMethod = usedMethod.Where(m => m is not null).GroupBy(m => m!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var method = hoursByMethod.Count == 0 ? null : hoursByMethod.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
        return new ReplayForecastAccuracy(
            method,
            double.IsNaN(mase) ? null : mase,
            double.IsNaN(smape) ? null : smape,
            scored,
            Forecasts,
            hoursByMethod,
            RefitInterval);
    }

    private double Aggregate(ReadOnlySpan<double> history, int from, int to) =>
        MinuteAggregation.Over(history, from, to, settings.Aggregation) ?? double.NaN;

    /// <summary>
    /// One of the production methods, remembering its forecast from every origin (absolute hour) so the backtests of later
    /// hours read the forecast made at the time instead of refitting it; Holt-Winters uses the parameters of the last refit.
    /// </summary>
    private sealed class CachedMethod(ReplayForecaster owner, IDemandForecaster method, int hours) : IDemandForecaster
    {
        private readonly double[]?[] byOrigin = new double[]?[hours];
        private readonly HoltWintersFilter filter = new();
        private HoltWintersParameters? parameters;

        public string Name => method.Name;

        public void Refit(double[] filled)
        {
            if (method is HoltWintersForecaster holtWinters)
            {
                parameters = holtWinters.Fit(filled, HorizonHours, owner.WarmStart ? parameters : null);
            }
        }

        public double[] Forecast(ReadOnlySpan<double> history, int horizon)
        {
            var origin = owner.windowStart + history.Length;
            if (horizon == HorizonHours && origin < byOrigin.Length && byOrigin[origin] is { } made)
            {
                return made;
            }

            var forecast = method is HoltWintersForecaster holtWinters ? holtWinters.Forecast(history, horizon, parameters, filter) : method.Forecast(history, horizon);
            if (horizon == HorizonHours && origin < byOrigin.Length)
            {
                // Distinct origins are distinct slots; the backtest's parallel loop never writes one slot twice at once.
                byOrigin[origin] = forecast;
            }

            // Origins older than the backtest reaches are not read again.
            var stale = origin - (BacktestDays * 24) - HorizonHours - 1;
            if (stale >= 0 && stale < byOrigin.Length)
            {
                byOrigin[stale] = null;
            }

            return forecast;
        }
    }
}
