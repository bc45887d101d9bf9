using System.Text.Json.Serialization;
using Scalewise.Backtest;

namespace Scalewise.Cli.Reports;

/// <summary>Writes a backtest's report directory: report.json, report.md and charts/&lt;strategy&gt;.svg.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(ScalewiseJson.Indented) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static async Task WriteAsync(DirectoryInfo directory, SimulationReport report, BacktestResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(result);
        var charts = Directory.CreateDirectory(Path.Combine(directory.FullName, "charts"));

        await File.WriteAllTextAsync(Path.Combine(directory.FullName, "report.json"), JsonSerializer.Serialize(report, Json) + "\n", cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory.FullName, "report.md"), MarkdownReport.Render(report), cancellationToken).ConfigureAwait(false);

        if (report.Frontiers is { } frontiers && report.SameCost is { } policy)
        {
            var svg = FrontierChart.Render($"{report.Policy} against the baselines' frontiers on {report.Trace}", frontiers, policy.Strategy, policy.InstanceMinutes, policy.SloViolationMinutes);
            await File.WriteAllTextAsync(Path.Combine(charts.FullName, "frontiers.svg"), svg, cancellationToken).ConfigureAwait(false);
        }

        var capacity = result.Model.CapacityPerInstance;
        foreach (var strategy in result.Strategies)
        {
            var forecast = strategy.ForecastRequests?.Select(f => f / capacity).ToList();
            var title = forecast is null ? $"{strategy.Name}: demand and ready capacity" : $"{strategy.Name}: demand, ready capacity and forecast";
            var svg = SvgChart.Render(title, result.Start, result.DemandInstances, strategy.ReadyCapacity, forecast);
            await File.WriteAllTextAsync(Path.Combine(charts.FullName, strategy.Name + ".svg"), svg, cancellationToken).ConfigureAwait(false);
        }
    }
}
