using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;

namespace Scalewise.Orchestrations.Tests.Replays;

/// <summary>
/// Each seed's example policy (examples/policies/seed-00N-*.json) replayed minute by minute through the real tick against the
/// estate simulator and Azurite, showing the behaviour its seed document (shared seeds 000-004) states. Decisions are asserted
/// as stored in the decision log; where a procedure runs, on the target's capacity or SKU in the simulator.
/// </summary>
public sealed class SeedTickReplayTests(SeedReplayFixture fixture) : IClassFixture<SeedReplayFixture>
{
    /// <summary>
    /// Seed 000: "cpu_utilization > 80 for 5 min: scale_up, cooldown 10"; "scaleDownPolicy threshold 30, cooldown 900"; the 70%
    /// CPU target is the warning; "gradual scale-down" is the 10-minute scale-in stabilization.
    /// </summary>
    [Fact]
    public async Task Seed000_HotThenIdle_OneUpEveryTenMinutesThenScalesInOnlyAfterTenQuietMinutesAndEveryFifteen()
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-000-music-app-tier.json", capacity: 4);
        replay.SetMetric("Percentage CPU", m => m < 25 ? 85 : 20, "Percent")
            .SetMetric("requests/duration", _ => 400, "MilliSeconds");

        await replay.RunAsync(60);

        var scalings = await replay.ScalingsAsync();
        Assert.Equal([(1, 4, 5), (11, 5, 6), (21, 6, 7), (43, 7, 6), (58, 6, 5)], scalings.Select(s => (s.Minute, s.Decision.CurrentCapacity, s.Decision.NewCapacity)));
        Assert.All(scalings.Take(3), s => Assert.Contains("rule 'cpu-high' fired", s.Decision.Reason, StringComparison.Ordinal));
        Assert.All(scalings.Skip(3), s => Assert.Contains("rule 'cpu-low' fired", s.Decision.Reason, StringComparison.Ordinal));

