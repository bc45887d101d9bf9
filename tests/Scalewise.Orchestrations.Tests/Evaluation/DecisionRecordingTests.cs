using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Simulator.Load;

namespace Scalewise.Orchestrations.Tests.Evaluation;

/// <summary>What the decision log keeps from a tick on the estate: every decision where a rule fired, whatever held it.</summary>
[Collection(LocalEstateCollection.Name)]
public sealed class DecisionRecordingTests(LocalEstateFixture estate)
{
    [Fact]
    public async Task EvaluateAsync_ScaleInHeldByStabilization_IsRecordedWithWhyNothingHappened()
    {
        var (added, scaleSet) = await estate.AddTargetAsync("stable", capacity: 4, minimum: 1, maximum: 10);
        scaleSet.SetLoad(new ConstantLoadProfile(5));
        var policy = added with { Rules = [CpuLow()], ScaleInStabilization = TimeSpan.FromMinutes(10) };
        await estate.Services.GetRequiredService<IPolicyStore>().UpsertAsync(policy, ifMatch: null, CancellationToken.None);
        var states = estate.Services.GetRequiredService<ITargetStateStore>();
        var stored = await states.GetAsync(policy.Id, CancellationToken.None);

        // Two minutes ago the target needed all 4 instances: the window still holds them.
        var recent = new CapacityRecommendation(DateTimeOffset.UtcNow.AddMinutes(-2), 4);
        await states.SaveAsync(stored.State with { RecentRecommendations = [recent] }, stored.ETag, CancellationToken.None);

        var decision = await estate.Services.GetRequiredService<PolicyEvaluation>().EvaluateAsync(estate.Host.Client, policy, CancellationToken.None);

        Assert.NotNull(decision);
        Assert.Equal(DecisionOutcome.NoChange, decision.Outcome);
        Assert.Contains(decision.Evaluations, e => e.Fired);
        var logged = Assert.Single(await estate.Services.GetRequiredService<IDecisionLog>().ListAsync(policy.Id, 10, CancellationToken.None));
        Assert.Contains(logged.Adjustments, a => a.Kind == AdjustmentKind.Stabilization);
        Assert.Equal(4, scaleSet.Capacity);
    }

    [Fact]
    public async Task EvaluateAsync_NoRuleFiredAndNothingMoved_IsNotRecorded()
    {
        var (added, scaleSet) = await estate.AddTargetAsync("quiet", capacity: 4, minimum: 1, maximum: 10);
        scaleSet.SetLoad(new ConstantLoadProfile(50));
        var policy = added with { Rules = [CpuLow()] };
        await estate.Services.GetRequiredService<IPolicyStore>().UpsertAsync(policy, ifMatch: null, CancellationToken.None);

        var decision = await estate.Services.GetRequiredService<PolicyEvaluation>().EvaluateAsync(estate.Host.Client, policy, CancellationToken.None);

        Assert.NotNull(decision);
        Assert.DoesNotContain(decision.Evaluations, e => e.Fired);
        Assert.Empty(await estate.Services.GetRequiredService<IDecisionLog>().ListAsync(policy.Id, 10, CancellationToken.None));
    }

    private static ScalingRule CpuLow() => new(
        "cpu-low",
        new MetricTrigger("Percentage CPU", "microsoft.compute/virtualmachinescalesets", null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), ComparisonOperator.LessThan, 30),
        new ScaleAction(ScaleDirection.Decrease, 1, TimeSpan.FromMinutes(5)));
}
