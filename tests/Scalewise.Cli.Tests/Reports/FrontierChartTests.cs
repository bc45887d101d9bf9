using Scalewise.Backtest.Frontiers;
using Scalewise.Cli.Reports;

namespace Scalewise.Cli.Tests.Reports;

public sealed class FrontierChartTests
{
    [Fact]
    public void Render_TwoSettingsAndThePolicy_DrawnAtTheirCostAndLogViolations()
    {
        // Costs up to 200 (the axis ends at 200); violations up to 99, so two decades: 1 + 9 = 10 is one, 1 + 99 = 100 two.
        // Plot: 780 wide from x = 60, 330 high above y = 360.
        var frontier = new Frontier("hpa", "target CPU %", [new(50, 200, 99), new(70, 100, 9)]);

        var svg = FrontierChart.Render("test", [frontier], "scalewise", 150, 0);

        // x = 60 + cost / 200 × 780; y = 360 - log10(1 + violations) / 2 × 330; cheapest setting first.
        Assert.Contains("data-strategy=\"hpa\" d=\"M450,195 L840,30\"", svg, StringComparison.Ordinal);
        Assert.Contains("<rect class=\"policy\" x=\"640\" y=\"355\"", svg, StringComparison.Ordinal);
        Assert.Contains(">scalewise</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryFrontier_OneLineEach()
    {
        Frontier[] frontiers = [new("static", "instances", [new(1, 60, 60), new(4, 240, 0)]), new("react", "headroom instances", [new(0, 100, 5)])];

        var svg = FrontierChart.Render("test", frontiers, "scalewise", 120, 3);

        Assert.Equal(2, svg.Split("class=\"frontier\"").Length - 1);
        Assert.Contains("data-strategy=\"static\"", svg, StringComparison.Ordinal);
        Assert.Contains("data-strategy=\"react\"", svg, StringComparison.Ordinal);
    }
}
