using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Cli.Local;
using Scalewise.Core.Decisions;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;
using Scalewise.LocalSupport;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Simulator.Hosting;

namespace Scalewise.Cli.Campaign;

/// <summary>
/// <c>scalewise campaign</c>: one Azurite, one estate simulator and one local host (the same handlers, orchestrators and
/// activities as <c>scalewise run</c>) serve every run; runs go in batches of <see cref="CampaignOptions.Parallel"/>, each
/// on its own scale set and policy, through the real ticks and procedures on the compressed clock, faults applied as
/// planned and the invariants checked after every step and at the end.
/// </summary>
public sealed class CampaignRunner(CampaignOptions options, TextWriter output)
{
    private static readonly TimeSpan Tick = TimerJobs.EvaluatePoliciesPeriod;
    private static readonly TimeSpan EmergencyCheck = TimerJobs.CheckEmergenciesPeriod;
    private static readonly TimeSpan StepInterval = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// How long (real time) a batch's procedures get to end once its load is over. The procedure's own waits are real time
    /// in the local host (only the policy's durations are compressed): up to 6 deferrals of 30 s after a 409, a 3-minute
    /// provisioning budget, the same again for a rollback, and the retries' backoff; a procedure still running after this
    /// is stuck.
    /// </summary>
    private static readonly TimeSpan FinalWait = TimeSpan.FromMinutes(15);

