using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using static Scalewise.Core.Tests.Samples;

namespace Scalewise.Core.Tests.Replays;

/// <summary>Each seed's example policy, replayed minute by minute, does what its seed document says.</summary>
public sealed class SeedEngineReplayTests
{
    [Fact]
    public void Seed000_CpuAbove80_ScalesOutByOneWithTenMinuteCooldown()
    {
        var replay = Replay("seed-000-music-app-tier.json", 4).Run(30, (metric, _) => metric switch
        {
            "Percentage CPU" => 85,
            "requests/duration" => 400,
            _ => null,
        });

        Assert.Equal([(1, 5), (11, 6), (21, 7)], replay.Changes.Select(c => (c.Minute, c.Decision.NewCapacity)));
    }

    [Fact]
    public void Seed000_CpuAtTheSeventyPercentTarget_WarnsWithoutScaling()
    {
        var decision = Replay("seed-000-music-app-tier.json", 4).Run(1, (metric, _) => metric == "Percentage CPU" ? 75 : 400).Decisions[0];

        Assert.Equal((DecisionOutcome.NoChange, DecisionSeverity.Warning), (decision.Outcome, decision.Severity));
        Assert.EndsWith("Warning: 'cpu-high' is past its warning threshold (75 > 70).", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed000_LatencyP95Above2Seconds_ScalesOutWhereTheAverageWouldNot()
    {
        // One slow minute in three: the 3-minute average is 1200 ms, the p95 2390 ms.
        var replay = Replay("seed-000-music-app-tier.json", 4).Run(1, (metric, minute) => metric switch
        {
            "Percentage CPU" => 50,
            "requests/duration" => minute % 3 == 0 ? 2600 : 500,
            _ => null,
        });

        var decision = replay.Decisions[0];
        Assert.Equal((DecisionOutcome.Scale, 5), (decision.Outcome, decision.NewCapacity));
        Assert.Contains("'latency-p95' fired (requests/duration P95 over 3m = 2390 > 2000)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed001_HotThenIdle_AddsTwoEvery300SecondsAndRemovesOneEvery600Seconds()
    {
        var replay = Replay("seed-001-event-venue-app-tier.json", 2).Run(80, (metric, minute) => minute < 20 ? 90 : 20);

        var changes = replay.Changes.Select(c => (c.Minute, Delta: c.Decision.NewCapacity - c.Decision.CurrentCapacity)).ToList();
        var outs = changes.Where(c => c.Delta > 0).ToList();
        var ins = changes.Where(c => c.Delta < 0).ToList();
        Assert.Equal([(1, 2), (6, 2), (11, 2), (16, 2)], outs);
        Assert.True(ins.Count >= 4);
        Assert.All(ins, c => Assert.Equal(-1, c.Delta));
        Assert.All(ins.Zip(ins.Skip(1)), pair => Assert.Equal(10, pair.Second.Minute - pair.First.Minute));
        Assert.Equal(DecisionSeverity.Critical, replay.Decisions[0].Severity);
        Assert.Contains("Critical: 'cpu-high' is past its critical threshold (90 > 85)", replay.Decisions[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(150, 5)]
    [InlineData(300, 6)]
    [InlineData(700, 8)]
    public void Seed002Worker_QueueDepth_StepsByOneTwoOrFour(double depth, int expected)
    {
        var replay = Replay("seed-002-sketchy-chain-worker.json", 4).Run(1, (metric, _) => metric == "ActiveMessages" ? depth : 60);

        var decision = replay.Decisions[0];
        Assert.Equal((DecisionOutcome.Scale, expected), (decision.Outcome, decision.NewCapacity));
        Assert.Contains(FormattableString.Invariant($"asks for +{expected - 4}"), decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed002Worker_QueueAboveCritical_AlertsAndStillStepsByFour()
    {
        var decision = Replay("seed-002-sketchy-chain-worker.json", 4).Run(1, (metric, _) => metric == "ActiveMessages" ? 700 : 60).Decisions[0];

        Assert.Equal((DecisionKind.Reactive, 8, DecisionSeverity.Warning), (decision.Kind, decision.NewCapacity, decision.Severity));
        Assert.Contains("Alert: 'queue-critical'", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed002Api_RequestsPerInstance_DividesTheGatewayTotalByCapacity()
    {
        // 80,000 requests a minute over 4 instances is 20,000 per instance (333 rps), above the 300 rps trigger.
        var decision = Replay("seed-002-sketchy-chain-api.json", 4).Run(1, (metric, _) => metric == "TotalRequests" ? 80_000 : 50).Decisions[0];

        Assert.Equal(5, decision.NewCapacity);
        Assert.Contains("TotalRequests per instance Average over 3m = 20000 > 18000", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed002Redis_MemoryHighFor15Minutes_StepsUpOneSize()
    {
        var replay = Replay("seed-002-sketchy-chain-redis.json", 1, "Standard_C3").Run(1, (metric, _) => metric == "usedmemorypercentage" ? 85 : 0);

        var decision = replay.Decisions[0];
        Assert.Equal((DecisionOutcome.Scale, "Standard_C4", 1), (decision.Outcome, decision.NewSku, decision.NewCapacity));
        Assert.StartsWith("Step up Standard_C3 → Standard_C4: rule 'memory-high' fired", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed003_CpuAndMemoryLowForTenMinutes_ScalesInOnlyThen()
    {
        var replay = Replay("seed-003-arq-app-tier.json", 6).Run(25, (metric, minute) => metric switch
        {
            "Percentage CPU" => minute < 10 ? 50 : 20,
            "Available Memory Percentage" => 60,
            "requests/duration" => 300,
            _ => 5,
        });

        var first = replay.Changes.First();
        Assert.Equal((20, 5), (first.Minute, first.Decision.NewCapacity));
        Assert.Contains("all 2 scale-in rules fired", first.Decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed003_CpuLowButMemoryAbove50Percent_NeverScalesIn()
    {
        var replay = Replay("seed-003-arq-app-tier.json", 6).Run(40, (metric, _) => metric switch
        {
            "Percentage CPU" => 20,
            "Available Memory Percentage" => 40,
            "requests/duration" => 300,
            _ => 5,
        });

        Assert.Empty(replay.Changes);
        Assert.Contains("needs every scale-in rule to fire and 'memory-low'", replay.Decisions[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed004_CpuAbove70Percent_TracksTheTarget()
    {
        var decision = Replay("seed-004-ai-video-backend.json", 4).Run(1, (metric, _) => metric == "Percentage CPU" ? 84 : 4000).Decisions[0];

        Assert.Equal((DecisionOutcome.Scale, 5), (decision.Outcome, decision.NewCapacity));
        Assert.Contains("ceil(4 × 84 / 70) = 5", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed004_CpuWithinTenPercentOfTarget_HoldsCapacity()
    {
        var replay = Replay("seed-004-ai-video-backend.json", 4).Run(10, (metric, _) => metric == "Percentage CPU" ? 75 : 4000);

        Assert.Empty(replay.Changes);
    }

    [Fact]
    public void Seed004_BothTargetsLow_ScalesInToTheLargerOfTheirCapacities()
    {
        // CPU asks for ceil(6 × 35 / 70) = 3, requests for ceil(6 × 200 / 1000) = 2: the smallest reduction wins.
        var decision = Replay("seed-004-ai-video-backend.json", 6).Run(1, (metric, _) => metric == "Percentage CPU" ? 35 : 1200).Decisions[0];

        Assert.Equal((DecisionOutcome.Scale, 3), (decision.Outcome, decision.NewCapacity));
    }

    [Fact]
    public void Seed004Cache_MemoryHigh_StepsAlongTheSeedsNodeTypes()
    {
        var replay = Replay("seed-004-ai-video-cache.json", 1, "Standard_C1").Run(40, (_, _) => 90);

        Assert.Equal(["Standard_C2", "Standard_C3"], replay.Changes.Select(c => c.Decision.NewSku));
        Assert.Equal(DecisionOutcome.AtBound, replay.Decisions[^1].Outcome);
    }

    private static PolicyReplay Replay(string example, int capacity, string? sku = null)
    {
        var parsed = PolicyDocument.Parse(ExampleJson(example));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return new PolicyReplay(parsed.Policy!, capacity, sku);
    }
}
