using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Simulator.Load;

namespace Scalewise.Orchestrations.Tests.Evaluation;

/// <summary>Warnings in the tick: recorded in the decision log, notified through INotifier when they begin, never scaled on.</summary>
[Collection(LocalEstateCollection.Name)]
public sealed class AlertEvaluationTests(LocalEstateFixture estate)
{
    [Fact]
    public async Task EvaluateAsync_AlertOnlyRuleFires_RecordsAWarningNotifiesOnceAndLeavesCapacity()
    {
        var (added, scaleSet) = await estate.AddTargetAsync("alert", capacity: 2, minimum: 1, maximum: 10);

        // 30 requests a second on 2 instances of 20: CPU 80%.
        scaleSet.SetLoad(new ConstantLoadProfile(30));
        var policy = added with { Alerts = [new AlertRule("cpu-hot", Cpu(ComparisonOperator.GreaterThan, 75))] };
        await estate.Services.GetRequiredService<IPolicyStore>().UpsertAsync(policy, ifMatch: null, CancellationToken.None);
        var people = new RecordingNotifier();
        var evaluation = Evaluation(people);

        var first = await evaluation.EvaluateAsync(estate.Host.Client, policy, CancellationToken.None);
        var second = await evaluation.EvaluateAsync(estate.Host.Client, policy, CancellationToken.None);

        Assert.Equal((DecisionOutcome.NoChange, DecisionSeverity.Warning), (first!.Outcome, first.Severity));
        Assert.Contains("Alert: 'cpu-hot' (Percentage CPU Average over 5m = 80 > 75) is past its threshold; alert-only, so nothing scales.", first.Reason, StringComparison.Ordinal);
        var logged = await estate.Services.GetRequiredService<IDecisionLog>().ListAsync(policy.Id, 10, CancellationToken.None);
        Assert.Equal(2, logged.Count(d => d.Severity == DecisionSeverity.Warning));
        var alert = Assert.Single(people.Alerts);
        Assert.Equal((policy.Id, 2, "cpu-hot"), (alert.PolicyId, alert.Capacity, Assert.Single(alert.Alerts)));
        Assert.Equal(first.Reason, alert.Reason);
        Assert.Equal(DecisionSeverity.Warning, second!.Severity);
        Assert.Equal(2, scaleSet.Capacity);
        Assert.Null(await ScaleProcedureOf(policy));
    }

    [Fact]
    public async Task EvaluateAsync_RulePastItsWarningTier_IsRecordedAndNotified()
    {
        var (added, scaleSet) = await estate.AddTargetAsync("warning", capacity: 2, minimum: 1, maximum: 10);
        scaleSet.SetLoad(new ConstantLoadProfile(30));
        var rule = new ScalingRule("cpu-high", Cpu(ComparisonOperator.GreaterThan, 90) with { WarningThreshold = 70 }, new ScaleAction(ScaleDirection.Increase, 1, TimeSpan.FromMinutes(5)));
        var policy = added with { Rules = [rule] };
        await estate.Services.GetRequiredService<IPolicyStore>().UpsertAsync(policy, ifMatch: null, CancellationToken.None);
        var people = new RecordingNotifier();

        var decision = await Evaluation(people).EvaluateAsync(estate.Host.Client, policy, CancellationToken.None);

        Assert.Equal((DecisionOutcome.NoChange, DecisionSeverity.Warning), (decision!.Outcome, decision.Severity));
        Assert.Contains(await estate.Services.GetRequiredService<IDecisionLog>().ListAsync(policy.Id, 10, CancellationToken.None), d => d.Severity == DecisionSeverity.Warning);
        Assert.Equal("cpu-high", Assert.Single(Assert.Single(people.Alerts).Alerts));
        Assert.Equal(2, scaleSet.Capacity);
    }

    private PolicyEvaluation Evaluation(INotifier people) =>
        ActivatorUtilities.CreateInstance<PolicyEvaluation>(estate.Services, ActivatorUtilities.CreateInstance<WarningNotifications>(estate.Services, people));

    private async Task<string?> ScaleProcedureOf(ScalingPolicy policy) =>
        (await estate.Host.Client.GetInstanceAsync($"scale-{policy.Id}", CancellationToken.None))?.InstanceId;

    private static MetricTrigger Cpu(ComparisonOperator op, double threshold) =>
        new("Percentage CPU", "microsoft.compute/virtualmachinescalesets", null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), op, threshold);

    /// <summary>Stands in for the people a notification reaches (webhook, Teams, Event Grid are outside the process).</summary>
    private sealed class RecordingNotifier : INotifier
    {
        private readonly ConcurrentQueue<AlertNotification> alerts = new();

        public IReadOnlyList<AlertNotification> Alerts => [.. alerts];

        public Task NotifyAsync(ProcedureNotification notification, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task NotifyAlertAsync(AlertNotification alert, CancellationToken cancellationToken)
        {
            alerts.Enqueue(alert);
            return Task.CompletedTask;
        }
    }
}
