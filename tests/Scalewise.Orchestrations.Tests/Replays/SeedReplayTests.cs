using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Procedures;

namespace Scalewise.Orchestrations.Tests.Replays;

/// <summary>
/// Each seed's example policy (examples/policies/seed-00N-*.json) replayed minute by minute through the real tick against the
/// estate simulator and Azurite, showing the behaviour its seed document (shared seeds 000-004) states. Decisions are asserted
/// as stored in the decision log; where a procedure runs, on the target's capacity or SKU in the simulator.
/// </summary>
public sealed class SeedReplayTests(SeedReplayFixture fixture) : IClassFixture<SeedReplayFixture>
{
    /// <summary>Seed 001: "scale_up: adjustment +2, cooldown 300; scale_down: adjustment -1, cooldown 600", min 2, max 10.</summary>
    [Fact]
    public async Task Seed001_HotThenIdle_AddsTwoEvery300SecondsUpToTenThenRemovesOneEvery600Seconds()
    {
        var replay = await SeedReplay.StartAsync(fixture, "seed-001-event-venue-app-tier.json", capacity: 2);
        replay.SetMetric("Percentage CPU", m => m < 20 ? 80 : 20, "Percent")
            .SetMetric("Available Memory Percentage", _ => 60, "Percent")
            .SetMetric("requests/duration", _ => 300, "MilliSeconds")
            .SetMetric("requests/failed", _ => 0)
            .SetMetric("requests/count", _ => 6000);

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
}
