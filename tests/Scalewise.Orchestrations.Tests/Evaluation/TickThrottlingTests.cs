using Microsoft.Extensions.DependencyInjection;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Simulator.Traffic;

namespace Scalewise.Orchestrations.Tests.Evaluation;

/// <summary>
/// ARM's read throttling (250 reads per subscription, refilled at 25 per second; the fleet's clock stands still, so nothing
/// refills) against the 300-target fleet: read target by target, as the tick did before it read in batches, one subscription's
/// 100 targets cost 270 reads (a GET each, two ARM metric calls per scale set) and ARM answers 429 before they are all read;
/// the batched tick reads the whole fleet with 16 reads per subscription and is never throttled.
/// </summary>
[Collection(nameof(FleetTickCollection))]
public sealed class TickThrottlingTests(FleetTickFixture fleet)
{
    [Fact]
    public async Task Evaluate_TargetByTarget_IsThrottledWhereTheBatchedTickIsNot()
    {
        var traffic = fleet.Estate.Simulator.Estate.Traffic;
        var evaluation = fleet.Estate.Services.GetRequiredService<PolicyEvaluation>();
        var subscription = fleet.Policies[0].Target.ResourceId.Split('/')[2];
        var oneSubscription = fleet.Policies.Where(p => p.Target.ResourceId.Split('/')[2] == subscription).ToList();
        traffic.Reset();
        traffic.Throttling = true;
        try
        {
            var read = 0;
            foreach (var policy in oneSubscription)
            {
                try
                {
                    await evaluation.EvaluateAsync(fleet.Estate.Host.Client, policy, CancellationToken.None);
                }
                catch (Exception) when (traffic.Throttled > 0)
                {
                    break;
                }

                if (traffic.Throttled > 0)
                {
                    break;
                }

                read++;
            }

            Assert.True(traffic.Throttled > 0, "reading target by target was never throttled");
            Assert.InRange(read, 1, oneSubscription.Count - 1);
            Assert.Equal(SimulatedTraffic.ReadBucketSize + traffic.Throttled, traffic.ArmReadsPerSubscription[subscription]);

            traffic.Reset();
            var decisions = await evaluation.EvaluateAllAsync(fleet.Estate.Host.Client, CancellationToken.None);

            Assert.Equal(0, traffic.Throttled);
            Assert.Equal(FleetTickFixture.Shape.Targets, decisions.Count);
        }
        finally
        {
            traffic.Throttling = false;
            traffic.Reset();
        }
    }
}
