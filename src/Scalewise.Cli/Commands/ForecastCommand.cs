using System.Diagnostics;
using Scalewise.Cli.Forecasts;
using Scalewise.Core.Forecasting;
using Scalewise.Core.Traces;

namespace Scalewise.Cli.Commands;

/// <summary><c>scalewise forecast</c>: backtests every forecasting method on a trace and shows their accuracy.</summary>
public static class ForecastCommand
{
    private const int MaxHorizonHours = 168;

    /// <summary>The command; <paramref name="console"/> replaces the terminal (tests read the table through it).</summary>
    public static Command Create(IAnsiConsole? console = null)
    {
        var trace = new Option<FileInfo>("--trace") { Description = "A per-minute trace (CSV 'timestamp,requests', see samples/traces/README.md).", Required = true };
        var horizon = new Option<string>("--horizon") { Description = "How far each forecast reaches, in hours or days: '48h', '2d' (1 to 168 hours).", DefaultValueFactory = _ => "48h" };
        var days = new Option<int>("--backtest-days") { Description = "The backtest covers the last this many days of the trace, one origin per hour.", DefaultValueFactory = _ => 14 };
        var json = new Option<FileInfo?>("--json") { Description = "Write the accuracy of every method as JSON to this file." };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Write a markdown report and an SVG chart (last 7 days and the forecast) to this directory." };
        var command = new Command("forecast", "Backtest the demand forecasting methods on a trace (rolling origin, hourly) and print MASE and sMAPE per method.")
        {
            trace, horizon, days, json, report,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var output = console ?? AnsiConsole.Console;
            var file = result.GetValue(trace)!;
            var horizonText = result.GetValue(horizon)!;
            if (ParseHorizon(horizonText) is not { } horizonHours)
            {
                output.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]--horizon '{horizonText}' is not a horizon; expected hours or days such as '48h' or '2d', from 1 to {MaxHorizonHours} hours.[/]");
                return Task.FromResult(2);
            }

            var backtestDays = result.GetValue(days);
            if (backtestDays is < 1 or > 366)
            {
                output.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]--backtest-days must be from 1 to 366; got {backtestDays}.[/]");
                return Task.FromResult(2);
            }

            return Execute(output, file, horizonHours, backtestDays, result.GetValue(json), result.GetValue(report), cancellationToken);
        });
        return command;
    }

    /// <summary>"48h" is 48, "2d" is 48; null for anything else or outside 1 to 168 hours.</summary>
    public static int? ParseHorizon(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2)
        {
            return null;
        }

        var unit = char.ToLowerInvariant(text[^1]);
        if (unit is not ('h' or 'd') || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return null;
        }

        var hours = unit == 'd' ? (long)count * 24 : count;
        return hours is >= 1 and <= MaxHorizonHours ? (int)hours : null;
    }

    private static async Task<int> Execute(IAnsiConsole output, FileInfo file, int horizonHours, int backtestDays, FileInfo? json, DirectoryInfo? report, CancellationToken cancellationToken)
    {
        WorkloadTrace trace;
        try
        {
            using var reader = file.OpenText();
            trace = TraceReader.Read(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]--trace {file.FullName} cannot be read: {ex.Message}[/]");
            return 2;
        }
        catch (TraceFormatException ex)
        {
            output.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]--trace {file.Name}: {ex.Message}[/]");
            return 2;
        }

        var stopwatch = Stopwatch.StartNew();
        var series = HourlySeries.FromMinutes(trace.Start, trace.Raw);
        var backtest = RollingOriginBacktest.Run(series, options: new BacktestOptions(horizonHours, backtestDays));
        stopwatch.Stop();

        output.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{file.Name}[/]: {trace.Length} minutes ({trace.MissingMinutes} without data) as {series.Length} hours ({series.MissingHours} missing, filled for the methods and never scored).");
        if (backtest.Origins > 0)
        {
            output.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Backtest: {backtest.Origins} hourly origins from {backtest.FirstOrigin:yyyy-MM-dd HH:mm}Z to {backtest.LastOrigin:yyyy-MM-dd HH:mm}Z, horizon {horizonHours} h, MASE season {AccuracyMeasures.MaseSeasonHours} h.");
        }

        var table = new Table().AddColumns("method", "MASE", "sMAPE (%)", "hours scored", string.Empty);
        foreach (var method in backtest.Methods)
        {
            var chosen = method.Name == backtest.Chosen;
            table.AddRow(
                chosen ? $"[bold]{method.Name}[/]" : method.Name,
                Figure(method.Mase, "0.000"),
                Figure(method.Smape, "0.00"),
                method.ScoredHours.ToString(CultureInfo.InvariantCulture),
                chosen ? "[green]chosen[/]" : string.Empty);
        }

        output.Write(table);
        output.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Chosen: [green]{backtest.Chosen}[/]: {backtest.Reason}");
        output.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Runtime: {stopwatch.Elapsed.TotalSeconds:0.0} s.");

        var traceText = file.ToString();
        if (json is not null)
        {
            var summary = new ForecastSummary(
                traceText,
                horizonHours,
                backtest.Origins,
                backtest.Chosen,
                [.. backtest.Methods.Select(m => new ForecastMethodSummary(m.Name, Round(m.Mase), Round(m.Smape)))]);
            json.Directory?.Create();
            await File.WriteAllTextAsync(json.FullName, JsonSerializer.Serialize(summary, ScalewiseJson.Indented), cancellationToken).ConfigureAwait(false);
            output.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Wrote {json.Name}.");
        }

        if (report is not null)
        {
            report.Create();
            var method = RollingOriginBacktest.DefaultForecasters.First(f => f.Name == backtest.Chosen);
            var forecast = method.Forecast(series.Filled(), horizonHours);
            await File.WriteAllTextAsync(Path.Combine(report.FullName, ForecastReport.MarkdownFile), ForecastReport.Markdown(traceText, series, backtest, stopwatch.Elapsed), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(report.FullName, ForecastReport.ChartFile), ForecastReport.Chart(series, forecast, method.Name), cancellationToken).ConfigureAwait(false);
            output.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Wrote {ForecastReport.MarkdownFile} and {ForecastReport.ChartFile} to {report.Name}.");
        }

        return 0;
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;

    private static string Figure(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
