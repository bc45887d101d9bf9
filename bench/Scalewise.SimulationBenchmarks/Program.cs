using System.Diagnostics;
using System.Globalization;
using Scalewise.Backtest;
using Scalewise.Backtest.Strategies;
using Scalewise.Core.Policies;
using Scalewise.Core.Traces;

// Simulation speed in target-minutes per second: how many simulated minutes of one target (its metrics, the
// strategy's decision, the capacity change) the replay gets through per second of wall time.
//   dotnet run -c Release --project bench/Scalewise.SimulationBenchmarks -- speed <trace.csv> <policy.json> [seconds] [calibrate %]
//   dotnet run -c Release --project bench/Scalewise.SimulationBenchmarks -- synth <out.csv> [days] [seed]
var culture = CultureInfo.InvariantCulture;
if (args.Length >= 2 && args[0] == "synth")
{
    var days = args.Length > 2 ? int.Parse(args[2], culture) : 28;
    var seed = args.Length > 3 ? int.Parse(args[3], culture) : 7;
    using var output = new StreamWriter(args[1]);
    SyntheticTrace.Write(output, days, seed);
    Console.WriteLine($"Wrote {days} days of synthetic load (seed {seed}) to {args[1]}.");
    return 0;
}

if (args.Length < 3 || args[0] != "speed")
{
    Console.Error.WriteLine("usage: speed <trace.csv> <policy.json> [seconds per case] [calibrate %] | synth <out.csv> [days] [seed]");
    return 2;
}

WorkloadTrace trace;
using (var reader = new StreamReader(args[1]))
{
    trace = TraceReader.Read(reader);
}

var policy = PolicyDocument.Parse(File.ReadAllText(args[2])).Policy ?? throw new InvalidOperationException($"{args[2]} is not a valid policy.");
var budget = TimeSpan.FromSeconds(args.Length > 3 ? double.Parse(args[3], culture) : 5);
var model = TargetModel.Derive(trace);
if (args.Length > 4)
{
    // As `scalewise simulate --calibrate`: the policy's per-instance figures fitted to the simulated instance.
    policy = PolicyCalibration.ToModel(policy, model, double.Parse(args[4], culture)).Policy;
}

Console.WriteLine($"{DateTimeOffset.UtcNow:yyyy-MM-dd} | {Environment.ProcessorCount} cores | {System.Runtime.InteropServices.RuntimeInformation.OSDescription} | .NET {Environment.Version}");
Console.WriteLine($"trace: {Path.GetFileName(args[1])}, {trace.Length:N0} minutes; policy: {Path.GetFileName(args[2])}");
Console.WriteLine();
// Wall time is what a user waits; CPU time (all threads of this process) is what the replay costs, and moves less when
// other processes share the cores.
Console.WriteLine("| case | replays | target-minutes/s (wall) | target-minutes per CPU-second | forecast MASE / sMAPE % |");
Console.WriteLine("|---|---:|---:|---:|---|");

Measure("scalewise (1 thread)", 1, () => new PolicyStrategy(policy));
Measure($"scalewise ({Environment.ProcessorCount} targets in parallel)", Environment.ProcessorCount, () => new PolicyStrategy(policy));
if (policy.Predictive is not null)
{
    // What the hourly re-forecast costs: the same policy without its predictive part; with refits that start from the
    // last parameters (an option that may change the forecasts); with Holt-Winters refitted weekly, and every hour as
    // ForecastDemand does (the replay's default refits once a virtual day).
    Measure("scalewise without forecasts (1 thread)", 1, () => new PolicyStrategy(policy with { Predictive = null }));
    Measure("scalewise, Holt-Winters refits warm-started (1 thread)", 1, () => new PolicyStrategy(policy) { ForecastWarmStart = true });
    Measure("scalewise, Holt-Winters refit weekly (1 thread)", 1, () => new PolicyStrategy(policy) { ForecastRefitInterval = TimeSpan.FromDays(7) });
    Measure("scalewise, Holt-Winters refit hourly (1 thread)", 1, () => new PolicyStrategy(policy) { ForecastRefitInterval = TimeSpan.FromHours(1) });
}

foreach (var name in Baselines.Names)
{
    Measure(name + " (1 thread)", 1, () => Baselines.Create(trace, model).Single(s => s.Name == name));
}

return 0;

void Measure(string name, int parallel, Func<ScalingStrategy> create)
{
    var warmUp = Backtester.Replay(trace, model, policy.Capacity, create(), keepSeries: false); // warm-up: JIT and tiering
    var accuracy = warmUp.ForecastAccuracy is { } f ? string.Create(culture, $"{f.Mase:0.000} / {f.Smape:0.00}") : "";
    var replays = 0;
    using var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed < budget)
    {
        Parallel.For(0, parallel, _ => Backtester.Replay(trace, model, policy.Capacity, create(), keepSeries: false));
        replays += parallel;
    }

    watch.Stop();
    process.Refresh();
    var minutes = (double)replays * trace.Length;
    var rate = minutes / watch.Elapsed.TotalSeconds;
    var perCpu = minutes / (process.TotalProcessorTime - cpu).TotalSeconds;
    Console.WriteLine(string.Create(culture, $"| {name} | {replays} | {rate:N0} | {perCpu:N0} | {accuracy} |"));
}
