using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;
using Scalewise.Orchestrations.Procedures;

namespace Scalewise.Orchestrations.Tests.Procedures;

[Collection(LocalEstateCollection.Name)]
public sealed class ScaleProcedureTests(LocalEstateFixture estate)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ScaleProcedure_ScaleOutVerified_ReachesCapacityAndRecordsSucceeded()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("out", capacity: 2);

        var result = await RunAsync(policy, toCapacity: 4);

        Assert.Equal(ProcedureOutcome.Succeeded, result.Outcome);
        Assert.Equal(4, scaleSet.Capacity);
        Assert.Equal(4, scaleSet.ReadyInstances);
        Assert.Equal(
            [ProcedureStepNames.Guard, ProcedureStepNames.Snapshot, ProcedureStepNames.Apply, ProcedureStepNames.WaitForProvisioning, ProcedureStepNames.WarmUp, ProcedureStepNames.Verify, ProcedureStepNames.Notify],
            result.Steps.Select(s => s.Name));

        var history = await estate.Services.GetRequiredService<IProcedureHistory>().ListAsync(policy.Id, 10, CancellationToken.None);
        var record = Assert.Single(history);
        Assert.Equal(ProcedureOutcome.Succeeded, record.Outcome);
        Assert.Equal(2, record.FromCapacity);
        Assert.Equal(4, record.ToCapacity);
        Assert.Contains(record.Steps, s => s.Name == ProcedureStepNames.Verify && s.Result.StartsWith("passed", StringComparison.Ordinal));

        var state = await estate.Services.GetRequiredService<ITargetStateStore>().GetAsync(policy.Id, CancellationToken.None);
        Assert.NotNull(state.State.LastScaleOutAt);
        Assert.Null(state.State.LastScaleInAt);
    }

    [Fact]
    public async Task ScaleProcedure_NewInstancesFailToProvision_RollsBackToRecordedCapacity()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("rollback", capacity: 3);
        scaleSet.FailNextProvisioning();

        var result = await RunAsync(policy, toCapacity: 5);

        Assert.Equal(ProcedureOutcome.RolledBack, result.Outcome);
        Assert.Equal(3, scaleSet.Capacity);
        Assert.Contains(result.Steps, s => s.Name == ProcedureStepNames.Verify && s.Result.StartsWith("failed", StringComparison.Ordinal));
        Assert.Contains(result.Steps, s => s.Name == ProcedureStepNames.Rollback);

        var record = Assert.Single(await estate.Services.GetRequiredService<IProcedureHistory>().ListAsync(policy.Id, 10, CancellationToken.None));
        Assert.Equal(ProcedureOutcome.RolledBack, record.Outcome);
        Assert.Contains("verification failed", record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScaleProcedure_CapacityAboveMaximum_IsCancelledByGuardWithoutTouchingTarget()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("guard", capacity: 2, maximum: 5);

        var result = await RunAsync(policy, toCapacity: 9);

        Assert.Equal(ProcedureOutcome.Cancelled, result.Outcome);
        Assert.Contains("outside the policy's bounds", result.Summary, StringComparison.Ordinal);
        Assert.Equal(2, scaleSet.Capacity);
        Assert.DoesNotContain(result.Steps, s => s.Name == ProcedureStepNames.Apply);
    }

    [Fact]
    public async Task ScaleProcedure_ManualScaleAboveTheCostCap_IsCancelledByGuardNamingTheCap()
    {
        // The fixture prices its scale sets' SKU at 0.10 an hour: 0.50 pays for 5 instances.
        var (added, scaleSet) = await estate.AddTargetAsync("costcap", capacity: 2, maximum: 10);
        var policy = added with { MaxHourlyCost = 0.50m };
        await estate.Services.GetRequiredService<IPolicyStore>().UpsertAsync(policy, ifMatch: null, CancellationToken.None);

        var refused = await RunAsync(policy, toCapacity: 6);
        var allowed = await RunAsync(policy, toCapacity: 5);

        Assert.Equal(ProcedureOutcome.Cancelled, refused.Outcome);
        Assert.Contains("over the policy's maxHourlyCost of 0.5", refused.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(refused.Steps, s => s.Name == ProcedureStepNames.Apply);
        Assert.Equal(ProcedureOutcome.Succeeded, allowed.Outcome);
        Assert.Equal(5, scaleSet.Capacity);
    }

    [Fact]
    public async Task ScaleProcedure_ReactiveScaleOutWithinCooldown_IsCancelled()
    {
        var rule = new ScalingRule(
            "cpu-high",
            new MetricTrigger("Percentage CPU", null, null, Core.Metrics.TimeAggregation.Average, Core.Metrics.TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 80),
            new ScaleAction(ScaleDirection.Increase, 1, TimeSpan.FromMinutes(10)));
        var (policy, scaleSet) = await estate.AddTargetAsync("cooldown", capacity: 2, rules: [rule]);
        await estate.Services.GetRequiredService<ITargetStateStore>().SaveAsync(TargetState.Empty(policy.Id) with { LastScaleOutAt = DateTimeOffset.UtcNow.AddMinutes(-2) }, null, CancellationToken.None);

        var result = await RunAsync(policy, toCapacity: 3, kind: DecisionKind.Reactive);

        Assert.Equal(ProcedureOutcome.Cancelled, result.Outcome);
        Assert.Contains("cooldown", result.Summary, StringComparison.Ordinal);
        Assert.Equal(2, scaleSet.Capacity);
    }

    private async Task<ScaleProcedureResult> RunAsync(ScalingPolicy policy, int toCapacity, DecisionKind kind = DecisionKind.Manual)
    {
        using var timeout = new CancellationTokenSource(Budget);
        var input = new ScaleProcedureInput(policy.Id, policy.Target.ResourceId, policy.Target.Kind, kind, toCapacity, "test", "tests", policy.WarmUp, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
        var client = estate.Host.Client;
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(ScaleProcedure), input, new StartOrchestrationOptions(ProcedureIds.ForTarget(policy.Id)), timeout.Token);
        var completed = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        return completed.ReadOutputAs<ScaleProcedureResult>() ?? throw new InvalidOperationException("The procedure returned no result.");
    }
}
