using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Simulator.Load;

namespace Scalewise.Orchestrations.Tests.Evaluation;

/// <summary>The cost cap in the tick: the price of the scale set's SKU comes from configuration (Scalewise:Prices).</summary>
[Collection(LocalEstateCollection.Name)]
public sealed class CostCapEvaluationTests(LocalEstateFixture estate)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EvaluateAsync_ScaleOutPastTheCostCap_IsCappedAtWhatTheCapPaysForAndSaysSo()
    {
        var (added, scaleSet) = await estate.AddTargetAsync("capped", capacity: 2, minimum: 1, maximum: 10);
        scaleSet.SetLoad(new ConstantLoadProfile(60));

        // $0.35 an hour pays for 3 instances at the configured $0.10; the rule asks for 2 + 3 = 5.
        var policy = added with { Rules = [CpuHigh(changeCount: 3)], MaxHourlyCost = 0.35m };
        await estate.Services.GetRequiredService<IPolicyStore>().UpsertAsync(policy, ifMatch: null, CancellationToken.None);

        var decision = await estate.Services.GetRequiredService<PolicyEvaluation>().EvaluateAsync(estate.Host.Client, policy, CancellationToken.None);

        Assert.NotNull(decision);
        Assert.Equal((DecisionOutcome.Scale, 3), (decision.Outcome, decision.NewCapacity));
        var cap = Assert.Single(decision.Adjustments, a => a.Kind == AdjustmentKind.CostCap);
        Assert.Contains("5 × Standard_D2s_v3 at $0.10/h = $0.50/h would pass the cost cap of $0.35/h, which pays for 3; capped at 3", cap.Detail, StringComparison.Ordinal);
        Assert.Contains("cost cap", decision.Reason, StringComparison.Ordinal);

        using var budget = new CancellationTokenSource(Budget);
        await estate.Host.Client.WaitForInstanceCompletionAsync($"scale-{policy.Id}", budget.Token);
        Assert.Equal(3, scaleSet.Capacity);
        var logged = await estate.Services.GetRequiredService<IDecisionLog>().ListAsync(policy.Id, 10, CancellationToken.None);
        Assert.Contains(logged, d => d.Adjustments.Any(a => a.Kind == AdjustmentKind.CostCap));
    }

    [Fact]
    public async Task EvaluateAsync_ScaleOutWithinTheCostCap_IsNotCapped()
    {
        var (added, scaleSet) = await estate.AddTargetAsync("uncapped", capacity: 2, minimum: 1, maximum: 10);
        scaleSet.SetLoad(new ConstantLoadProfile(60));
        var policy = added with { Rules = [CpuHigh(changeCount: 1)], MaxHourlyCost = 0.35m };
        await estate.Services.GetRequiredService<IPolicyStore>().UpsertAsync(policy, ifMatch: null, CancellationToken.None);

        var decision = await estate.Services.GetRequiredService<PolicyEvaluation>().EvaluateAsync(estate.Host.Client, policy, CancellationToken.None);

        Assert.NotNull(decision);
        Assert.Equal((DecisionOutcome.Scale, 3), (decision.Outcome, decision.NewCapacity));
        Assert.DoesNotContain(decision.Adjustments, a => a.Kind == AdjustmentKind.CostCap);
        using var budget = new CancellationTokenSource(Budget);
        await estate.Host.Client.WaitForInstanceCompletionAsync($"scale-{policy.Id}", budget.Token);
    }

    private static ScalingRule CpuHigh(int changeCount) => new(
        "cpu-high",
        new MetricTrigger("Percentage CPU", "microsoft.compute/virtualmachinescalesets", null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 70),
        new ScaleAction(ScaleDirection.Increase, changeCount, TimeSpan.FromMinutes(5)));
}
