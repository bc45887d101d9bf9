using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scalewise.Azure;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Core.Targets;
using Scalewise.LocalSupport;
using Scalewise.Orchestrations;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Orchestrations.Procedures;
using Scalewise.Simulator.Hosting;
using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Orchestrations.Tests;

/// <summary>
/// The real parts, started once for the orchestration tests: Azurite for Table Storage, the estate simulator for
/// ARM and Azure Monitor over HTTPS, and the in-process Durable Task host running Scalewise's registry.
/// </summary>
public sealed class LocalEstateFixture : IAsyncLifetime
{
    public static readonly TimeSpan ProvisioningDelay = TimeSpan.FromSeconds(2);

    /// <summary>A setting's value that stands for the simulator's URL (known only once it started), e.g. for <c>Scalewise:Metrics:BatchEndpoint</c>.</summary>
    public const string SimulatorUrl = "{simulator}";

    /// <summary>The VM size of every scale set <see cref="AddTargetAsync"/> adds; configuration prices it at $0.10 an hour.</summary>
    public const string ScaleSetSku = "Standard_D2s_v3";

    private readonly TimeProvider? clock;
    private readonly TimeProvider? estateClock;
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly ProcedureClock? procedureClock;
    private AzuriteProcess? azurite;
    private EstateSimulator? simulator;
    private DurableTaskTestHost? host;

    public LocalEstateFixture()
        : this(null, null, new Dictionary<string, string?>())
    {
    }

    /// <summary>
    /// The same parts on a clock the test moves: <paramref name="clock"/> for the evaluation, the activities and the cooldowns,
    /// <paramref name="estateClock"/> for the simulator; <paramref name="settings"/> override the configuration.
    /// </summary>
    internal LocalEstateFixture(TimeProvider? clock, TimeProvider? estateClock, IReadOnlyDictionary<string, string?> settings, ProcedureClock? procedureClock = null)
    {
        this.clock = clock;
        this.estateClock = estateClock;
        this.settings = settings;
        this.procedureClock = procedureClock;
    }

    public EstateSimulator Simulator => simulator ?? throw new InvalidOperationException("Not started.");

    public DurableTaskTestHost Host => host ?? throw new InvalidOperationException("Not started.");

    public IServiceProvider Services => Host.Services;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync(AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory), tablesOnly: true, CancellationToken.None);
        simulator = await EstateSimulator.StartAsync(new EstateSimulatorOptions { TimeProvider = estateClock ?? TimeProvider.System });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scalewise:Tables:ConnectionString"] = azurite.ConnectionString,
            ["Scalewise:Arm:Endpoint"] = simulator.BaseUri.ToString(),
            ["Scalewise:Arm:TrustedCertificateThumbprint"] = simulator.CertificateThumbprint,
            ["Scalewise:Arm:StaticBearerToken"] = "orchestration-tests",
            ["Scalewise:Metrics:ApplyIngestionLatency"] = "false",
            ["Scalewise:Procedures:ProvisioningPollInterval"] = "00:00:00.500",
            ["Scalewise:Procedures:ProvisioningTimeout"] = "00:00:30",
            ["Scalewise:Procedures:DefaultRetryAfter"] = "00:00:01",
            [$"{PriceOptions.SectionName}:{ScaleSetSku}"] = "0.10",
            ["Scalewise:Procedures:EmergencyVerifyInterval"] = "00:00:00.500",
            ["Scalewise:Procedures:EmergencyObservationPeriod"] = "00:00:02",
            ["Scalewise:Procedures:EmergencyObservationInterval"] = "00:00:00.500",
            ["Scalewise:Targets:RedisExportContainer"] = "https://exports.blob.core.windows.net/redis?sv=2024-11-04&sig=simulated",
        }).AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => s.Value == SimulatorUrl ? simulator.BaseUri.ToString() : s.Value)).Build();
        host = await DurableTaskTestHost.StartAsync(
            registry => registry.AddScalewiseTasks(),
            new DurableTaskTestHostOptions
            {
                Port = LocalPorts.Free(),
                LoggerFactory = Environment.GetEnvironmentVariable("SCALEWISE_TEST_LOGS") is null ? null : Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Information)),
                ConfigureServices = services =>
                {
                    services.AddSingleton<IConfiguration>(configuration);
                    if (clock is not null)
                    {
                        services.AddSingleton(clock);
                    }

                    if (procedureClock is not null)
                    {
                        services.AddSingleton(procedureClock);
                    }

                    services.AddScalewiseAzure(configuration);
                    services.AddScalewiseProcedures(configuration);
                },
            });
    }

    /// <summary>A new scale set in the simulator and a stored policy for it, named uniquely for one test.</summary>
    public Task<(ScalingPolicy Policy, SimulatedScaleSet ScaleSet)> AddTargetAsync(string name, int capacity, int minimum = 1, int maximum = 10, TimeSpan? warmUp = null, IReadOnlyList<ScalingRule>? rules = null, bool flexible = false) =>
        AddNamedTargetAsync($"{name}-{Guid.NewGuid():N}"[..(name.Length + 13)], capacity, minimum, maximum, warmUp, rules, flexible);

    /// <summary>A new scale set and a stored policy with exactly the id <paramref name="id"/>.</summary>
    public async Task<(ScalingPolicy Policy, SimulatedScaleSet ScaleSet)> AddNamedTargetAsync(string id, int capacity, int minimum = 1, int maximum = 10, TimeSpan? warmUp = null, IReadOnlyList<ScalingRule>? rules = null, bool flexible = false)
    {
        var resourceId = $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tests/providers/Microsoft.Compute/virtualMachineScaleSets/{id}";
        var scaleSet = Simulator.Estate.AddScaleSet(resourceId, capacity, new ScaleSetModel(Sku: ScaleSetSku, ProvisioningDelay: ProvisioningDelay, Flexible: flexible));
        var policy = new ScalingPolicy(
            ScalingPolicy.CurrentVersion,
            id,
            new ScaleTarget(TargetKind.VirtualMachineScaleSet, resourceId),
            new CapacityBounds(minimum, maximum, minimum),
            rules ?? [],
            warmUp ?? TimeSpan.FromSeconds(1));
        await Services.GetRequiredService<IPolicyStore>().UpsertAsync(policy, ifMatch: null, CancellationToken.None);
        return (policy, scaleSet);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (simulator is not null)
        {
            await simulator.DisposeAsync();
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
