// One EvaluatePolicies tick on the product's own path: TimerJobs.EvaluatePoliciesAsync (what the Functions timer calls) with
// the services the Functions app registers, on the in-process Durable host, against the estate simulator (ARM and Azure
// Monitor over HTTPS, throttling like ARM) and Azurite, for N mixed targets over several subscriptions and resource groups,
// some of them scaling. Prints one JSON line. Usage (Release):
//   dotnet run -c Release --project bench/Scalewise.TickBenchmarks -- [targets=1000] [--latency-ms 0] [--subscriptions 5]
//       [--resource-groups 10] [--scaling-every 100] [--no-throttling] [--timer EvaluatePolicies|CheckEmergencies]
// CheckEmergencies gives the fleet's scale sets a critical tier, so that every scale set is checked.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Scalewise.Azure;
using Scalewise.Core.Ports;
using Scalewise.LocalSupport;
using Scalewise.Orchestrations;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Simulator.Hosting;
using Scalewise.Simulator.Traffic;
using Scalewise.TickBenchmarks;

var targets = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
var latency = TimeSpan.FromMilliseconds(Option("--latency-ms", 0));
var shape = new FleetShape(targets, Option("--subscriptions", 5), Option("--resource-groups", 10), Option("--scaling-every", 100), Active: true);
var throttling = !args.Contains("--no-throttling");
var timer = Array.IndexOf(args, "--timer") is var t && t >= 0 && t + 1 < args.Length ? args[t + 1] : "EvaluatePolicies";
var emergencies = timer.Equals("CheckEmergencies", StringComparison.OrdinalIgnoreCase);
shape = shape with { Emergencies = emergencies };

// The evaluation and the estate share a clock that has run 15 minutes when the tick starts, so every window has data; ARM's
// buckets refill on the real clock.
var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
await using var azurite = await AzuriteProcess.StartAsync(AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory), tablesOnly: true, CancellationToken.None);
await using var simulator = await EstateSimulator.StartAsync(new EstateSimulatorOptions { TimeProvider = clock });
var tableCalls = new TableCalls();
var tableOptions = new TableClientOptions();
tableOptions.AddPolicy(tableCalls, Azure.Core.HttpPipelinePosition.PerRetry);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Scalewise:Tables:ConnectionString"] = azurite.ConnectionString,
    ["Scalewise:Arm:Endpoint"] = simulator.BaseUri.ToString(),
    ["Scalewise:Arm:TrustedCertificateThumbprint"] = simulator.CertificateThumbprint,
    ["Scalewise:Arm:StaticBearerToken"] = "benchmark",
    ["Scalewise:Metrics:UseBatch"] = "true",
    ["Scalewise:Metrics:BatchEndpoint"] = simulator.BaseUri.ToString(),
    ["Scalewise:Metrics:ApplyIngestionLatency"] = "false",
    ["Scalewise:Procedures:ProvisioningPollInterval"] = "00:05:00",
}).Build();
await using var host = await DurableTaskTestHost.StartAsync(
    registry => registry.AddScalewiseTasks(),
    new DurableTaskTestHostOptions
    {
        Port = LocalPorts.Free(),
        LoggerFactory = NullLoggerFactory.Instance,
        ConfigureServices = services =>
        {
            services.AddSingleton<IConfiguration>(configuration);
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(new TableServiceClient(azurite.ConnectionString, tableOptions));
            services.AddScalewiseAzure(configuration);
            services.AddScalewiseProcedures(configuration);
        },
    });

var policies = FleetEstate.Add(simulator.Estate, shape);
var store = host.Services.GetRequiredService<IPolicyStore>();
await Parallel.ForEachAsync(policies, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (policy, token) => await store.UpsertAsync(policy, ifMatch: null, token));
clock.Advance(TimeSpan.FromMinutes(15));

var traffic = simulator.Estate.Traffic;
traffic.Clock = TimeProvider.System;
traffic.Throttling = throttling;
traffic.Latency = latency;
tableCalls.Latency = latency;
traffic.Reset();
tableCalls.Reset();
var durable = new CountingDurableClient(host.Client);
var jobs = host.Services.GetRequiredService<TimerJobs>();

var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var wall = Stopwatch.StartNew();
var decisions = emergencies ? await jobs.CheckEmergenciesAsync(durable, CancellationToken.None) : await jobs.EvaluatePoliciesAsync(durable, CancellationToken.None);
wall.Stop();
process.Refresh();
var cpu = process.TotalProcessorTime - cpuBefore;

var line = new Dictionary<string, object>
{
    ["targets"] = targets,
    ["wallSeconds"] = Math.Round(wall.Elapsed.TotalSeconds, 2),
    ["cpuSeconds"] = Math.Round(cpu.TotalSeconds, 2),
    ["armReads"] = traffic.Count(TrafficKind.ArmRead),
    ["armReadsPerSubscriptionMax"] = traffic.ArmReadsPerSubscription.Values.DefaultIfEmpty(0).Max(),
    ["metricCalls"] = traffic.Count(TrafficKind.MetricsBatch) + traffic.Count(TrafficKind.ArmMetrics),
    ["tableCalls"] = tableCalls.Calls,
    ["durableCalls"] = durable.Calls,
    ["throttled"] = traffic.Throttled,
    ["decisions"] = decisions.Count,
    ["proceduresStarted"] = durable.Scheduled,
};
Console.WriteLine(JsonSerializer.Serialize(line));

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