    private const string InstancePrefix = "scale-campaign-";

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var clock = new CompressedTimeProvider(options.Speed, DateTimeOffset.UtcNow, held: true);
        var root = AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory);
        await using var azurite = await AzuriteProcess.StartAsync(root, tablesOnly: true, cancellationToken).ConfigureAwait(false);
        await using var simulator = await EstateSimulator.StartAsync(new EstateSimulatorOptions { TimeProvider = clock }, cancellationToken).ConfigureAwait(false);
        await using var receiver = await NotificationReceiver.StartAsync(clock, cancellationToken).ConfigureAwait(false);
        var tableFaults = new TableFaults(clock);
        using var tableHttp = new HttpClient(new TableFaultHandler(tableFaults));
        await using var app = LocalHost.Build(new LocalHostSettings(azurite.ConnectionString, simulator, clock, clock.Compression, 0)
        {
            MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.None,
            Settings = new Dictionary<string, string?> { ["Scalewise:Notifications:WebhookUrl"] = receiver.Url.ToString() },
            ConfigureServices = services => services.AddSingleton(new TableServiceClient(azurite.ConnectionString, new TableClientOptions { Transport = new HttpClientTransport(tableHttp) })),
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        clock.Start();
        var context = new CampaignHost(app, simulator, receiver, tableFaults, clock);
        var runs = new List<CampaignRun>();
        var started = DateTimeOffset.UtcNow;
        foreach (var batch in Enumerable.Range(0, options.Runs).Select(k => options.Seed + k).Chunk(options.Parallel))
        {
            foreach (var run in await RunBatchAsync(context, batch, cancellationToken).ConfigureAwait(false))
            {
                Report(run);
                runs.Add(run);
            }
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        var result = CampaignResult.Of(runs);
        var elapsed = DateTimeOffset.UtcNow - started;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{runs.Count} runs in {elapsed.TotalSeconds:0} s ({elapsed.TotalSeconds / Math.Max(1, runs.Count):0.0} s per run), {result.InvariantViolations} invariant violations.")).ConfigureAwait(false);
        await output.WriteLineAsync(result.ToJsonLine()).ConfigureAwait(false);
        return result.InvariantViolations == 0 ? 0 : 1;
    }

    private static async Task<IReadOnlyList<CampaignRun>> RunBatchAsync(CampaignHost host, int[] seeds, CancellationToken cancellationToken)
    {
        var services = host.App.Services;
        var client = services.GetRequiredService<DurableTaskClient>();
        var jobs = services.GetRequiredService<TimerJobs>();
        var policies = services.GetRequiredService<IPolicyStore>();
        var start = host.Clock.GetUtcNow();
        var runs = seeds.Select(seed => CampaignRun.Add(host.Simulator.Estate, RunPlanner.Draw(seed), start)).ToList();
        foreach (var run in runs)
        {
            await policies.UpsertAsync(run.Plan.Policy, ifMatch: null, cancellationToken).ConfigureAwait(false);
        }

        var end = start + runs.Max(r => r.Plan.Duration);
        var emergencies = runs.Any(r => TimerJobs.MayHaveEmergency(r.Plan.Policy));
        var nextTick = start;
        var nextCheck = start + EmergencyCheck;
        // A slow tick (Table Storage retrying through an outage, a busy machine) can carry the clock past a fault's time; the
        // batch goes on until every planned fault has been applied, late rather than never.
        while (host.Clock.GetUtcNow() < end || runs.Exists(r => r.HasUnstartedFaults))
        {
            var now = host.Clock.GetUtcNow();
            ApplyFaults(host, runs, now);
            if (now >= nextTick)
            {
                await TickAsync(runs, () => jobs.ApplySchedulesAsync(client, cancellationToken)).ConfigureAwait(false);
                await TickAsync(runs, () => jobs.EvaluatePoliciesAsync(client, cancellationToken)).ConfigureAwait(false);
                nextTick = NextOnGrid(start, now, Tick);
            }
            else if (emergencies && now >= nextCheck)
            {
                await TickAsync(runs, () => jobs.CheckEmergenciesAsync(client, cancellationToken)).ConfigureAwait(false);
                nextCheck = NextOnGrid(start, now, EmergencyCheck);
            }

            var running = await RunningAsync(client, cancellationToken).ConfigureAwait(false);
            foreach (var run in runs)
            {
                CampaignInvariants.CheckStep(run, running, host.Clock.GetUtcNow());
            }

            await Task.Delay(StepInterval, cancellationToken).ConfigureAwait(false);
        }

        EndFaults(host, runs);
        await WaitForProceduresAsync(host, client, runs, cancellationToken).ConfigureAwait(false);
        foreach (var run in runs)
        {
            await CampaignInvariants.CheckEndAsync(run, client, services, host.Receiver, cancellationToken).ConfigureAwait(false);
            await policies.DeleteAsync(run.PolicyId, ifMatch: null, cancellationToken).ConfigureAwait(false);
        }

        return runs;
    }

    /// <summary>Runs one timer job; the decisions it made are the runs' to find in the log later. A tick that throws breaks the promise that it records nothing wrong and retries next time.</summary>
    private static async Task TickAsync(List<CampaignRun> runs, Func<Task<IReadOnlyList<ScalingDecision>>> job)
    {
        try
        {
            foreach (var decision in await job().ConfigureAwait(false))
            {
                if (decision.IsWorthRecording && runs.Find(r => r.PolicyId == decision.PolicyId) is { } run)
                {
                    run.Decisions.Add(decision);
                }
            }
        }
#pragma warning disable CA1031 // Any exception out of a timer job is a finding, recorded against every run it may concern.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var run in runs)
            {
                run.Violation($"a timer job threw {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    private static void ApplyFaults(CampaignHost host, List<CampaignRun> runs, DateTimeOffset now)
    {
        foreach (var run in runs)
        {
            var (starting, ending) = run.Due(now);
            foreach (var fault in starting)
            {
                var until = now + fault.Lasting;
                switch (fault.Kind)
                {
                    case CampaignFault.TableUnavailable:
                        host.TableFaults.Outage(run.PolicyId, until);
                        break;
                    case CampaignFault.TableConflict:
                        host.TableFaults.Conflicts(run.PolicyId, fault.Times);
                        break;
                    case CampaignFault.NotificationDown:
                        host.Receiver.Down(run.PolicyId, until);
                        break;
                    default:
                        run.StartSimulatorFault(host.Simulator.Estate, fault);
                        break;
                }
            }

            foreach (var fault in ending)
            {
                run.EndSimulatorWindows(host.Simulator.Estate, fault.Kind);
            }
        }
    }

    private static void EndFaults(CampaignHost host, List<CampaignRun> runs)
    {
        host.Simulator.Estate.Faults.Clear();
        foreach (var run in runs)
        {
            run.EndAllSimulatorFaults(host.Simulator.Estate);
        }

        host.TableFaults.Clear();
        host.Receiver.AllUp();
    }

    private static async Task WaitForProceduresAsync(CampaignHost host, DurableTaskClient client, List<CampaignRun> runs, CancellationToken cancellationToken)
    {
        var ids = runs.Select(r => ProcedureIds.ForTarget(r.PolicyId)).ToHashSet(StringComparer.Ordinal);
        var history = host.App.Services.GetRequiredService<IProcedureHistory>();
        var deadline = DateTimeOffset.UtcNow + FinalWait;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var running = await RunningAsync(client, cancellationToken).ConfigureAwait(false);
            foreach (var run in runs)
            {
                CampaignInvariants.CheckStep(run, running, host.Clock.GetUtcNow());
            }

            // A procedure the last tick launched may not show in Durable's query yet; its open history row does.
            if (!running.Any(i => ids.Contains(i.InstanceId)) && !await AnyOpenRecordAsync(history, runs, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(StepInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> AnyOpenRecordAsync(IProcedureHistory history, List<CampaignRun> runs, CancellationToken cancellationToken)
    {
        foreach (var run in runs)
        {
            if ((await history.ListAsync(run.PolicyId, 5, cancellationToken).ConfigureAwait(false)).Any(p => p.Outcome is null))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<IReadOnlyList<OrchestrationMetadata>> RunningAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = InstancePrefix,
            Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended],
        };
        var found = new List<OrchestrationMetadata>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            found.Add(instance);
        }

        return found;
    }

    private void Report(CampaignRun run)
    {
        var plan = run.Plan;
        var faults = string.Join(", ", plan.Faults.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Kind}@{f.At.TotalMinutes:0.#}m")));
        var procedures = run.ProceduresByOutcome.Count == 0 ? "none" : string.Join(", ", run.ProceduresByOutcome.Select(p => $"{p.Value} {p.Key}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run seed {plan.Seed}: {plan.PolicySource}, capacity {plan.InitialCapacity}, {plan.Duration.TotalMinutes:0} min; faults {faults}; procedures {procedures}; {(run.Violations.Count == 0 ? "ok" : $"{run.Violations.Count} VIOLATIONS")}"));
        foreach (var violation in run.Violations)
        {
            output.WriteLine($"  violation (seed {plan.Seed}): {violation}");
        }

        if (run.Violations.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  replay: scalewise campaign --runs 1 --seed {plan.Seed}"));
        }
    }

    private static DateTimeOffset NextOnGrid(DateTimeOffset start, DateTimeOffset now, TimeSpan period) =>
        start + (period * (Math.Floor((now - start) / period) + 1));

    /// <summary>What the batches share: the host, the simulator, the notification receiver, the Table faults and the clock.</summary>
    private sealed class CampaignHost(WebApplication app, EstateSimulator simulator, NotificationReceiver receiver, TableFaults tableFaults, CompressedTimeProvider clock)
    {
        public WebApplication App => app;

        public EstateSimulator Simulator => simulator;

        public NotificationReceiver Receiver => receiver;

        public TableFaults TableFaults => tableFaults;

        public CompressedTimeProvider Clock => clock;

    }
}
