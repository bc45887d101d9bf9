namespace Scalewise.Core.Forecasting;

/// <summary>
/// Rolling-origin evaluation: from every hourly origin in the backtest period, each method forecasts the horizon from the
/// history before the origin (gaps filled, see <see cref="HourlySeries.Filled"/>) and is scored against the hours that
/// have data. MASE scales each origin's errors by that origin's in-sample daily seasonal-naive error. The method with the
/// lowest MASE is chosen; the baseline (daily seasonal naive) wins ties and whenever MASE is undefined.
/// </summary>
public static class RollingOriginBacktest
{
    /// <summary>The methods Scalewise backtests: the baseline first.</summary>
    public static IReadOnlyList<IDemandForecaster> DefaultForecasters { get; } =
    [
        SeasonalNaiveForecaster.Daily,
        SeasonalNaiveForecaster.Weekly,
        HoltWintersForecaster.Additive,
        HoltWintersForecaster.Log,
    ];

    /// <param name="scores">Scores of origins already backtested on this series (it may have grown since); null to score every origin.</param>
    public static BacktestResult Run(HourlySeries series, IReadOnlyList<IDemandForecaster>? forecasters = null, BacktestOptions? options = null, BacktestScoreCache? scores = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= new BacktestOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.HorizonHours, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1);
        var methods = WithBaseline(forecasters ?? DefaultForecasters);

        var n = series.Length;
        var first = Math.Max(n - (options.Days * 24), options.MinimumHistoryHours);
        var last = n - options.HorizonHours;
        if (first > last)
        {
            var needed = (options.MinimumHistoryHours + options.HorizonHours) / 24.0;
            var reason = series.Days < options.MinimumHistoryHours / 24.0
                ? Invariant($"less than {options.MinimumHistoryHours / 24.0:0.#} days of history ({series.Days:0.#} days): a backtest needs {needed:0.#} days (a week to learn from and the {options.HorizonHours}-hour horizon to score), so the baseline {SeasonalNaiveForecaster.DailyName} is used, its accuracy not measured.")
                : Invariant($"{series.Days:0.#} days of history leave no origin with a week behind it and {options.HorizonHours} hours ahead to score ({needed:0.#} days needed), so the baseline {SeasonalNaiveForecaster.DailyName} is used, its accuracy not measured.");
            return new BacktestResult(options.HorizonHours, 0, null, null, [.. methods.Select(m => new MethodAccuracy(m.Name, null, null, 0))], SeasonalNaiveForecaster.DailyName, reason);
        }

        var actual = series.RawValues;
        var filled = series.FilledValues;
        var scales = OriginScales(actual, last);
        var origins = last - first + 1;

        // Per origin and method: (sum of scaled errors, sMAPE terms, hours scored, hours scored with a usable scale), the
        // row of origin i at i * width (the layout the score cache keeps).
        var width = methods.Count * 4;
        var totals = new double[origins * width];
        if (options.InParallel)
        {
            Parallel.For(0, origins, Score);
        }
        else
        {
            for (var i = 0; i < origins; i++)
            {
                Score(i);
            }
        }

        void Score(int i)
        {
            var origin = first + i;
            var at = series.Start.AddHours(origin);
            if (scores is not null && scores.TryGet(at, width, out var kept))
            {
                kept.CopyTo(totals, i * width);
                return;
            }

            var history = filled.AsSpan(0, origin);
            var truth = actual.AsSpan(origin, options.HorizonHours);
            var row = totals.AsSpan(i * width, width);
            for (var m = 0; m < methods.Count; m++)
            {
                var forecast = methods[m].Forecast(history, options.HorizonHours);
                var k = m * 4;
                for (var h = 0; h < truth.Length; h++)
                {
                    if (double.IsNaN(truth[h]))
                    {
                        continue;
                    }

                    row[k + 1] += AccuracyMeasures.SmapeTerm(truth[h], forecast[h]);
                    row[k + 2]++;
                    if (scales[origin] > 0)
                    {
                        row[k] += Math.Abs(forecast[h] - truth[h]) / scales[origin];
                        row[k + 3]++;
                    }
                }
            }

            scores?.Set(at, row.ToArray());
        }

        var accuracies = new List<MethodAccuracy>();
        for (var m = 0; m < methods.Count; m++)
        {
            var (scaled, smape, scored, scaledCount) = (0.0, 0.0, 0.0, 0.0);
            for (var i = 0; i < origins; i++)
            {
                var k = (i * width) + (m * 4);
                scaled += totals[k];
                smape += totals[k + 1];
                scored += totals[k + 2];
                scaledCount += totals[k + 3];
            }

            accuracies.Add(new MethodAccuracy(methods[m].Name, scaledCount > 0 ? scaled / scaledCount : null, scored > 0 ? 100 * smape / scored : null, (int)scored));
        }

        var (chosen, why) = Choose(accuracies, origins, options.HorizonHours);
        return new BacktestResult(options.HorizonHours, origins, series.Start.AddHours(first), series.Start.AddHours(last), accuracies, chosen, why);
    }

    private static (string Chosen, string Reason) Choose(List<MethodAccuracy> accuracies, int origins, int horizon)
    {
        var baseline = accuracies.First(a => a.Name == SeasonalNaiveForecaster.DailyName);
        var over = Invariant($"over {origins} hourly origins, horizon {horizon} h");
        if (baseline.Mase is not { } baselineMase)
        {
            return (baseline.Name, Invariant($"MASE is undefined {over}: the history repeats exactly from one day to the next (or has no scored hours), so the baseline {baseline.Name} is used."));
        }

        var best = accuracies.Where(a => a.Mase is not null).MinBy(a => a.Mase!.Value)!;
        if (best.Mase!.Value < baselineMase && best.Name != baseline.Name)
        {
            return (best.Name, Invariant($"{best.Name} has the lowest MASE, {best.Mase:0.000} against {baselineMase:0.000} for {baseline.Name}, {over}."));
        }

        return (baseline.Name, Invariant($"no method beat the baseline's MASE of {baselineMase:0.000} {over}, so {baseline.Name} is used."));
    }

    /// <summary>For every origin up to <paramref name="last"/>, the daily seasonal-naive MAE of the history before it (prefix sums: one pass).</summary>
    private static double[] OriginScales(double[] actual, int last)
    {
        var season = AccuracyMeasures.MaseSeasonHours;
        var scales = new double[last + 1];
        var (sum, count) = (0.0, 0);
        for (var origin = 0; origin <= last; origin++)
        {
            // Pairs (t - season, t) with t < origin.
            var t = origin - 1;
            if (t >= season && !double.IsNaN(actual[t]) && !double.IsNaN(actual[t - season]))
            {
                sum += Math.Abs(actual[t] - actual[t - season]);
                count++;
            }

            scales[origin] = count == 0 ? double.NaN : sum / count;
        }

        return scales;
    }

    private static List<IDemandForecaster> WithBaseline(IReadOnlyList<IDemandForecaster> forecasters)
    {
        var methods = forecasters.ToList();
        if (!methods.Any(m => m.Name == SeasonalNaiveForecaster.DailyName))
        {
            methods.Insert(0, SeasonalNaiveForecaster.Daily);
        }

        return methods;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
