using System.Text;
using Scalewise.Core.Forecasting;

namespace Scalewise.Cli.Forecasts;

/// <summary>The markdown report and SVG chart of <c>scalewise forecast --report</c>.</summary>
public static class ForecastReport
{
    public const string MarkdownFile = "forecast-report.md";

    public const string ChartFile = "forecast.svg";

    private const int ChartHours = 168;

    public static string Markdown(string trace, HourlySeries series, BacktestResult backtest, TimeSpan runtime)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(backtest);
        var text = new StringBuilder();
        Line(text, $"# Forecast backtest: {Path.GetFileName(trace)}");
        Line(text, $"");
        Line(text, $"- Trace: `{trace}`, {series.Length} hours from {series.Start:yyyy-MM-dd'T'HH:mm'Z'} ({series.Days:0.0} days), {series.MissingHours} hours without enough data (fewer than {HourlySeries.MinimumMinutesPerHour} minutes) filled for the methods and never scored.");
        Line(text, $"- Rolling origin: {backtest.Origins} hourly origins from {backtest.FirstOrigin:yyyy-MM-dd'T'HH:mm'Z'} to {backtest.LastOrigin:yyyy-MM-dd'T'HH:mm'Z'}, horizon {backtest.HorizonHours} h; MASE scaled by the in-sample seasonal-naive error with a season of {AccuracyMeasures.MaseSeasonHours} hours.");
        Line(text, $"- Runtime: {runtime.TotalSeconds:0.0} s.");
        Line(text, $"");
        Line(text, $"| method | MASE | sMAPE (%) | hours scored | |");
        Line(text, $"|---|---:|---:|---:|---|");
        foreach (var method in backtest.Methods)
        {
            Line(text, $"| {method.Name} | {Figure(method.Mase, "0.000")} | {Figure(method.Smape, "0.00")} | {method.ScoredHours} | {(method.Name == backtest.Chosen ? "chosen" : string.Empty)} |");
        }

        Line(text, $"");
        Line(text, $"Chosen: **{backtest.Chosen}**: {backtest.Reason}");
        Line(text, $"");
        Line(text, $"![The last 7 days and the {backtest.HorizonHours}-hour forecast]({ChartFile})");
        return text.ToString();
    }

    /// <summary>The last week of the series (gaps left blank) and the forecast after it, as a self-contained SVG line chart.</summary>
    public static string Chart(HourlySeries series, IReadOnlyList<double> forecast, string method)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(forecast);
        const double Width = 960, Height = 320, Left = 60, Bottom = 30, Top = 20;
        var history = series.Values.Skip(Math.Max(0, series.Length - ChartHours)).ToArray();
        var hours = history.Length + forecast.Count;
        var max = Math.Max(1, history.Where(v => !double.IsNaN(v)).Concat(forecast).DefaultIfEmpty(1).Max());
        double X(int hour) => Left + ((Width - Left - 10) * hour / Math.Max(1, hours - 1));
        double Y(double value) => Top + ((Height - Top - Bottom) * (1 - (value / max)));

        var svg = new StringBuilder();
        Line(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        Line(svg, $"<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        Line(svg, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - 10}\" y2=\"{Height - Bottom}\" stroke=\"#888\"/>");
        Line(svg, $"<text x=\"4\" y=\"{Top + 4}\">{max:0}</text><text x=\"4\" y=\"{Height - Bottom}\">0</text>");
        Line(svg, $"<text x=\"{Left}\" y=\"{Height - 8}\">requests per hour: last {history.Length} hours (blue) and {forecast.Count}-hour forecast by {method} (orange)</text>");
        foreach (var segment in Segments(history))
        {
            var points = string.Join(' ', segment.Select(i => Invariant($"{X(i):0.#},{Y(history[i]):0.#}")));
            Line(svg, $"<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"{points}\"/>");
        }

        var ahead = string.Join(' ', forecast.Select((v, h) => Invariant($"{X(history.Length + h):0.#},{Y(v):0.#}")));
        Line(svg, $"<polyline fill=\"none\" stroke=\"#ff7f0e\" stroke-width=\"1.5\" points=\"{ahead}\"/>");
        Line(svg, $"</svg>");
        return svg.ToString();
    }

    private static IEnumerable<List<int>> Segments(double[] values)
    {
        var segment = new List<int>();
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                if (segment.Count > 0)
                {
                    yield return segment;
                    segment = [];
                }

                continue;
            }

            segment.Add(i);
        }

        if (segment.Count > 0)
        {
            yield return segment;
        }
    }

    private static string Figure(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder builder, FormattableString text) => builder.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
