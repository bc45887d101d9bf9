using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Ports;
using Scalewise.LocalSupport;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Simulator.Load;

namespace Scalewise.Orchestrations.Tests.Evaluation;

/// <summary>
/// How many times the tick asks the Durable host about running procedures: once per tick, whatever the number of targets
/// (issue "The live tick at fleet scale"). Its own estate, so that no other test's targets are in the count.
/// </summary>
public sealed class TickDurableLookupTests : IClassFixture<LocalEstateFixture>
{
    private const int Targets = 30;
    private readonly LocalEstateFixture estate;

    public TickDurableLookupTests(LocalEstateFixture estate) => this.estate = estate;

    [Fact]
    public async Task EvaluateAllAsync_ThirtyQuietTargets_AsksTheDurableHostOnceNotOncePerTarget()
    {
        for (var i = 0; i < Targets; i++)
        {
            var (_, scaleSet) = await estate.AddTargetAsync($"tick{i:00}", capacity: 2);
            scaleSet.SetLoad(new ConstantLoadProfile(1));
        }

        var counting = new CountingDurableClient(estate.Host.Client);
        var stored = await estate.Services.GetRequiredService<IPolicyStore>().ListAsync(CancellationToken.None);

        var decisions = await estate.Services.GetRequiredService<PolicyEvaluation>().EvaluateAllAsync(counting, CancellationToken.None);

        Assert.Equal(Targets, stored.Count);
        Assert.Equal(Targets, decisions.Count);
        Assert.Equal((1, 0), (counting.Queries, counting.InstanceLookups));
    }
}
