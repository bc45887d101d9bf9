using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.LocalSupport;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Simulator.Traffic;

namespace Scalewise.Orchestrations.Tests.Evaluation;

/// <summary>
/// What one tick costs Azure over a fleet of 300 targets (issue "The live tick at fleet scale"): ARM list reads per resource
/// group and kind instead of one GET per target, metrics in <c>metrics:getBatch</c> calls of up to 50 resources, one Durable
/// query. The counts are deterministic; a change that goes back to per-target reads fails here.
/// </summary>
[Collection(nameof(FleetTickCollection))]
public sealed class TickCallCountTests(FleetTickFixture fleet)
{
    [Fact]
    public async Task EvaluateAllAsync_ThreeHundredMixedTargets_ReadsAzureInBatches()
    {
        var traffic = fleet.Estate.Simulator.Estate.Traffic;
        var counting = new CountingDurableClient(fleet.Estate.Host.Client);
        traffic.Reset();
        traffic.Throttling = true;
        IReadOnlyList<ScalingDecision> decisions;
        try
        {
            decisions = await fleet.Estate.Services.GetRequiredService<PolicyEvaluation>().EvaluateAllAsync(counting, CancellationToken.None);
        }
        finally
        {
            traffic.Throttling = false;
        }

        Assert.Equal(0, traffic.Throttled);

        // 12 resource groups, each with scale sets (19), VMs (2), caches (2) and Managed Redis (2): 48 list calls, no GET.
        Assert.Equal(48, traffic.Count(TrafficKind.ArmRead));
        Assert.All(traffic.ArmReadsPerSubscription.Values, reads => Assert.Equal(16, reads));

        // Per subscription 76 scale sets (2 calls of up to 50), 8 VMs, 8 caches, 8 Managed Redis (1 call each); no ARM metrics call.
        Assert.Equal((15, 0), (traffic.Count(TrafficKind.MetricsBatch), traffic.Count(TrafficKind.ArmMetrics)));
        Assert.Equal((1, 0, 0), (counting.Queries, counting.InstanceLookups, counting.Scheduled));
        Assert.Equal(0, traffic.Count(TrafficKind.ArmWrite));

        Assert.Equal(FleetTickFixture.Shape.Targets, decisions.Count);
        var scaling = Enumerable.Range(0, FleetTickFixture.Shape.Targets).Count(i => FleetEstate.IsScaling(FleetTickFixture.Shape, i));
        Assert.Equal(scaling, decisions.Count(d => d.NewCapacity > d.CurrentCapacity));
        Assert.DoesNotContain(decisions, d => d.Outcome == DecisionOutcome.NoData);
    }
}
