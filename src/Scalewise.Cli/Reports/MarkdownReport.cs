using System.Text;
using Scalewise.Backtest.Frontiers;

namespace Scalewise.Cli.Reports;

/// <summary>report.md: the comparison table (cost relative to the oracle, SLO violations, SPEC metrics) and the charts.</summary>
public static class MarkdownReport
{
    public static string Render(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var model = report.Model;
        var known = report.Minutes - report.MissingMinutes;
        var md = new StringBuilder();
        Line(md, $"# Backtest of {report.Policy} on {report.Trace}");
        md.Append('\n');
        Line(md, $"- Trace: {report.Minutes:N0} minutes from {report.Start:yyyy-MM-dd HH:mm}Z ({report.MissingMinutes:N0} without data, left out of violations and SPEC metrics; instances are still paid for).");
        Line(md, $"- Target model: {model.CapacityPerInstance:0.##} requests/min per instance at the SLO (p95 {model.SloP95LatencyMs:0.#} ms, {model.IdleP95LatencyMs:0.#} ms idle), provisioning {model.ProvisioningDelay.TotalMinutes:0.##} min, warm-up {model.WarmUp.TotalMinutes:0.##} min, {model.PricePerInstanceHour:0.####} per instance-hour.");
        Line(md, $"- A minute is an SLO violation when its requests need more instances than are ready. θ and τ are % of minutes with data; jitter is adaptations per hour; instability is % of minute-to-minute steps (see docs/metrics.md).");
        md.Append('\n');
        md.Append("| Strategy | SLO-violation minutes | % of minutes | Instance-minutes | Cost | Cost / oracle | θU % | θO % | τU % | τO % | Jitter /h | Instability % | Scaling actions |\n");
        md.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var s in report.Strategies)
        {
            var share = known == 0 ? 0 : 100.0 * s.SloViolationMinutes / known;
            var relative = s.CostRelativeToOracle is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
            Line(md, $"| {s.Name} | {s.SloViolationMinutes:N0} | {share:0.00} | {s.InstanceMinutes:N0} | {s.Cost:0.00} | {relative} | {s.ThetaU:0.00} | {s.ThetaO:0.00} | {s.TauU:0.00} | {s.TauO:0.00} | {s.Jitter:0.00} | {s.Instability:0.00} | {s.ScalingActions:N0} |");
        }

        if (report.Calibration is { Count: > 0 } calibration)
        {
            md.Append('\n');
            Line(md, $"Calibrated to the simulated target (`--calibrate`): {string.Join("; ", calibration)}.");
        }

        if (report.Frontiers is { } frontiers)
        {
            Frontiers(md, frontiers, report.SameCost);
        }

        if (report.Strategies.Any(s => s.Forecast is not null))
        {
            md.Append("\n## Forecast accuracy\n\n");
            Line(md, $"Each whole hour with data against the forecast for it that was in force (made at the hour's start from the hours before, re-made every hour as ForecastDemand does). MASE is scaled by the mean absolute change from the same hour a day earlier over the replayed series; sMAPE is in % (see docs/metrics.md).");
            md.Append('\n');
            md.Append("| Strategy | Method (most hours) | MASE | sMAPE % | Hours scored | Forecasts | Hours per method | Holt-Winters refit every |\n");
            md.Append("|---|---|---:|---:|---:|---:|---|---:|\n");
            foreach (var s in report.Strategies)
            {
                if (s.Forecast is { } f)
                {
                    var methods = string.Join(", ", f.HoursByMethod.OrderByDescending(p => p.Value).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:N0}")));
                    Line(md, $"| {s.Name} | {f.Method ?? "none"} | {Number(f.Mase)} | {Number(f.Smape)} | {f.ScoredHours:N0} | {f.Forecasts:N0} | {methods} | {f.RefitHours:0.#} h |");
                }
            }
        }

        md.Append("\n## Demand, ready capacity and forecast\n\n");
        foreach (var s in report.Strategies)
        {
            Line(md, $"![{s.Name}]({s.Chart})");
            md.Append('\n');
        }

        return md.ToString();
    }

    private static void Frontiers(StringBuilder md, IReadOnlyList<Frontier> frontiers, SameCostComparison? sameCost)
    {
        md.Append("\n## Frontiers\n\n");
        Line(md, $"Each baseline replayed across its main knob (`--sweep`): cost in instance-minutes against SLO-violation minutes, one row a setting.");
        md.Append('\n');
        if (sameCost is { } same)
        {
            if (same.BestBaseline is { } best)
            {
                Line(md, $"At the policy's cost ({same.InstanceMinutes:N0} instance-minutes) the best baseline is {best} with {same.BaselineViolationMinutes:N1} SLO-violation minutes (linear between the two settings whose costs bracket it); the policy has {same.SloViolationMinutes:N0}.");
            }
            else
            {
                Line(md, $"No baseline's frontier reaches the policy's cost ({same.InstanceMinutes:N0} instance-minutes), so none compares at the same cost; the policy has {same.SloViolationMinutes:N0} SLO-violation minutes.");
            }

            md.Append('\n');
        }

        md.Append("| Strategy | Knob | Setting | Instance-minutes | SLO-violation minutes |\n");
        md.Append("|---|---|---:|---:|---:|\n");
        foreach (var frontier in frontiers)
        {
            foreach (var point in frontier.Points)
            {
                Line(md, $"| {frontier.Strategy} | {frontier.Knob} | {point.Value:0.##} | {point.InstanceMinutes:N0} | {point.SloViolationMinutes:N0} |");
            }
        }

        md.Append('\n');
        Line(md, $"![frontiers](charts/frontiers.svg)");
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static void Line(StringBuilder md, FormattableString text) => md.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
