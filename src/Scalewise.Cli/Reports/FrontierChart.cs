using System.Net;
using System.Text;
using Scalewise.Backtest.Frontiers;
using static Scalewise.Cli.Reports.SvgChart;

namespace Scalewise.Cli.Reports;

/// <summary>
/// charts/frontiers.svg: each baseline's frontier as a line through its settings (cost in instance-minutes across,
/// SLO-violation minutes up on a log scale of 1 + minutes, cheapest first) and the policy as one marked point, so "fewer
/// violations" and "more money" show on the same picture, the few-violation corner as clearly as the cheap one.
/// </summary>
public static class FrontierChart
{
    public const int Width = 1000;
    public const int Height = 400;
    public const int Left = 60;
    public const int Right = 160;
    public const int Top = 30;
    public const int Bottom = 40;

    private static readonly string[] Palette = ["#7f7f7f", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2"];

    public static string Render(string title, IReadOnlyList<Frontier> frontiers, string policy, long instanceMinutes, int sloViolationMinutes)
    {
        ArgumentNullException.ThrowIfNull(frontiers);
        var points = frontiers.SelectMany(f => f.Points).ToList();
        var xMax = NiceCeiling(Math.Max(instanceMinutes, points.Count == 0 ? 0 : points.Max(p => p.InstanceMinutes)));
        var decades = Math.Max(1, (int)Math.Ceiling(Math.Log10(1 + Math.Max(sloViolationMinutes, points.Count == 0 ? 0 : points.Max(p => p.SloViolationMinutes)))));
        const int plotWidth = Width - Left - Right;
        const int plotHeight = Height - Top - Bottom;
        double X(double cost) => Left + (cost / xMax * plotWidth);
        double Y(double violations) => Top + plotHeight - (Math.Log10(1 + violations) / decades * plotHeight);

        var svg = new StringBuilder();
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        Append(svg, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>");
        Append(svg, $"<text x=\"{Left}\" y=\"18\" font-size=\"14\">{WebUtility.HtmlEncode(title)}</text>");
        for (var k = 0; k <= decades; k++)
        {
            var violations = k == 0 ? 0 : Math.Pow(10, k);
            Append(svg, $"<line x1=\"{Left}\" y1=\"{Y(violations):0.#}\" x2=\"{Left + plotWidth}\" y2=\"{Y(violations):0.#}\" stroke=\"#ddd\"/>");
            Append(svg, $"<text x=\"{Left - 6}\" y=\"{Y(violations) + 4:0.#}\" text-anchor=\"end\">{violations:N0}</text>");
        }

        for (var i = 0; i <= 4; i++)
        {
            Append(svg, $"<text x=\"{X(xMax * i / 4):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{xMax * i / 4:N0}</text>");
        }

        Append(svg, $"<text x=\"{Left}\" y=\"{Height - 6}\" fill=\"#555\">instance-minutes paid (across) against SLO-violation minutes (up, log scale)</text>");
        for (var i = 0; i < frontiers.Count; i++)
        {
            var color = Palette[i % Palette.Length];
            var ordered = frontiers[i].Points.OrderBy(p => p.InstanceMinutes).ToList();
            var path = string.Join(" L", ordered.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.InstanceMinutes):0.#},{Y(p.SloViolationMinutes):0.#}")));
            Append(svg, $"<path class=\"frontier\" data-strategy=\"{WebUtility.HtmlEncode(frontiers[i].Strategy)}\" d=\"M{path}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\"/>");
            foreach (var p in ordered)
            {
                Append(svg, $"<circle cx=\"{X(p.InstanceMinutes):0.#}\" cy=\"{Y(p.SloViolationMinutes):0.#}\" r=\"3\" fill=\"{color}\"><title>{WebUtility.HtmlEncode(frontiers[i].Strategy)} {p.Value:0.##}</title></circle>");
            }

            Legend(svg, i, color, frontiers[i].Strategy);
        }

        Append(svg, $"<rect class=\"policy\" x=\"{X(instanceMinutes) - 5:0.#}\" y=\"{Y(sloViolationMinutes) - 5:0.#}\" width=\"10\" height=\"10\" fill=\"#d62728\"/>");
        Legend(svg, frontiers.Count, "#d62728", policy);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Legend(StringBuilder svg, int row, string color, string name)
    {
        var y = Top + 10 + (row * 18);
        Append(svg, $"<line x1=\"{Width - Right + 10}\" y1=\"{y}\" x2=\"{Width - Right + 30}\" y2=\"{y}\" stroke=\"{color}\" stroke-width=\"2\"/>");
        Append(svg, $"<text x=\"{Width - Right + 35}\" y=\"{y + 4}\">{WebUtility.HtmlEncode(name)}</text>");
    }
}
