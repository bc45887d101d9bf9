// ScaleProcedure's own cost per step: procedures with near-instant provisioning and no warm-up, run one after
// another on the in-process Durable host against the estate simulator and Azurite (the real parts the runner uses).
// Usage: dotnet run -c Release --project bench/Scalewise.ProcedureBenchmarks -- [procedures=30]
using System.Diagnostics;
using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Azure;
using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using Scalewise.LocalSupport;
using Scalewise.Orchestrations;
using Scalewise.Orchestrations.Procedures;
using Scalewise.Simulator.Hosting;
using Scalewise.Simulator.ScaleSets;

var procedures = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
await using var azurite = await AzuriteProcess.StartAsync(AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory), tablesOnly: true, CancellationToken.None);
await using var simulator = await EstateSimulator.StartAsync(new EstateSimulatorOptions());
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Scalewise:Tables:ConnectionString"] = azurite.ConnectionString,
    ["Scalewise:Arm:Endpoint"] = simulator.BaseUri.ToString(),
    ["Scalewise:Arm:TrustedCertificateThumbprint"] = simulator.CertificateThumbprint,
    ["Scalewise:Arm:StaticBearerToken"] = "benchmark",
}).Build();
await using var host = await DurableTaskTestHost.StartAsync(
    registry => registry.AddScalewiseTasks(),
    new DurableTaskTestHostOptions
    {
        Port = LocalPorts.Free(),
        ConfigureServices = services =>
        {
            services.AddSingleton<IConfiguration>(configuration);
            services.AddScalewiseAzure(configuration);
            services.AddScalewiseProcedures(configuration);
        },
    });

const string ResourceId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/bench/providers/Microsoft.Compute/virtualMachineScaleSets/bench";
simulator.Estate.AddScaleSet(ResourceId, 2, new ScaleSetModel(ProvisioningDelay: TimeSpan.FromTicks(1)));
var policy = new ScalingPolicy(ScalingPolicy.CurrentVersion, "bench", new ScaleTarget(TargetKind.VirtualMachineScaleSet, ResourceId), new CapacityBounds(1, 10, 2), [], TimeSpan.Zero);
await host.Services.GetRequiredService<IPolicyStore>().UpsertAsync(policy, null, CancellationToken.None);

async Task<(TimeSpan Elapsed, int Steps)> RunOnceAsync(int toCapacity)
{
    var input = new ScaleProcedureInput(policy.Id, ResourceId, TargetKind.VirtualMachineScaleSet, DecisionKind.Manual, toCapacity, "benchmark", "benchmark", TimeSpan.Zero, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(30));
    var watch = Stopwatch.StartNew();
    var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ScaleProcedure), input, new StartOrchestrationOptions(ProcedureIds.ForTarget(policy.Id)));
    var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
    watch.Stop();
    var result = done.ReadOutputAs<ScaleProcedureResult>() ?? throw new InvalidOperationException("no result");
    if (result.Outcome != ProcedureOutcome.Succeeded)
    {
        throw new InvalidOperationException($"procedure ended {result.Outcome}: {result.Summary}");
    }

    return (watch.Elapsed, result.Steps.Count);
}

await RunOnceAsync(3); // warm-up: JIT, table creation, connections
var total = TimeSpan.Zero;
var steps = 0;
for (var i = 0; i < procedures; i++)
{
    var (elapsed, count) = await RunOnceAsync(i % 2 == 0 ? 2 : 3);
    total += elapsed;
    steps += count;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"procedures: {procedures}, steps: {steps}, wall time: {total.TotalMilliseconds:0} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"per procedure: {total.TotalMilliseconds / procedures:0.0} ms, per step: {total.TotalMilliseconds / steps:0.0} ms"));