        // CPU's 10-minute average is below 30% from minute 34, but the rules asked for 7 until minute 33: scale-in waits until
        // no recommendation of the last ten minutes asks for more than 6.
        var stabilized = replay.Ticks.Where(t => t.Minute is >= 34 and < 43).Select(t => t.Decision!).ToList();
        Assert.All(stabilized, d => Assert.Equal((DecisionOutcome.NoChange, AdjustmentKind.Stabilization), (d.Outcome, Assert.Single(d.Adjustments).Kind)));
        Assert.Equal(5, replay.Estate.GetScaleSet(replay.Policy.Target.ResourceId).Capacity);
    }

    /// <summary>Seed 000: "response_time_p95 > 2000 ms for 3 min: scale_up, cooldown 5".</summary>
    [Fact]
    public async Task Seed000_OneSlowMinuteInThree_P95ScalesOutEveryFiveMinutesWhereTheAverageWouldNot()
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-000-music-app-tier.json", capacity: 4);
        replay.SetMetric("Percentage CPU", _ => 50, "Percent")
            .SetMetric("requests/duration", m => ((m % 3) + 3) % 3 == 0 ? 2600 : 500, "MilliSeconds");

        await replay.RunAsync(12);

        var scalings = await replay.ScalingsAsync();
        Assert.Equal([(1, 5), (6, 6), (11, 7)], scalings.Select(s => (s.Minute, s.Decision.NewCapacity)));
        Assert.All(scalings, s => Assert.Contains("rule 'latency-p95' fired (requests/duration P95 over 3m = 2390 > 2000)", s.Decision.Reason, StringComparison.Ordinal));
        Assert.Equal(7, replay.Estate.GetScaleSet(replay.Policy.Target.ResourceId).Capacity);
    }

    /// <summary>Seed 001: "scale_up: adjustment +2, cooldown 300; scale_down: adjustment -1, cooldown 600", min 2, max 10.</summary>
    [Fact]
    public async Task Seed001_HotThenIdle_AddsTwoEvery300SecondsUpToTenThenRemovesOneEvery600Seconds()
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-001-event-venue-app-tier.json", capacity: 2);
        Seed001Signals(replay, cpu: m => m < 20 ? 80 : 20);

        await replay.RunAsync(70);

        var scalings = await replay.ScalingsAsync();
        Assert.Equal(
            [(1, 2, 4), (6, 4, 6), (11, 6, 8), (16, 8, 10), (29, 10, 9), (39, 9, 8), (49, 8, 7), (59, 7, 6), (69, 6, 5)],
            scalings.Select(s => (s.Minute, s.Decision.CurrentCapacity, s.Decision.NewCapacity)));
        Assert.All(scalings.Take(4), s => Assert.Contains("rule 'cpu-high' fired", s.Decision.Reason, StringComparison.Ordinal));
        Assert.All(scalings.Skip(4), s => Assert.Contains("rule 'cpu-low' fired", s.Decision.Reason, StringComparison.Ordinal));

        var stored = await replay.StoredDecisionsAsync();
        var held = stored.Where(d => d.Decision.Outcome == DecisionOutcome.CooldownHeld).ToList();
        var heldOut = held.Where(d => d.Decision.Direction == ScaleDirection.Increase).ToList();
        var heldIn = held.Where(d => d.Decision.Direction == ScaleDirection.Decrease).ToList();
        Assert.Equal([2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 14, 15], heldOut.Select(d => d.Minute));
        Assert.All(heldOut, d => Assert.Contains("the 5m scale-out cooldown of rule 'cpu-high'", d.Decision.Reason, StringComparison.Ordinal));
        Assert.Equal([.. Enumerable.Range(0, 4).SelectMany(k => Enumerable.Range(30 + (10 * k), 9)), 70], heldIn.Select(d => d.Minute));
        Assert.All(heldIn, d => Assert.Contains("the 10m scale-in cooldown of rule 'cpu-low'", d.Decision.Reason, StringComparison.Ordinal));
        Assert.Equal([17, 18, 19, 20], stored.Where(d => d.Decision.Outcome == DecisionOutcome.AtBound).Select(d => d.Minute));

        var procedures = await replay.ProceduresAsync();
        Assert.Equal(9, procedures.Count);
        Assert.All(procedures, p => Assert.Equal(ProcedureOutcome.Succeeded, p.Outcome));
        Assert.Equal(5, replay.Estate.GetScaleSet(replay.Policy.Target.ResourceId).Capacity);
    }

    /// <summary>
    /// Seed 001's critical CPU tier (85%) hands the decision to the emergency path: an emergency scale-out sized to the load,
    /// carried out by EmergencyScaleUp, which then writes the post-event capacity report.
    /// </summary>
    [Fact]
    public async Task Seed001_CpuPastTheCriticalTier_EmergencyScaleUpThenACapacityReport()
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-001-event-venue-app-tier.json", capacity: 2);
        Seed001Signals(replay, cpu: _ => 92);

        await replay.RunAsync(1);

        var (minute, decision) = Assert.Single(await replay.ScalingsAsync());
        Assert.Equal(1, minute);
        Assert.Equal(DecisionKind.Emergency, decision.Kind);
        Assert.Equal(DecisionSeverity.Critical, decision.Severity);
        Assert.True(decision.NewCapacity > 2, decision.Reason);
        Assert.Contains("critical", decision.Reason, StringComparison.OrdinalIgnoreCase);
        var procedure = Assert.Single(await replay.ProceduresAsync());
        Assert.Equal((DecisionKind.Emergency, ProcedureOutcome.Succeeded), (procedure.Kind, procedure.Outcome));
        Assert.Equal(decision.NewCapacity, replay.Estate.GetScaleSet(replay.Policy.Target.ResourceId).Capacity);
        var report = Assert.Single(await fixture.Estate.Services.GetRequiredService<ICapacityReportStore>().ListAsync(replay.Policy.Id, 10, CancellationToken.None));
        Assert.Equal((2, decision.NewCapacity), (report.FromCapacity, report.ToCapacity));
    }

    /// <summary>
    /// Seed 001's monitoring alerts (memory over 75%, request latency over 1000 ms, an error rate over 1% from Application
    /// Insights' failed and total requests) and seed 000's 70% CPU target are recorded as warnings; nothing scales.
    /// </summary>
    [Fact]
    public async Task Seed001Alerts_MemoryLatencyAndErrorRateHigh_RecordWarningsWithoutScaling()
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-001-event-venue-app-tier.json", capacity: 4);
        Seed001Signals(replay, cpu: _ => 50, availableMemory: 20, latency: 1200, failedOf6000: 120);

        await replay.RunAsync(3);

        var stored = await replay.StoredDecisionsAsync();
        Assert.Equal([1, 2, 3], stored.Select(d => d.Minute));
        Assert.All(stored, d => Assert.Equal((DecisionOutcome.NoChange, DecisionSeverity.Warning, 4), (d.Decision.Outcome, d.Decision.Severity, d.Decision.NewCapacity)));
        Assert.Contains("formula 100 * failed / requests = 2 > 1", stored[0].Decision.Reason, StringComparison.Ordinal);
        Assert.Contains("alert-only, so nothing scales", stored[0].Decision.Reason, StringComparison.Ordinal);
        Assert.Equal(["memory-high", "latency-high", "error-rate-high"], stored[0].Decision.Evaluations.Where(e => e.Fired && e.Direction == ScaleDirection.None).Select(e => e.RuleName));
        Assert.Empty(await replay.ProceduresAsync());
    }

    /// <summary>Seed 000: the 70% CPU target is the warning tier of the 80% scale-up rule.</summary>
    [Fact]
    public async Task Seed000_CpuBetweenTheTargetAndTheTrigger_WarnsWithoutScaling()
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-000-music-app-tier.json", capacity: 4);
        replay.SetMetric("Percentage CPU", _ => 75, "Percent")
            .SetMetric("requests/duration", _ => 400, "MilliSeconds");

        await replay.RunAsync(2);

        var stored = await replay.StoredDecisionsAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, d => Assert.Equal((DecisionOutcome.NoChange, DecisionSeverity.Warning), (d.Decision.Outcome, d.Decision.Severity)));
        Assert.EndsWith("Warning: 'cpu-high' is past its warning threshold (75 > 70).", stored[0].Decision.Reason, StringComparison.Ordinal);
        Assert.Equal(4, replay.Estate.GetScaleSet(replay.Policy.Target.ResourceId).Capacity);
    }

    /// <summary>
    /// Seed 001 with a fallback: when Azure Monitor has no values for three ticks in a row, capacity goes to the fallback (the
    /// tick counts the ticks without metrics in the target's state).
    /// </summary>
    [Fact]
    public async Task Seed001WithFallback_NoMetricsForThreeTicks_ScalesOutToTheFallbackCapacity()
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-001-event-venue-app-tier.json", capacity: 2, change: p => p with { Fallback = new MetricFailureFallback(3, 6) });
        foreach (var metric in (string[])["Percentage CPU", "Available Memory Percentage", "requests/duration", "requests/failed", "requests/count"])
        {
            replay.SetMetric(metric, _ => null);
        }

        await replay.RunAsync(4);

        Assert.Equal([DecisionOutcome.NoData, DecisionOutcome.NoData, DecisionOutcome.Scale], (await replay.StoredDecisionsAsync()).Take(3).Select(d => d.Decision.Outcome));
        var fallback = Assert.Single(await replay.ScalingsAsync());
        Assert.Equal((3, 2, 6), (fallback.Minute, fallback.Decision.CurrentCapacity, fallback.Decision.NewCapacity));
        Assert.Contains("no metric has had data for 3 ticks in a row", fallback.Decision.Reason, StringComparison.Ordinal);
        Assert.Equal(6, replay.Estate.GetScaleSet(replay.Policy.Target.ResourceId).Capacity);
    }

    /// <summary>
    /// Seed 002, API: "Requests/Second > 300 per instance" scales out (the gateway's requests for the API pool, per instance);
    /// scale in only when requests are under 150 per instance AND CPU under 40% for 10 minutes; 5-minute cool-down.
    /// </summary>
    [Fact]
    public async Task Seed002Api_GatewayRequestsPerInstance_ScaleOutThenInOnlyWhenRequestsAndCpuAreBothLow()
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-002-sketchy-chain-api.json", capacity: 4);
        replay.SetMetric("TotalRequests", m => m < 10 ? 80_000 : 20_000)
            .SetMetric("Percentage CPU", m => m < 20 ? 50 : 20, "Percent");

        await replay.RunAsync(36);

        var scalings = await replay.ScalingsAsync();
        Assert.Equal([(1, 4, 5), (24, 5, 4), (29, 4, 3), (34, 3, 2)], scalings.Select(s => (s.Minute, s.Decision.CurrentCapacity, s.Decision.NewCapacity)));
        Assert.Contains("rule 'rps-high' fired (TotalRequests per instance Average over 3m = 20000 > 18000)", scalings[0].Decision.Reason, StringComparison.Ordinal);
        Assert.All(scalings.Skip(1), s => Assert.Contains("all 2 scale-in rules fired", s.Decision.Reason, StringComparison.Ordinal));

        // From minute 20 the gateway's requests per instance are low over 10 minutes, CPU's 10-minute average only from minute 24.
        Assert.All(replay.Ticks.Where(t => t.Minute is >= 20 and < 24), t => Assert.Contains(
            "needs every scale-in rule to fire and 'cpu-low'", t.Decision!.Reason, StringComparison.Ordinal));
        Assert.Equal(2, replay.Estate.GetScaleSet(replay.Policy.Target.ResourceId).Capacity);
    }

    /// <summary>
    /// Seed 002, AI worker: WorkerQueueScalingPolicy's steps over the 100-item trigger, +1 (100-200), +2 (200-600), +4 (600 and more),
    /// with a 3-minute cool-down; above the 200-item critical threshold people are alerted.
    /// </summary>
    [Fact]
    public async Task Seed002Worker_GrowingQueue_StepsByOneThenTwoThenFourUpToTheMaximum()
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-002-sketchy-chain-worker.json", capacity: 4);
        replay.SetMetric("ActiveMessages", m => m < 4 ? 150 : m < 8 ? 300 : 700)
            .SetMetric("Percentage CPU", _ => 60, "Percent");

        await replay.RunAsync(20);

        var scalings = await replay.ScalingsAsync();
        Assert.Equal(
            [(1, 4, 5), (4, 5, 6), (7, 6, 8), (10, 8, 12), (13, 12, 16), (16, 16, 20)],
            scalings.Select(s => (s.Minute, s.Decision.CurrentCapacity, s.Decision.NewCapacity)));
        Assert.All(scalings, s => Assert.Contains(
            FormattableString.Invariant($"asks for +{Math.Min(4, s.Decision.NewCapacity - s.Decision.CurrentCapacity)}"), s.Decision.Reason, StringComparison.Ordinal));
        Assert.All(scalings.Skip(2), s => Assert.Contains("Alert: 'queue-critical'", s.Decision.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain("Alert:", scalings[0].Decision.Reason, StringComparison.Ordinal);
        Assert.Equal(DecisionOutcome.AtBound, (await replay.StoredDecisionsAsync())[^1].Decision.Outcome);
        Assert.Equal(20, replay.Estate.GetScaleSet(replay.Policy.Target.ResourceId).Capacity);
    }

    /// <summary>
    /// Seed 002, cache: "Memory Utilization > 80%" and "Eviction Rate > 100/sec for 5min" each step the cache one size up; the
    /// ladder (and cost cap) ends at C5. Memory comes from the simulator's cache model, evictions are scripted.
    /// </summary>
    [Fact]
    public async Task Seed002Redis_MemoryThenEvictions_StepUpOneSizeEachUpToTheTopOfTheLadder()
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-002-sketchy-chain-redis.json", sku: "Standard_C3", datasetMegabytes: 5300);
        replay.SetMetric("evictedkeys", m => m < 40 ? 0 : 9000);

        await replay.RunAsync(52);

        var scalings = await replay.ScalingsAsync();
        Assert.Equal([(1, "Standard_C3", "Standard_C4"), (44, "Standard_C4", "Standard_C5")], scalings.Select(s => (s.Minute, s.Decision.CurrentSku, s.Decision.NewSku)));
        Assert.Contains("rule 'memory-high' fired", scalings[0].Decision.Reason, StringComparison.Ordinal);
        Assert.Contains("rule 'evictions-high' fired", scalings[1].Decision.Reason, StringComparison.Ordinal);
        // Each resize warms up for 5 minutes on the replay clock (no ticks while it runs); after it, C5 is the top of the ladder.
        Assert.Equal([49, 50, 51, 52], (await replay.StoredDecisionsAsync()).Where(d => d.Decision.Outcome == DecisionOutcome.AtBound).Select(d => d.Minute));
        Assert.All(await replay.ProceduresAsync(), p => Assert.Equal(ProcedureOutcome.Succeeded, p.Outcome));
        Assert.Equal("Standard_C5", Scalewise.Core.Procedures.RedisSkuNames.NameOf(replay.Estate.GetRedisCache(replay.Policy.Target.ResourceId).Sku));
    }

    /// <summary>Seed 003: "scale down only when CPU < 30% AND memory < 50% for 10 minutes", 5-minute cooldown, min 2.</summary>
    [Fact]
    public async Task Seed003_CpuAndMemoryLowForTenMinutes_ScalesInByOneEveryFiveMinutesDownToTwo()
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-003-arq-app-tier.json", capacity: 6);
        Quiet(replay)
            .SetMetric("Percentage CPU", m => m < 10 ? 50 : 20, "Percent")
            .SetMetric("Available Memory Percentage", _ => 60, "Percent");

        await replay.RunAsync(36);

        var scalings = await replay.ScalingsAsync();
        Assert.Equal([(20, 6, 5), (25, 5, 4), (30, 4, 3), (35, 3, 2)], scalings.Select(s => (s.Minute, s.Decision.CurrentCapacity, s.Decision.NewCapacity)));
        Assert.All(scalings, s => Assert.Contains("all 2 scale-in rules fired", s.Decision.Reason, StringComparison.Ordinal));
        Assert.Equal(2, replay.Estate.GetScaleSet(replay.Policy.Target.ResourceId).Capacity);
    }

    /// <summary>Seed 003: only one of the two scale-in conditions holding never scales in.</summary>
    [Theory]
    [InlineData(20, 40, "memory-low")] // CPU low, but 60% of memory used
    [InlineData(35, 60, "cpu-low")] // memory fine, but CPU at 35%
    public async Task Seed003_OnlyOneOfCpuAndMemoryLow_NeverScalesIn(double cpu, double availableMemory, string notFired)
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-003-arq-app-tier.json", capacity: 6);
        Quiet(replay)
            .SetMetric("Percentage CPU", _ => cpu, "Percent")
            .SetMetric("Available Memory Percentage", _ => availableMemory, "Percent");

        await replay.RunAsync(30);

        Assert.Empty(await replay.StoredDecisionsAsync());
        Assert.Empty(await replay.ProceduresAsync());
        Assert.Contains($"needs every scale-in rule to fire and '{notFired}'", replay.Ticks[^1].Decision!.Reason, StringComparison.Ordinal);
        Assert.Equal(6, replay.Estate.GetScaleSet(replay.Policy.Target.ResourceId).Capacity);
    }

    /// <summary>Seed 003: CPU > 70% for 3 minutes adds 1, a request queue over 100 adds 2: when both fire the larger step wins.</summary>
    [Fact]
    public async Task Seed003_CpuAndQueueHigh_TheLargerStepWinsEveryFiveMinutes()
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-003-arq-app-tier.json", capacity: 6);
        Quiet(replay)
            .SetMetric("Percentage CPU", _ => 75, "Percent")
            .SetMetric("Available Memory Percentage", _ => 40, "Percent")
            .SetMetric("ActiveMessages", _ => 150);

        await replay.RunAsync(7);

        var scalings = await replay.ScalingsAsync();
        Assert.Equal([(1, 6, 8), (6, 8, 10)], scalings.Select(s => (s.Minute, s.Decision.CurrentCapacity, s.Decision.NewCapacity)));
        Assert.All(scalings, s => Assert.Contains("'queue-long' asks for the largest change (+2)", s.Decision.Reason, StringComparison.Ordinal));
        Assert.Equal(10, replay.Estate.GetScaleSet(replay.Policy.Target.ResourceId).Capacity);
    }

    /// <summary>
    /// Seed 004, backend: target tracking on CPU 70% and 1,000 requests per target. CPU comes from the simulator's model of the
    /// scale set under load, so one step to the computed capacity brings it back within tolerance, and a drop in load scales in
    /// to what both targets need.
    /// </summary>
    [Fact]
    public async Task Seed004Backend_LoadRisesThenFalls_TracksCpuToSeventyPercentInOneStepEachWay()
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-004-ai-video-backend.json", capacity: 4);
        replay.SetLoad(m => m < 20 ? 63.2 : 20) // CPU at 4 instances: 5 + 100 × 63.2 / (4 × 20) = 84
            .SetMetric("TotalRequests", m => m < 20 ? 63.2 * 60 : 20 * 60);

        await replay.RunAsync(30);

        var scalings = await replay.ScalingsAsync();
        Assert.Equal([(1, 4, 5), (22, 5, 4), (27, 4, 2)], scalings.Select(s => (s.Minute, s.Decision.CurrentCapacity, s.Decision.NewCapacity)));
        Assert.Contains("ceil(4 × 84 / 70) = 5", scalings[0].Decision.Reason, StringComparison.Ordinal);
        // Once the 5-minute window holds only minutes at 5 instances (CPU 68%, within the 10% tolerance), capacity holds until load falls.
        Assert.All(replay.Ticks.Where(t => t.Minute is >= 7 and < 22), t => Assert.Equal(DecisionOutcome.NoChange, t.Decision!.Outcome));
        Assert.Equal(2, replay.Estate.GetScaleSet(replay.Policy.Target.ResourceId).Capacity);
    }

    /// <summary>Seed 004, cache: "memory usage > 80% for 15 minutes" steps one node size up, along the seed's node types.</summary>
    [Fact]
    public async Task Seed004Cache_DatasetOutgrowsTheCache_StepsOneSizeUpEachTime()
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-004-ai-video-cache.json", sku: "Standard_C1", datasetMegabytes: 900);

        await replay.RunAsync(20);
        replay.Estate.GetRedisCache(replay.Policy.Target.ResourceId).SetDatasetMegabytes(2300);
        await replay.RunAsync(20);

        var scalings = await replay.ScalingsAsync();
        Assert.Equal([(1, "Standard_C1", "Standard_C2"), (36, "Standard_C2", "Standard_C3")], scalings.Select(s => (s.Minute, s.Decision.CurrentSku, s.Decision.NewSku)));

        // Memory has been over 80% for 15 minutes from minute 33; the first step's procedure ended at minute 6 (after its 5-minute warm-up), so the 30-minute cooldown holds until 36.
        var held = (await replay.StoredDecisionsAsync()).Where(d => d.Decision.Outcome == DecisionOutcome.CooldownHeld).ToList();
        Assert.Equal([33, 34, 35], held.Select(d => d.Minute));
        Assert.All(held, d => Assert.Contains("the 30m scale-out cooldown of rule 'memory-high'", d.Decision.Reason, StringComparison.Ordinal));
        Assert.All(scalings, s => Assert.Contains("rule 'memory-high' fired", s.Decision.Reason, StringComparison.Ordinal));
        Assert.Equal("Standard_C3", Scalewise.Core.Procedures.RedisSkuNames.NameOf(replay.Estate.GetRedisCache(replay.Policy.Target.ResourceId).Sku));
    }

    /// <summary>Seed 004, FFmpeg task: "CPU consistently > 70%" steps one size up after 15 minutes; CPU < 20% for an hour steps one down.</summary>
    [Fact]
    public async Task Seed004WorkerSize_BusyThenIdleForAnHour_ResizesUpThenBackDown()
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-004-ai-video-worker-size.json", sku: "Standard_B1ms");
        replay.SetMetric("Percentage CPU", m => m < 20 ? 80 : 10, "Percent");

        await replay.RunAsync(72);

        var scalings = await replay.ScalingsAsync();
        Assert.Equal([(1, "Standard_B1ms", "Standard_B2s"), (72, "Standard_B2s", "Standard_B1ms")], scalings.Select(s => (s.Minute, s.Decision.CurrentSku, s.Decision.NewSku)));
        Assert.Contains("rule 'cpu-high' fired", scalings[0].Decision.Reason, StringComparison.Ordinal);
        Assert.Contains("rule 'cpu-low' fired", scalings[1].Decision.Reason, StringComparison.Ordinal);
        Assert.All(await replay.ProceduresAsync(), p => Assert.Equal(ProcedureOutcome.Succeeded, p.Outcome));
        Assert.Equal("Standard_B1ms", replay.Estate.GetVirtualMachine(replay.Policy.Target.ResourceId).Size);
    }

    /// <summary>Seed 001's CPU, and its alerts' signals: available memory, request latency, and failed requests of 6,000 a minute.</summary>
    private static SeedReplay Seed001Signals(SeedReplay replay, Func<int, double?> cpu, double availableMemory = 60, double latency = 300, double failedOf6000 = 0) =>
        replay.SetMetric("Percentage CPU", cpu, "Percent")
            .SetMetric("Available Memory Percentage", _ => availableMemory, "Percent")
            .SetMetric("requests/duration", _ => latency, "MilliSeconds")
            .SetMetric("requests/failed", _ => failedOf6000)
            .SetMetric("requests/count", _ => 6000);

    /// <summary>Seed 003's other signals at values that never fire: latency 300 ms, 5 queued requests.</summary>
    private static SeedReplay Quiet(SeedReplay replay) =>
        replay.SetMetric("requests/duration", _ => 300, "MilliSeconds").SetMetric("ActiveMessages", _ => 5);
}
