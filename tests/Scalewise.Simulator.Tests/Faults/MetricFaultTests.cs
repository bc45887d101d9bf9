using System.Text.Json.Nodes;
using Scalewise.Simulator.Faults;
using Scalewise.Simulator.Load;

namespace Scalewise.Simulator.Tests.Faults;

/// <summary>Metric faults the fault campaign draws: late metrics (ingestion behind) and a gap (no values at all).</summary>
public sealed class MetricFaultTests
{
    [Fact]
    public async Task LateMetrics_ThreeMinutesLate_NewestThreePointsMissingThenServedAgain()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet(capacity: 2).SetLoad(new ConstantLoadProfile(30));
        var start = harness.Time.GetUtcNow();
        harness.Time.Advance(TimeSpan.FromMinutes(8));
        var rule = FaultRule.LateMetrics(SimulatorHarness.ScaleSetId, TimeSpan.FromMinutes(3)) with { Times = int.MaxValue };
        harness.Simulator.Estate.Faults.Enqueue(rule);

        var late = await harness.GetJsonAsync(SimulatorHarness.Metrics(SimulatorHarness.ScaleSetId, start, start.AddMinutes(10)));
        harness.Simulator.Estate.Faults.Remove(rule);
        var onTime = await harness.GetJsonAsync(SimulatorHarness.Metrics(SimulatorHarness.ScaleSetId, start, start.AddMinutes(10)));

        Assert.Equal(5, Count(late));
        Assert.Equal(8, Count(onTime));
        Assert.Empty(harness.Simulator.Estate.Faults.Pending);
    }

    [Fact]
    public async Task MetricGap_OnlyOnce_NoPointsThenAllPoints()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet(capacity: 2).SetLoad(new ConstantLoadProfile(30));
        var start = harness.Time.GetUtcNow();
        harness.Time.Advance(TimeSpan.FromMinutes(6));
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.MetricGap(SimulatorHarness.ScaleSetId));

        var gap = await harness.GetJsonAsync(SimulatorHarness.Metrics(SimulatorHarness.ScaleSetId, start, start.AddMinutes(10)));
        var after = await harness.GetJsonAsync(SimulatorHarness.Metrics(SimulatorHarness.ScaleSetId, start, start.AddMinutes(10)));

        Assert.Equal(0, Count(gap));
        Assert.Equal(6, Count(after));
        Assert.Equal(FaultKind.MetricGap, Assert.Single(harness.Simulator.Estate.Faults.Injected).Rule.Kind);
    }

    private static int Count(JsonNode body) => body["value"]![0]!["timeseries"]?[0]?["data"]?.AsArray().Count ?? 0;
}
