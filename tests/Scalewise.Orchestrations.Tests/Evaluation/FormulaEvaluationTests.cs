using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Simulator.Load;

namespace Scalewise.Orchestrations.Tests.Evaluation;

/// <summary>A formula rule in the tick: the named metrics are read from Azure Monitor (the simulator) and the formula decides.</summary>
[Collection(LocalEstateCollection.Name)]
public sealed class FormulaEvaluationTests(LocalEstateFixture estate)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EvaluateAsync_FormulaOverNamedMetrics_ReadsEachAndScalesOnTheFormulasValue()
    {
        var (added, scaleSet) = await estate.AddTargetAsync("formula", capacity: 2, minimum: 1, maximum: 10);

        // 30 requests a second on 2 instances of 20: CPU 5% baseline + 75% = 80%; 30 × 60 × 4096 bytes a minute come in.
        scaleSet.SetLoad(new ConstantLoadProfile(30));
        var trigger = new MetricTrigger(null!, null, null, default, default, default, default, ComparisonOperator.GreaterThan, 1) { Formula = "max(cpu / 70, network / 10000000)" };
        var policy = added with
        {
            Rules = [new ScalingRule("pressure", trigger, new ScaleAction(ScaleDirection.Increase, 1, TimeSpan.FromMinutes(5)))],
            Metrics =
            [
                new NamedMetric("cpu", "Percentage CPU", "microsoft.compute/virtualmachinescalesets", null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)),
                new NamedMetric("network", "Network In Total", "microsoft.compute/virtualmachinescalesets", null, TimeAggregation.Total, TimeAggregation.Maximum, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)),
            ],
        };
        Assert.Empty(PolicyValidator.Validate(policy));
        await estate.Services.GetRequiredService<IPolicyStore>().UpsertAsync(policy, ifMatch: null, CancellationToken.None);

        var decision = await estate.Services.GetRequiredService<PolicyEvaluation>().EvaluateAsync(estate.Host.Client, policy, CancellationToken.None);

        Assert.NotNull(decision);
        Assert.Equal((DecisionOutcome.Scale, 3), (decision.Outcome, decision.NewCapacity));
        Assert.Contains("rule 'pressure' fired (formula max(cpu / 70, network / 10000000) = 1.14 > 1; cpu = 80, network = 7372800)", decision.Reason, StringComparison.Ordinal);
        using var budget = new CancellationTokenSource(Budget);
        await estate.Host.Client.WaitForInstanceCompletionAsync($"scale-{policy.Id}", budget.Token);
        Assert.Equal(3, scaleSet.Capacity);
    }
}
