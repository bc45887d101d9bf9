using Scalewise.Backtest;
using Scalewise.Backtest.Frontiers;
using Scalewise.Backtest.Strategies;
using Scalewise.Cli.Reports;
using Scalewise.Core.Traces;

namespace Scalewise.Cli.Commands;

/// <summary>
/// <c>scalewise simulate</c>: backtests a policy over a request trace in virtual time, through the same decision code
/// the Functions app runs, and with <c>--compare</c> against the baselines in the same replay.
/// </summary>
public static class SimulateCommand
{
    public static Command Create() => Create(null);

    /// <param name="console">Where to write; the process's console when null.</param>
    public static Command Create(IAnsiConsole? console)
    {
        var trace = new Option<FileInfo>("--trace") { Description = "The request trace: CSV with 'timestamp,requests', one row per minute (see samples/traces/README.md).", Required = true };
        var policy = new Option<FileInfo>("--policy") { Description = "The policy to backtest, a JSON document such as examples/policies/web-default.json.", Required = true };
        var model = new Option<FileInfo?>("--model") { Description = "The target model, JSON (docs/metrics.md); by default derived from the trace." };
        var compare = new Option<bool>("--compare") { Description = "Also replay the baselines: static-peak, azure-autoscale, hpa, react, hist and oracle." };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Write report.json, report.md and charts/*.svg to this directory." };
        var calibrate = new Option<double?>("--calibrate")
        {
            Description = "Set the policy's predictive and emergency targetPerInstance (on Requests) to this percentage of the simulated instance's capacity at the SLO, so a policy written for another app can be backtested on any trace.",
        };
        var sweep = new Option<bool>("--sweep") { Description = "Also replay every baseline across its main knob and report each as a frontier of (cost, SLO-violation minutes) points, with the best baseline's violations at the policy's own cost." };
        var command = new Command("simulate", "Backtest a policy over a trace in virtual time and measure it (SLO violations, cost, SPEC elasticity metrics, forecast accuracy).") { trace, policy, model, compare, report, calibrate, sweep };
        command.SetAction((result, cancellationToken) => ExecuteAsync(
            console ?? AnsiConsole.Console,
            result.GetValue(trace)!,
            result.GetValue(policy)!,
            result.GetValue(model),
            result.GetValue(compare),
            result.GetValue(report),
            result.GetValue(calibrate),
            result.GetValue(sweep),
            cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(IAnsiConsole console, FileInfo traceFile, FileInfo policyFile, FileInfo? modelFile, bool compare, DirectoryInfo? reportDirectory, double? calibrate, bool sweep, CancellationToken cancellationToken)
    {
        if (calibrate is { } wanted && !(wanted > 0 && wanted <= 100))
        {
            return Fail(console, string.Create(CultureInfo.InvariantCulture, $"--calibrate is {wanted}; expected a percentage of the instance's capacity above 0 and at most 100, such as 70."));
        }

        var (inputs, error) = await SimulationInputs.ReadAsync(traceFile, policyFile, modelFile, cancellationToken).ConfigureAwait(false);
        if (inputs is null)
        {
            return Fail(console, error!);
        }

        var (trace, policy) = (inputs.Trace, inputs.Policy);
        var (targetModel, modelError) = inputs.Model(trace, modelFile);
        if (targetModel is null)
        {
            return Fail(console, modelError!);
        }

        IReadOnlyList<string>? calibration = null;
        if (calibrate is { } percent)
        {
            (policy, calibration) = PolicyCalibration.ToModel(policy, targetModel, percent);
        }

        var strategies = new List<ScalingStrategy>();
        PolicyStrategy scalewise;
        try
        {
            scalewise = new PolicyStrategy(policy);
            strategies.Add(scalewise);
        }
        catch (ArgumentException ex)
        {
            return Fail(console, $"{policyFile.Name}: {ex.Message.Replace(" (Parameter 'policy')", string.Empty, StringComparison.Ordinal)}");
        }

        if (compare)
        {
            strategies.AddRange(Baselines.Create(trace, targetModel));
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = Backtester.Run(trace, targetModel, policy.Capacity, strategies, keepSeries: reportDirectory is not null);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);

        var simulationReport = SimulationReport.From(traceFile.Name, policyFile.Name, result) with { Calibration = calibration };
        if (sweep)
        {
            var frontiers = BaselineSweep.Run(trace, targetModel, policy.Capacity);
            var own = result.Strategies[0];
            simulationReport = simulationReport with { Frontiers = frontiers, SameCost = SameCostComparison.For(own.Name, own.InstanceMinutes, own.SloViolationMinutes, frontiers) };
        }

        Print(console, simulationReport, scalewise, elapsed);
        if (reportDirectory is not null)
        {
            try
            {
                await ReportWriter.WriteAsync(reportDirectory, simulationReport, result, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Fail(console, $"{reportDirectory.FullName}: {ex.Message}");
            }

            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Report written to [bold]{reportDirectory.FullName}[/] (report.json, report.md, charts/).");
        }

        return 0;
    }

    private static void Print(IAnsiConsole console, SimulationReport report, PolicyStrategy scalewise, TimeSpan elapsed)
    {
        var model = report.Model;
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Replayed [bold]{report.Trace}[/] ({report.Minutes:N0} minutes, {report.MissingMinutes:N0} without data) under [bold]{report.Policy}[/] in {elapsed.TotalSeconds:0.00} s.");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Target model: {model.CapacityPerInstance:0.##} requests/min per instance at the SLO, provisioning {model.ProvisioningDelay.TotalMinutes:0.##} min, warm-up {model.WarmUp.TotalMinutes:0.##} min, {model.PricePerInstanceHour:0.####}/instance-hour.");
        foreach (var change in report.Calibration ?? [])
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Calibrated: {change}.");
        }

        // Redirected output reports 80 columns; the table needs about 120 to stay readable in logs.
        if (!console.Profile.Capabilities.Interactive && console.Profile.Width < 120)
        {
            console.Profile.Width = 120;
        }

        var table = new Table().AddColumns("strategy", "violation min", "cost", "÷oracle", "θU %", "θO %", "τU %", "τO %", "jitter/h", "instab %", "actions");
        table.Columns[0].NoWrap();
        foreach (var s in report.Strategies)
        {
            table.AddRow(
                s.Name,
                N(s.SloViolationMinutes),
                F(s.Cost),
                s.CostRelativeToOracle is { } r ? F(r) : "-",
                F(s.ThetaU),
                F(s.ThetaO),
                F(s.TauU),
                F(s.TauO),
                F(s.Jitter),
                F(s.Instability),
                N(s.ScalingActions));
        }

        console.Write(table);
        if (scalewise.Actions.Count > 0)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{scalewise.Name} procedures by decision kind: {string.Join(", ", scalewise.Actions.OrderBy(a => a.Key).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key.ToString().ToLowerInvariant()} {a.Value:N0}")))}.");
        }

        if (report.SameCost is { } same)
        {
            if (same.BestBaseline is { } best)
            {
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"At its cost ({same.InstanceMinutes:N0} instance-minutes) the best baseline frontier is {best}: {same.BaselineViolationMinutes:N1} SLO-violation minutes against the policy's {same.SloViolationMinutes:N0}.");
            }
            else
            {
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"No baseline frontier reaches the policy's cost ({same.InstanceMinutes:N0} instance-minutes); frontiers: {string.Join(", ", report.Frontiers!.Select(f => f.Strategy))}.");
            }
        }

        foreach (var s in report.Strategies)
        {
            if (s.Forecast is { } f)
            {
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{s.Name} forecasts: {f.Forecasts:N0} made (one an hour), {f.Method ?? "none"} in force most hours; against {f.ScoredHours:N0} hours: MASE {(f.Mase is { } m ? m.ToString("0.000", CultureInfo.InvariantCulture) : "n/a")}, sMAPE {(f.Smape is { } p ? p.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a")}.");
            }
        }
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static int Fail(IAnsiConsole console, string message)
    {
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{message}[/]");
        return 2;
    }
}
