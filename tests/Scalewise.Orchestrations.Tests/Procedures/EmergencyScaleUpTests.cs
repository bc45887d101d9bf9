using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;
using Scalewise.Orchestrations.Procedures;
using Scalewise.Simulator.Load;

namespace Scalewise.Orchestrations.Tests.Procedures;

[Collection(LocalEstateCollection.Name)]
public sealed class EmergencyScaleUpTests(LocalEstateFixture estate)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    /// <summary>CPU above 70% scales out; 90% is the critical tier. 36 requests/s on 2 instances of 20 is 95% CPU.</summary>
    public static ScalingRule CriticalCpu() => new(
        "cpu-high",
        new MetricTrigger("Percentage CPU", null, null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 70, CriticalThreshold: 90),
        new ScaleAction(ScaleDirection.Increase, 1, TimeSpan.FromMinutes(10)));

    [Fact]
    public async Task EmergencyScaleUp_CapacityVerified_SucceedsRecordsHistoryAndWritesTheCapacityReport()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("emergency", capacity: 2, rules: [CriticalCpu()]);
        scaleSet.SetLoad(new ConstantLoadProfile(36));
        var decidedAt = DateTimeOffset.UtcNow;

        var result = await RunAsync(policy, toCapacity: 4, decidedAt);

        Assert.Equal(ProcedureOutcome.Succeeded, result.Procedure.Outcome);
        Assert.Equal(4, scaleSet.Capacity);
        Assert.Equal(4, scaleSet.ReadyInstances);
        Assert.Equal(
            [ProcedureStepNames.Guard, ProcedureStepNames.Snapshot, ProcedureStepNames.Apply, ProcedureStepNames.WaitForProvisioning, ProcedureStepNames.Verify, ProcedureStepNames.Notify, ProcedureStepNames.Observe, ProcedureStepNames.Report],
            result.Procedure.Steps.Select(s => s.Name));

        var record = Assert.Single(await estate.Services.GetRequiredService<IProcedureHistory>().ListAsync(policy.Id, 10, CancellationToken.None));
        Assert.Equal(ProcedureOutcome.Succeeded, record.Outcome);
        Assert.Equal(DecisionKind.Emergency, record.Kind);
        Assert.Equal(2, record.FromCapacity);
        Assert.Equal(4, record.ToCapacity);
        Assert.Equal(result.Procedure.Steps.Select(s => s.Name), record.Steps.Select(s => s.Name));
        Assert.True(record.EndedAt <= record.Steps[^2].StartedAt, "The procedure's end is when it recorded its outcome, before the aftermath.");
        Assert.DoesNotContain(record.Steps, s => s.Name == ProcedureStepNames.Approval || s.Name == ProcedureStepNames.WarmUp);

        var report = Assert.Single(await estate.Services.GetRequiredService<ICapacityReportStore>().ListAsync(policy.Id, 10, CancellationToken.None));
        Assert.Equal(result.Report, report);
        Assert.Equal(ProcedureIds.ForTarget(policy.Id), report.InstanceId);
        Assert.Equal(ProcedureOutcome.Succeeded, report.Outcome);
        Assert.Equal(decidedAt, report.DecidedAt);
        Assert.NotNull(report.TimeToCapacity);
        Assert.InRange(report.TimeToCapacity.Value, TimeSpan.FromTicks(1), Budget);
        Assert.True(report.MinutesOverSlo >= 4, $"The minutes before the decision ran at 95% CPU; {report.MinutesOverSlo} of {report.MinutesObserved} were counted over.");
        Assert.Equal(190, report.PeakDemand);          // 95% on 2 ready instances
        Assert.Equal(3, report.PeakCapacityNeeded);    // ceil(190 / 70)
        Assert.Equal(3, report.RecommendedMinimum);    // ceil(190 / 90), above the policy's 1
        Assert.Equal(10, report.RecommendedMaximum);   // the policy's 10 already leaves headroom above 3
    }

    [Fact]
    public async Task EmergencyScaleUp_NewInstancesFailVerification_RollsBackAndStillReports()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("emergency-rb", capacity: 3, rules: [CriticalCpu()]);
        scaleSet.FailNextProvisioning();

        var result = await RunAsync(policy, toCapacity: 6, DateTimeOffset.UtcNow);

        Assert.Equal(ProcedureOutcome.RolledBack, result.Procedure.Outcome);
        Assert.Equal(3, scaleSet.Capacity);
        var verify = Assert.Single(result.Procedure.Steps, s => s.Name == ProcedureStepNames.Verify);
        Assert.StartsWith("failed", verify.Result, StringComparison.Ordinal);
        Assert.EndsWith("(check 3 of 3)", verify.Result, StringComparison.Ordinal);
        Assert.Contains(result.Procedure.Steps, s => s.Name == ProcedureStepNames.Rollback);

        var record = Assert.Single(await estate.Services.GetRequiredService<IProcedureHistory>().ListAsync(policy.Id, 10, CancellationToken.None));
        Assert.Equal(ProcedureOutcome.RolledBack, record.Outcome);
        Assert.Contains("verification failed", record.Error, StringComparison.Ordinal);

        var report = Assert.Single(await estate.Services.GetRequiredService<ICapacityReportStore>().ListAsync(policy.Id, 10, CancellationToken.None));
        Assert.Equal(ProcedureOutcome.RolledBack, report.Outcome);
        Assert.Null(report.TimeToCapacity);
    }

    private async Task<EmergencyScaleUpResult> RunAsync(ScalingPolicy policy, int toCapacity, DateTimeOffset decidedAt)
    {
        using var timeout = new CancellationTokenSource(Budget);
        var procedure = new ScaleProcedureInput(policy.Id, policy.Target.ResourceId, policy.Target.Kind, DecisionKind.Emergency, toCapacity, "test emergency", "tests", policy.WarmUp, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30));
        var input = new EmergencyScaleUpInput(procedure, decidedAt, VerifyChecks: 3, VerifyInterval: TimeSpan.FromMilliseconds(250), ObservationPeriod: TimeSpan.FromSeconds(1), ObservationInterval: TimeSpan.FromMilliseconds(250));
        var client = estate.Host.Client;
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(EmergencyScaleUp), input, new StartOrchestrationOptions(ProcedureIds.ForTarget(policy.Id)), timeout.Token);
        var completed = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        return completed.ReadOutputAs<EmergencyScaleUpResult>() ?? throw new InvalidOperationException("The procedure returned no result.");
    }
}
