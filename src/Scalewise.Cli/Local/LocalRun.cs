using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Cli.Scenarios;
using Scalewise.Core.Decisions;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using Scalewise.LocalSupport;
using Scalewise.Orchestrations.Api;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Orchestrations.Procedures;
using Scalewise.Simulator.Hosting;

namespace Scalewise.Cli.Local;

/// <summary>
/// <c>scalewise run</c>: Azurite, the estate simulator and the in-process Durable host, wired to the same
/// handlers, orchestrators and activities the Functions app runs, replaying a scenario's load on a compressed clock.
/// </summary>
public sealed class LocalRun(RunOptions options, IAnsiConsole console)
{
    private static readonly TimeSpan Tick = TimerJobs.EvaluatePoliciesPeriod;
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan FinalProcedureWait = TimeSpan.FromSeconds(90);

    /// <summary>The CheckEmergencies timer's default period: the short emergency check between minute ticks.</summary>
    private static readonly TimeSpan EmergencyCheckInterval = TimerJobs.CheckEmergenciesPeriod;

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var scenario = RunScenarios.Find(options.Scenario);
        if (scenario is null)
        {
            console.MarkupLineInterpolated($"[red]Unknown scenario '{options.Scenario}'.[/] Known: {string.Join(", ", RunScenarios.Names)}.");
            return 2;
        }

        var parsed = PolicyDocument.Parse(scenario.PolicyJson);
        if (parsed.Policy is not { } parsedPolicy)
        {
            foreach (var error in parsed.Errors)
            {
                console.MarkupLineInterpolated($"[red]{error.Path}[/]: {error.Message}");
            }

            return 1;
        }

        var policy = scenario.ConfigurePolicy?.Invoke(parsedPolicy) ?? parsedPolicy;
        if (policy.Target.Kind != scenario.TargetKind)
        {
            console.MarkupLineInterpolated($"[red]Scenario '{scenario.Name}' simulates a {scenario.TargetKind}, but its policy targets a {policy.Target.Kind}.[/]");
            return 1;
        }

        console.MarkupLineInterpolated($"[bold]Scalewise local run[/] · scenario [blue]{scenario.Name}[/]: {scenario.Description}");
        console.MarkupLineInterpolated($"Replaying {scenario.Duration.TotalMinutes:0} minutes of load {options.Speed:0.#}x faster than real time.");

