using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Scalewise.Azure.Arm;
using Scalewise.Azure.Metrics;
using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Core.Targets;
using Scalewise.Simulator.Hosting;
using Scalewise.Simulator.Load;
using Scalewise.Simulator.ScaleSets;
using Scalewise.TickBenchmarks;

// One evaluation tick over N simulated scale sets: read every policy's metrics from the in-process simulator over HTTPS
// (batched, or one ARM call per resource with "arm"), then decide every target. Usage: [targets] [batch|arm]
var targets = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var useBatch = args.Length < 2 || !args[1].Equals("arm", StringComparison.OrdinalIgnoreCase);
const int Subscriptions = 4;

var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
await using var simulator = await EstateSimulator.StartAsync(new EstateSimulatorOptions { TimeProvider = time });
var policies = new List<ScalingPolicy>(targets);
var setup = Stopwatch.StartNew();
for (var i = 0; i < targets; i++)
{
    var id = string.Create(CultureInfo.InvariantCulture, $"/subscriptions/00000000-0000-0000-0000-00000000000{i % Subscriptions}/resourceGroups/rg-{i / 500}/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-{i:D5}");
    var capacity = 2 + (i % 5);
    simulator.Estate.AddScaleSet(id, capacity, new ScaleSetModel(RequestsPerSecondPerInstance: 20, BaselineCpuPercent: 5))
        .SetLoad(new ConstantLoadProfile(capacity * 20 * ((i % 10) / 10.0)));
    policies.Add(Policy($"t{i:D5}", id));
}

time.Advance(TimeSpan.FromMinutes(15));
Console.WriteLine($"setup: {targets:N0} scale sets in {Subscriptions} subscriptions, {setup.Elapsed.TotalSeconds:F1} s");

using var connection = new ArmConnection(new ArmConnectionOptions
{
    Endpoint = simulator.BaseUri,
    Audience = "https://management.azure.com/",
    TrustedCertificateThumbprint = simulator.CertificateThumbprint,
    StaticBearerToken = "bench",
});
var armCalls = new CallCounter();
var armOptions = new BenchClientOptions { Transport = new HttpClientTransport(SimulatorCertificateTrust.CreateHandler(simulator.CertificateThumbprint)) };
armOptions.AddPolicy(armCalls, HttpPipelinePosition.PerCall);
var armPipeline = HttpPipelineBuilder.Build(armOptions, new BearerTokenAuthenticationPolicy(connection.Credential, "https://management.azure.com/.default"));
var armReader = new AzureMonitorMetricReader(armPipeline, simulator.BaseUri, NullLogger<AzureMonitorMetricReader>.Instance);
var batchCalls = new CallCounter();
var metricsOptions = new MetricsOptions { UseBatch = true, BatchEndpoint = simulator.BaseUri.ToString() };
using var batch = new MonitorBatchConnection(connection, metricsOptions, batchCalls);
IMetricReader reader = useBatch
    ? new BatchMetricReader(batch.Pipeline, metricsOptions, armReader, NullLogger<BatchMetricReader>.Instance)
    : armReader;

var now = time.GetUtcNow();
var requests = policies.SelectMany(p => p.Rules.Select(r => r.Trigger.ToRequest(p.Target.ResourceId))).Distinct().ToList();
var process = Process.GetCurrentProcess();
var wall = Stopwatch.StartNew();
var windows = await reader.ReadAsync(requests, now, CancellationToken.None);
var readTime = wall.Elapsed;

process.Refresh();
var cpuBefore = process.TotalProcessorTime;
var decideClock = Stopwatch.StartNew();
var byResource = windows.GroupBy(w => w.Request.ResourceId, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => (IReadOnlyList<MetricWindow>)g.ToList(), StringComparer.OrdinalIgnoreCase);
var kinds = new Dictionary<string, int>();
foreach (var policy in policies)
{
    var decision = ScalingEngine.Decide(policy, byResource[policy.Target.ResourceId], TargetState.Empty(policy.Id), 2 + (int.Parse(policy.Id[1..], CultureInfo.InvariantCulture) % 5), now);
    var key = decision.Outcome + " " + decision.Direction;
    kinds[key] = kinds.GetValueOrDefault(key) + 1;
}

var decideWall = decideClock.Elapsed;
process.Refresh();
var decideCpu = process.TotalProcessorTime - cpuBefore;
wall.Stop();

Console.WriteLine($"reader: {(useBatch ? "batch (metrics:getBatch, ARM for single resources)" : "ARM, one resource per call")}");
Console.WriteLine($"metric requests: {requests.Count:N0} ({policies.Count:N0} targets x {policies[0].Rules.Count} rules)");
Console.WriteLine($"metric calls: {batchCalls.Calls + armCalls.Calls:N0} (batch {batchCalls.Calls:N0}, ARM {armCalls.Calls:N0})");
Console.WriteLine($"metrics wall time: {readTime.TotalSeconds:F2} s");
Console.WriteLine($"decisions: {policies.Count:N0}, CPU time {decideCpu.TotalSeconds:F2} s, wall {decideWall.TotalSeconds:F2} s");
Console.WriteLine($"tick wall time: {wall.Elapsed.TotalSeconds:F2} s");
Console.WriteLine("outcomes: " + string.Join(", ", kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value:N0}")));

static ScalingPolicy Policy(string id, string resourceId) => new(
    ScalingPolicy.CurrentVersion,
    id,
    new ScaleTarget(TargetKind.VirtualMachineScaleSet, resourceId),
    new CapacityBounds(1, 20, 2),
    [
        new ScalingRule(
            "cpu-high",
            new MetricTrigger("Percentage CPU", "Microsoft.Compute/virtualMachineScaleSets", null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 70),
            new ScaleAction(ScaleDirection.Increase, 1, TimeSpan.FromMinutes(5))),
        new ScalingRule(
            "cpu-low",
            new MetricTrigger("Percentage CPU", "Microsoft.Compute/virtualMachineScaleSets", null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), ComparisonOperator.LessThan, 30),
            new ScaleAction(ScaleDirection.Decrease, 1, TimeSpan.FromMinutes(10))),
    ],
    TimeSpan.FromMinutes(2));
