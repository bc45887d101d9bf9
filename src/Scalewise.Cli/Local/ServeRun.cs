using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Ports;
using Scalewise.LocalSupport;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Simulator.Hosting;

namespace Scalewise.Cli.Local;

/// <summary>
/// <c>scalewise serve</c>: the local host (<see cref="LocalHost"/>, as <c>scalewise run</c> starts it) over Azurite and the
/// estate simulator with the <see cref="DemoFleet"/>, the timers on a compressed clock, and the HTTP API and dashboard on
/// 127.0.0.1, until Ctrl+C or <see cref="ServeOptions.RunFor"/>. <see cref="StartAsync"/> starts it for tests.
/// </summary>
public sealed class ServeRun : IAsyncDisposable
{
    public const string DashboardPrefix = "Dashboard: ";

    public const string DashboardPath = "/api/dashboard/";

    private readonly AzuriteProcess? azurite;
    private readonly EstateSimulator simulator;
    private readonly WebApplication app;
    private readonly CompressedTimeProvider clock;

    private ServeRun(AzuriteProcess? azurite, EstateSimulator simulator, WebApplication app, CompressedTimeProvider clock, IReadOnlyList<ScalingPolicy> policies)
    {
        this.azurite = azurite;
        this.simulator = simulator;
        this.app = app;
        this.clock = clock;
        Policies = policies;
        BaseUri = new Uri(app.Urls.First());
    }

    /// <summary>The HTTP API's and dashboard's root (<c>http://127.0.0.1:port</c>).</summary>
    public Uri BaseUri { get; }

    public Uri DashboardUri => new(BaseUri, DashboardPath);

    public IReadOnlyList<ScalingPolicy> Policies { get; }

    public Simulator.Estate Estate => simulator.Estate;

    public TimeProvider Clock => clock;

    public IServiceProvider Services => app.Services;

    /// <summary>Starts Azurite (unless a connection string is given), the simulator with the demo fleet, the host, and stores the fleet's policies.</summary>
    public static async Task<ServeRun> StartAsync(ServeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var azurite = options.StorageConnectionString is null
            ? await AzuriteProcess.StartAsync(AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory), tablesOnly: true, cancellationToken).ConfigureAwait(false)
            : null;
        EstateSimulator? simulator = null;
        WebApplication? app = null;
        try
        {
            // From the real time now, so the compressed clock is never behind the Durable host's (procedure steps use that one).
            var clock = new CompressedTimeProvider(options.Speed, DateTimeOffset.UtcNow, held: true);
            simulator = await EstateSimulator.StartAsync(new EstateSimulatorOptions { TimeProvider = clock }, cancellationToken).ConfigureAwait(false);
            var policies = DemoFleet.Populate(simulator.Estate);
            app = LocalHost.Build(options.Port, options.StorageConnectionString ?? azurite!.ConnectionString, simulator, clock, options.Speed);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var store = app.Services.GetRequiredService<IPolicyStore>();
            foreach (var policy in policies)
            {
                await store.UpsertAsync(policy, ifMatch: null, cancellationToken).ConfigureAwait(false);
            }

            clock.Start();
            return new ServeRun(azurite, simulator, app, clock, policies);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            if (simulator is not null)
            {
                await simulator.DisposeAsync().ConfigureAwait(false);
            }

            if (azurite is not null)
            {
                await azurite.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>
    /// Runs the timers until <paramref name="cancellationToken"/> is cancelled, on whole simulated minutes as the Functions
    /// timers do: ForecastDemand at the first tick of each hour, ApplySchedules and EvaluatePolicies every minute,
    /// CheckEmergencies every 15 seconds. <paramref name="onDecision"/> sees every decision that changes something.
    /// </summary>
    public async Task RunTimersAsync(Action<ScalingDecision> onDecision, Action<Exception> onFailure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onDecision);
        ArgumentNullException.ThrowIfNull(onFailure);
        var jobs = app.Services.GetRequiredService<TimerJobs>();
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        var emergencies = Policies.Any(TimerJobs.MayHaveEmergency);
        var start = clock.GetUtcNow();
        DateTimeOffset? forecastHour = null;
        var nextTick = start;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            try
            {
                if (now >= nextTick)
                {
                    var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
                    if (hour != forecastHour)
                    {
                        await jobs.ForecastDemandAsync(cancellationToken).ConfigureAwait(false);
                        forecastHour = hour;
                    }

                    Show(await jobs.ApplySchedulesAsync(client, cancellationToken).ConfigureAwait(false), onDecision);
                    Show(await jobs.EvaluatePoliciesAsync(client, cancellationToken).ConfigureAwait(false), onDecision);
                    nextTick = start + (TimerJobs.EvaluatePoliciesPeriod * (Math.Floor((clock.GetUtcNow() - start) / TimerJobs.EvaluatePoliciesPeriod) + 1));
                }
                else if (emergencies)
                {
                    Show(await jobs.CheckEmergenciesAsync(client, cancellationToken).ConfigureAwait(false), onDecision);
                }
            }
#pragma warning disable CA1031 // A failed tick is reported and the next one runs, as a timer's would.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                onFailure(ex);
            }

            var wait = clock.ToRealTime(emergencies ? TimerJobs.CheckEmergenciesPeriod : nextTick - clock.GetUtcNow());
            var untilTick = clock.ToRealTime(nextTick - clock.GetUtcNow());
            await Task.Delay(Clamp(untilTick < wait ? untilTick : wait), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        await simulator.DisposeAsync().ConfigureAwait(false);
        if (azurite is not null)
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void Show(IEnumerable<ScalingDecision> decisions, Action<ScalingDecision> onDecision)
    {
        foreach (var decision in decisions.Where(d => d.Outcome != DecisionOutcome.NoChange))
        {
            onDecision(decision);
        }
    }

    private static TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
}
