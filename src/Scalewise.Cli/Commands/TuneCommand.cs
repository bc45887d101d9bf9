using Scalewise.Backtest;
using Scalewise.Backtest.Frontiers;
using Scalewise.Backtest.Strategies;
using Scalewise.Backtest.Tuning;
using Scalewise.Cli.Reports;
using Scalewise.Core.Traces;

namespace Scalewise.Cli.Commands;

/// <summary>
/// <c>scalewise tune</c>: searches a policy's knobs for the lowest cost within a violation budget on the first two thirds
/// of a trace, then reports the original and the tuned policy on the last third, which the search never replayed, beside
/// the baselines' frontiers there. Writes the tuned policy (valid, its description saying what changed) and the report.
/// </summary>
public static class TuneCommand
{
    public const string OriginalName = "original";
    public const string TunedName = "tuned";

    public static Command Create() => Create(null);

    /// <param name="console">Where to write; the process's console when null.</param>
    public static Command Create(IAnsiConsole? console)
    {
        var trace = new Option<FileInfo>("--trace") { Description = "The request trace: CSV with 'timestamp,requests', one row per minute (see samples/traces/README.md).", Required = true };
        var policy = new Option<FileInfo>("--policy") { Description = "The policy to tune, a JSON document such as examples/policies/web-default.json.", Required = true };
        var budget = new Option<int?>("--max-violation-minutes") { Description = "The most SLO-violation minutes allowed on the tuning part; by default the original policy's own there." };
        var model = new Option<FileInfo?>("--model") { Description = "The target model, JSON (docs/metrics.md); by default derived from the tuning part of the trace." };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the tuned policy; by default <policy>.tuned.json in the current directory." };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Write report.json, report.md and charts/*.svg for the held-out part to this directory." };
        var command = new Command("tune", "Tune a policy's thresholds, steps, cooldowns and stabilization on the first two thirds of a trace for the lowest cost within a violation budget, and report it on the last third.") { trace, policy, budget, model, output, report };
        command.SetAction((result, cancellationToken) => ExecuteAsync(
            console ?? AnsiConsole.Console,
            result.GetValue(trace)!,
            result.GetValue(policy)!,
            result.GetValue(budget),
            result.GetValue(model),
            result.GetValue(output),
            result.GetValue(report),
            cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(IAnsiConsole console, FileInfo traceFile, FileInfo policyFile, int? budget, FileInfo? modelFile, FileInfo? outputFile, DirectoryInfo? reportDirectory, CancellationToken cancellationToken)
    {
        if (budget is < 0)
        {
            return Fail(console, string.Create(CultureInfo.InvariantCulture, $"--max-violation-minutes is {budget}; expected 0 or more minutes."));
        }

        var (inputs, error) = await SimulationInputs.ReadAsync(traceFile, policyFile, modelFile, cancellationToken).ConfigureAwait(false);
        if (inputs is null)
        {
            return Fail(console, error!);
        }

        if (inputs.Trace.Length < TuningSplit.MinimumMinutes)
        {
            return Fail(console, string.Create(CultureInfo.InvariantCulture, $"{traceFile.Name}: {inputs.Trace.Length} minutes is too short to tune on two thirds and report on the rest; use at least {TuningSplit.MinimumMinutes}."));
        }

        var (tuningPart, heldOut) = TuningSplit.Split(inputs.Trace);
        var (targetModel, modelError) = inputs.Model(tuningPart, modelFile);
        if (targetModel is null)
        {
            return Fail(console, modelError!);
        }

        var tuning = PolicyTuner.Tune(inputs.Policy, tuningPart, targetModel, budget);
        var tuned = tuning.Policy with { Description = Describe(inputs.Policy, tuning, traceFile.Name, tuningPart) };
        var tunedPath = outputFile?.FullName ?? Path.GetFullPath(Path.GetFileNameWithoutExtension(policyFile.Name) + ".tuned.json");
        await File.WriteAllTextAsync(tunedPath, PolicyDocument.Serialize(tuned) + "\n", cancellationToken).ConfigureAwait(false);

        // The report replays only the held-out part: nothing the search saw is measured again here.
        var strategies = new List<ScalingStrategy> { new PolicyStrategy(inputs.Policy, OriginalName), new PolicyStrategy(tuned, TunedName) };
        strategies.AddRange(Baselines.Create(heldOut, targetModel));
        var result = Backtester.Run(heldOut, targetModel, inputs.Policy.Capacity, strategies, keepSeries: reportDirectory is not null);
        var frontiers = BaselineSweep.Run(heldOut, targetModel, inputs.Policy.Capacity);
        var tunedResult = result.Strategies[1];
        var simulationReport = SimulationReport.From(traceFile.Name, policyFile.Name, result) with
        {
            Frontiers = frontiers,
            SameCost = SameCostComparison.For(TunedName, tunedResult.InstanceMinutes, tunedResult.SloViolationMinutes, frontiers),
            Tuning = new TuningReport(
                tuningPart.Start, tuningPart.Length, heldOut.Start, heldOut.Length, tuning.ViolationBudget,
                tuning.OriginalInstanceMinutes, tuning.OriginalSloViolationMinutes, tuning.TunedInstanceMinutes, tuning.TunedSloViolationMinutes,
                tuning.Replays, tuning.Steps),
        };

        Print(console, simulationReport, tunedPath);
        if (reportDirectory is not null)
        {
            await ReportWriter.WriteAsync(reportDirectory, simulationReport, result, cancellationToken).ConfigureAwait(false);
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Report written to [bold]{reportDirectory.FullName}[/] (report.json, report.md, charts/).");
        }

        return 0;
    }

    private static string Describe(ScalingPolicy original, TuningResult tuning, string trace, WorkloadTrace tuningPart)
    {
        var moves = tuning.Steps.Count == 0
            ? "no knob beat the original within the budget, so nothing changed"
            : string.Join("; ", tuning.Steps.Select(s => $"{s.Knob} {s.From} → {s.To}"));
        return string.Create(CultureInfo.InvariantCulture, $"{original.Description} Tuned by scalewise tune on {trace}, {tuningPart.Length:N0} minutes from {tuningPart.Start:yyyy-MM-dd HH:mm}Z, for the lowest cost within {tuning.ViolationBudget:N0} SLO-violation minutes: {moves}.").Trim();
    }

    private static void Print(IAnsiConsole console, SimulationReport report, string tunedPath)
    {
        var tuning = report.Tuning!;
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Tuned on {tuning.TunedMinutes:N0} minutes from {tuning.TunedFrom:yyyy-MM-dd HH:mm}Z ({tuning.Replays:N0} replays): {tuning.OriginalInstanceMinutes:N0} → {tuning.TunedInstanceMinutes:N0} instance-minutes, {tuning.OriginalSloViolationMinutes:N0} → {tuning.TunedSloViolationMinutes:N0} SLO-violation minutes (budget {tuning.ViolationBudget:N0}).");
        foreach (var step in tuning.Steps)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  {step.Knob}: {step.From} → {step.To} ({step.InstanceMinutes:N0} instance-minutes, {step.SloViolationMinutes:N0} violation minutes)");
        }

        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Held out, never replayed while tuning: {tuning.ReportedMinutes:N0} minutes from {tuning.ReportedFrom:yyyy-MM-dd HH:mm}Z.");
        foreach (var s in report.Strategies)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  {s.Name}: {s.InstanceMinutes:N0} instance-minutes, {s.SloViolationMinutes:N0} SLO-violation minutes, cost / oracle {(s.CostRelativeToOracle is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "n/a")}");
        }

        if (report.SameCost is { BestBaseline: { } best } same)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"At the tuned policy's cost the best baseline frontier is {best}: {same.BaselineViolationMinutes:N1} SLO-violation minutes against {same.SloViolationMinutes:N0}.");
        }

        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Tuned policy written to [bold]{tunedPath}[/].");
    }

    private static int Fail(IAnsiConsole console, string message)
    {
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{message}[/]");
        return 2;
    }
}