        var repositoryRoot = AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory);
        await using var azurite = options.StorageConnectionString is null
            ? await AzuriteProcess.StartAsync(repositoryRoot, tablesOnly: true, cancellationToken).ConfigureAwait(false)
            : null;
        var storage = options.StorageConnectionString ?? azurite!.ConnectionString;
        console.MarkupLineInterpolated($"Table Storage: {(azurite is null ? "the given connection string" : $"Azurite at {azurite.TableEndpoint}")}");

        // Held until the host is up: however long the simulator, Azurite and the Durable host take to start (a busy
        // machine), the scenario's first minute starts with its first tick, never part-way through its load.
        var clock = new CompressedTimeProvider(options.Speed, scenario.ClockStart ?? TruncateToMinute(DateTimeOffset.UtcNow), held: true);
        await using var simulator = await EstateSimulator.StartAsync(new EstateSimulatorOptions { TimeProvider = clock }, cancellationToken).ConfigureAwait(false);
        simulator.Estate.MetricLatency = scenario.MetricLatency ?? TimeSpan.Zero;
        var start = clock.GetUtcNow();
        var load = new ScenarioLoad(start, scenario.Phases, scenario.LoadBeforeStart);
        var target = ScenarioTarget.Add(simulator.Estate, scenario, policy, load);
        console.MarkupLineInterpolated($"Estate simulator (ARM + Azure Monitor): {simulator.BaseUri}");

        await using var app = LocalHost.Build(options.Port, storage, simulator, clock, options.Speed);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var apiUrl = app.Urls.First();
        console.MarkupLineInterpolated($"HTTP API: [link]{apiUrl}/api/targets/{policy.Id}/history[/] (POST {apiUrl}/api/targets/{policy.Id}/scale to scale by hand)");

        var services = app.Services;
        await services.GetRequiredService<IPolicyStore>().UpsertAsync(policy, ifMatch: null, cancellationToken).ConfigureAwait(false);
        var client = services.GetRequiredService<DurableTaskClient>();
        var jobs = services.GetRequiredService<TimerJobs>();
        var watcher = new ProcedureWatcher(client, console, clock);
        using var http = new HttpClient { BaseAddress = new Uri(apiUrl) };
        var run = new ScenarioRun(policy, client, http, console);

        console.WriteLine();
        clock.Start();
        var end = start + scenario.Duration;
        ScenarioPhase? shownPhase = null;
        var emergencies = TimerJobs.MayHaveEmergency(policy);
        var emergencyChecks = new List<DateTimeOffset>();
        var ticks = new List<TickSample>();
        DateTimeOffset? forecastHour = null;
        while (clock.GetUtcNow() < end)
        {
            var now = clock.GetUtcNow();
            var phase = load.PhaseAt(now);
            if (phase is not null && phase != shownPhase)
            {
                shownPhase = phase;
                console.MarkupLineInterpolated($"[grey]{Elapsed(clock, start)}[/] [bold]phase[/] {phase.Name}: {phase.ArrivalsPerSecond:0} arrivals/s for {phase.Duration.TotalMinutes:0} min");
            }

            console.MarkupLineInterpolated($"[grey]{Elapsed(clock, start)}[/] load {load.RequestsPerSecondAt(now):0} {(scenario.TargetKind == TargetKind.RedisCache ? "ops/s" : "rps")} · {target.Describe(now)}");
            ticks.Add(new TickSample(now, phase?.Name, load.RequestsPerSecondAt(now), target.Capacity, target.ReadyInstances));
            forecastHour = await ForecastWhenDueAsync(jobs, forecastHour, clock, start, cancellationToken).ConfigureAwait(false);
            foreach (var decision in await jobs.ApplySchedulesAsync(client, cancellationToken).ConfigureAwait(false))
            {
                ShowDecision(clock, start, decision);
            }

            if (emergencies)
            {
                emergencyChecks.Add(clock.GetUtcNow());
            }

            foreach (var decision in await jobs.EvaluatePoliciesAsync(client, cancellationToken).ConfigureAwait(false))
            {
                ShowDecision(clock, start, decision);
            }

            // Ticks stay on whole minutes from the start (a slow tick does not push the next ones back), as a timer's do.
            var nextTick = NextOnGrid(start, now, Tick);
            var nextCheck = NextOnGrid(start, clock.GetUtcNow(), EmergencyCheckInterval);
            while (clock.GetUtcNow() < nextTick)
            {
                await watcher.PollAsync(ProcedureIds.ForTarget(policy.Id), start, cancellationToken).ConfigureAwait(false);
                if (scenario.DuringRun is { } during)
                {
                    await during(run, cancellationToken).ConfigureAwait(false);
                }

                if (emergencies && clock.GetUtcNow() is var checkAt && checkAt >= nextCheck && checkAt < nextTick)
                {
                    emergencyChecks.Add(checkAt);
                    foreach (var decision in await jobs.CheckEmergenciesAsync(client, cancellationToken).ConfigureAwait(false))
                    {
                        ShowDecision(clock, start, decision);
                    }

                    nextCheck = NextOnGrid(start, clock.GetUtcNow(), EmergencyCheckInterval);
                }

                await Task.Delay(WaitBefore(clock, emergencies && nextCheck < nextTick ? nextCheck : nextTick), cancellationToken).ConfigureAwait(false);
            }
        }

        await watcher.WaitForEndAsync(ProcedureIds.ForTarget(policy.Id), start, FinalProcedureWait, cancellationToken).ConfigureAwait(false);

        var history = await http.GetFromJsonAsync<TargetHistory>($"/api/targets/{policy.Id}/history", ScalewiseJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The history endpoint returned nothing.");
        var summary = WithSkuSteps(Summarize(scenario.Name, history), policy) with
        {
            DecisionLog = [.. history.Decisions.OrderBy(d => d.DecidedAt).Select(d => new DecisionSummary(d.DecidedAt, Lower(d.Kind), d.Outcome.ToString(), d.CurrentCapacity, d.NewCapacity, d.Reason))],
            Phases = [.. load.Schedule().Select(p => new PhaseSummary(p.Phase.Name, p.StartsAt, p.Phase.Duration, p.Phase.ArrivalsPerSecond))],
            Ticks = ticks,
            EmergencyChecks = emergencies ? emergencyChecks : null,
            CapacityReports = history.Decisions.Any(d => d.Kind == DecisionKind.Emergency && d.RequiresAction)
                ? await FetchCapacityReportsAsync(http, policy.Id, cancellationToken).ConfigureAwait(false)
                : null,
        };
        ShowSummary(summary);
        if (options.Summary is { } file)
        {
            await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(summary, ScalewiseJson.Indented), cancellationToken).ConfigureAwait(false);
            console.MarkupLineInterpolated($"Summary written to {file.FullName}");
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    private void ShowDecision(CompressedTimeProvider clock, DateTimeOffset start, ScalingDecision decision)
    {
        var colour = decision.Outcome switch
        {
            DecisionOutcome.Scale => decision.Direction == ScaleDirection.Increase ? "green" : "yellow",
            DecisionOutcome.NoChange => "grey",
            _ => "blue",
        };
        if (decision.Outcome == DecisionOutcome.NoChange)
        {
            return;
        }

        console.MarkupLineInterpolated($"[grey]{Elapsed(clock, start)}[/] [{colour}]decision {decision.Kind}/{decision.Outcome}[/] {decision.Reason}");
    }

    private void ShowSummary(RunSummary summary)
    {
        console.WriteLine();
        var table = new Table().AddColumns("procedure", "kind", "from", "to", "outcome", "steps");
        foreach (var procedure in summary.Procedures)
        {
            table.AddRow(
                Markup.Escape(procedure.InstanceId),
                procedure.Kind,
                procedure.FromSku ?? procedure.From.ToString(CultureInfo.InvariantCulture),
                procedure.ToSku ?? procedure.To.ToString(CultureInfo.InvariantCulture),
                procedure.Outcome,
                Markup.Escape(string.Join(" → ", procedure.Steps.Select(s => s.Name))));
        }

        console.Write(table);
        if (summary.StepsUp is { } up && summary.StepsDown is { } down)
        {
            console.MarkupLineInterpolated($"[bold]{up}[/] SKU steps up, [bold]{down}[/] SKU steps down, [bold]{summary.Decisions}[/] decisions recorded for {summary.Target}.");
            return;
        }

        console.MarkupLineInterpolated($"[bold]{summary.ScaleOuts}[/] scale-outs, [bold]{summary.ScaleIns}[/] scale-ins, [bold]{summary.Decisions}[/] decisions recorded for {summary.Target}.");
    }

    private static RunSummary Summarize(string scenario, TargetHistory history)
    {
        var procedures = history.Procedures
            .OrderBy(p => p.StartedAt)
            .Select(p => new ProcedureSummary(
                p.InstanceId,
                history.Target,
                Lower(p.Kind),
                p.FromCapacity,
                p.ToCapacity,
                p.Outcome?.ToString() ?? "Running",
                [.. p.Steps.Select(s => new StepSummary(s.Name, s.StartedAt, s.EndedAt, s.Result))])
            {
                FromSku = p.FromSku,
                ToSku = p.ToSku,
            })
            .ToList();
        var succeeded = history.Procedures.Where(p => p.Outcome == ProcedureOutcome.Succeeded).ToList();
        var byKind = Enum.GetValues<DecisionKind>().ToDictionary(Lower, kind => history.Decisions.Count(d => d.Kind == kind));
        return new RunSummary(
            scenario,
            history.Target,
            succeeded.Count(p => p.ToCapacity > p.FromCapacity),
            succeeded.Count(p => p.ToCapacity < p.FromCapacity),
            history.Decisions.Count,
            byKind,
            procedures);
    }

    /// <summary>For a vertical policy, how many succeeded procedures stepped the SKU up and down its ladder.</summary>
    private static RunSummary WithSkuSteps(RunSummary summary, ScalingPolicy policy)
    {
        if (!SkuLadderMoves.IsVerticalKind(policy.Target.Kind))
        {
            return summary;
        }

        var ladder = SkuLadderMoves.LadderOf(policy);
        var steps = summary.Procedures
            .Where(p => p.Outcome == nameof(ProcedureOutcome.Succeeded))
            .Select(p => SkuLadderMoves.Steps(ladder, p.FromSku, p.ToSku) ?? 0)
            .ToList();
        return summary with { StepsUp = steps.Count(s => s > 0), StepsDown = steps.Count(s => s < 0) };
    }

#pragma warning disable CA1308 // The summary's kinds are lower-case words ("reactive", "manual"), as the issue specifies.
    private static string Lower(DecisionKind kind) => kind.ToString().ToLowerInvariant();
#pragma warning restore CA1308

    /// <summary>
    /// Runs the ForecastDemand tick when it is due, as its hourly timer would: at the first tick (so a predictive policy has a
    /// forecast from the start) and at the first tick of every simulated hour. Returns the hour it last ran in.
    /// </summary>
    private async Task<DateTimeOffset?> ForecastWhenDueAsync(TimerJobs jobs, DateTimeOffset? lastHour, CompressedTimeProvider clock, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        if (hour == lastHour)
        {
            return lastHour;
        }

        foreach (var forecast in await jobs.ForecastDemandAsync(cancellationToken).ConfigureAwait(false))
        {
            var peak = forecast.Points.Take(24).MaxBy(p => p.Demand);
            var accuracy = forecast.Accuracy is { Mase: { } mase } a
                ? string.Create(CultureInfo.InvariantCulture, $"MASE {mase:0.###} (seasonal naive {a.BaselineMase:0.###})")
                : "accuracy not measured";
            console.MarkupLineInterpolated($"[grey]{Elapsed(clock, start)}[/] [purple]forecast[/] {forecast.Method}: {forecast.Points.Count} h ahead, next 24 h peak {peak?.Demand:#,0} in the hour from {peak?.Hour:HH:mm} UTC; {accuracy}");
        }

        return hour;
    }

    /// <summary>
    /// The target's post-event capacity reports from the run's own API (<c>GET /api/targets/{target}/capacity-reports</c>), or null
    /// when it has none or does not serve that route (404).
    /// </summary>
    private static async Task<JsonElement?> FetchCapacityReportsAsync(HttpClient http, string target, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"/api/targets/{Uri.EscapeDataString(target)}/capacity-reports", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(ScalewiseJson.Options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first point after <paramref name="now"/> of the grid <paramref name="start"/> + k × <paramref name="period"/>.</summary>
    private static DateTimeOffset NextOnGrid(DateTimeOffset start, DateTimeOffset now, TimeSpan period) =>
        start + (period * (Math.Floor((now - start) / period) + 1));

    /// <summary>How long to sleep before the next poll: the watch interval, or less when <paramref name="due"/> comes sooner.</summary>
    private static TimeSpan WaitBefore(CompressedTimeProvider clock, DateTimeOffset due)
    {
        var wait = clock.ToRealTime(due - clock.GetUtcNow());
        return wait >= WatchInterval ? WatchInterval : wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1);
    }

    private static string Elapsed(TimeProvider clock, DateTimeOffset start) =>
        (clock.GetUtcNow() - start).ToString(@"\+hh\:mm\:ss", CultureInfo.InvariantCulture);

    private static DateTimeOffset TruncateToMinute(DateTimeOffset time) => new(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0, TimeSpan.Zero);
}
