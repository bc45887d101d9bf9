using System.Net;
using System.Text;

namespace Scalewise.Cli.Reports;

/// <summary>
/// A line chart of demand, ready capacity and forecast (in instances) over time, as a self-contained SVG. Long traces
/// are drawn in at most <see cref="MaximumColumns"/> columns: in each, demand shows its highest minute and capacity its
/// lowest, so a shortfall is never averaged away.
/// </summary>
public static class SvgChart
{
    public const int MaximumColumns = 1200;

    private const int Width = 1000;
    private const int Height = 360;
    private const int Left = 50;
    private const int Right = 140;
    private const int Top = 30;
    private const int Bottom = 40;

    public static string Render(string title, DateTimeOffset start, IReadOnlyList<int?> demand, IReadOnlyList<int> ready, IReadOnlyList<double?>? forecast)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(ready);
        var minutes = demand.Count;
        var columns = Math.Max(1, Math.Min(MaximumColumns, minutes));
        var perColumn = Math.Max(1, (int)Math.Ceiling(minutes / (double)columns));
        columns = Math.Max(1, (int)Math.Ceiling(minutes / (double)perColumn));

        var demandColumns = new double?[columns];
        var readyColumns = new double?[columns];
        var forecastColumns = new double?[columns];
        for (var c = 0; c < columns; c++)
        {
            for (var m = c * perColumn; m < Math.Min(minutes, (c + 1) * perColumn); m++)
            {
                if (demand[m] is { } d)
                {
                    demandColumns[c] = Math.Max(demandColumns[c] ?? 0, d);
                }

                if (m < ready.Count)
                {
                    readyColumns[c] = Math.Min(readyColumns[c] ?? double.MaxValue, ready[m]);
                }

                if (forecast is not null && forecast[m] is { } f)
                {
                    forecastColumns[c] = Math.Max(forecastColumns[c] ?? 0, f);
                }
            }
        }

        var top = new[] { demandColumns, readyColumns, forecastColumns }.SelectMany(s => s).Max(v => v ?? 0);
        var yMax = Math.Max(1, NiceCeiling(top));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int column) => Left + (columns == 1 ? 0 : column * (double)plotWidth / (columns - 1));
        double Y(double value) => Top + plotHeight - (value / yMax * plotHeight);

        var svg = new StringBuilder();
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        Append(svg, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>");
        Append(svg, $"<text x=\"{Left}\" y=\"18\" font-size=\"14\">{WebUtility.HtmlEncode(title)}</text>");
        for (var i = 0; i <= 4; i++)
        {
            var value = yMax * i / 4;
            Append(svg, $"<line x1=\"{Left}\" y1=\"{Y(value):0.#}\" x2=\"{Left + plotWidth}\" y2=\"{Y(value):0.#}\" stroke=\"#ddd\"/>");
            Append(svg, $"<text x=\"{Left - 6}\" y=\"{Y(value) + 4:0.#}\" text-anchor=\"end\">{value:0.#}</text>");
        }

        var days = minutes / 1440.0;
        var tickEvery = days <= 2 ? 1.0 / 24 * Math.Max(1, Math.Ceiling(minutes / 60.0 / 12)) : Math.Max(1, Math.Ceiling(days / 10));
        for (var t = 0.0; t * 1440 < minutes; t += tickEvery)
        {
            var column = (int)(t * 1440 / perColumn);
            var when = start.AddMinutes(t * 1440);
            var label = days <= 2 ? when.ToString("HH:mm", CultureInfo.InvariantCulture) : when.ToString("MM-dd", CultureInfo.InvariantCulture);
            Append(svg, $"<text x=\"{X(column):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{label}</text>");
        }

        Append(svg, $"<text x=\"{Left}\" y=\"{Height - 6}\" fill=\"#555\">instances (UTC time; each point covers {perColumn} min)</text>");
        Series(svg, demandColumns, X, Y, "#d62728", "1.2", null);
        Series(svg, readyColumns, X, Y, "#1f77b4", "1.2", null);
        Series(svg, forecastColumns, X, Y, "#2ca02c", "1", "4 3");

        var legend = new List<(string Name, string Color)> { ("demand", "#d62728"), ("ready capacity", "#1f77b4") };
        if (forecastColumns.Any(v => v.HasValue))
        {
            legend.Add(("forecast", "#2ca02c"));
        }

        for (var i = 0; i < legend.Count; i++)
        {
            var y = Top + 10 + (i * 18);
            Append(svg, $"<line x1=\"{Width - Right + 10}\" y1=\"{y}\" x2=\"{Width - Right + 30}\" y2=\"{y}\" stroke=\"{legend[i].Color}\" stroke-width=\"2\"/>");
            Append(svg, $"<text x=\"{Width - Right + 35}\" y=\"{y + 4}\">{legend[i].Name}</text>");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Series(StringBuilder svg, double?[] values, Func<int, double> x, Func<double, double> y, string color, string width, string? dash)
    {
        var path = new StringBuilder();
        var pen = false;
        for (var c = 0; c < values.Length; c++)
        {
            if (values[c] is not { } value)
            {
                pen = false;
                continue;
            }

            path.Append(pen ? " L" : " M").Append(x(c).ToString("0.#", CultureInfo.InvariantCulture)).Append(',').Append(y(value).ToString("0.#", CultureInfo.InvariantCulture));
            pen = true;
        }

        if (path.Length > 0)
        {
            var dashes = dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"";
            Append(svg, $"<path d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{width}\"{dashes}/>");
        }
    }

    internal static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    internal static void Append(StringBuilder svg, FormattableString line) => svg.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
