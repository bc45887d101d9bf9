using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Procedures;
using Scalewise.Orchestrations.Procedures;
using Scalewise.Simulator.Faults;

namespace Scalewise.Orchestrations.Tests.Vertical;

/// <summary>Each injected ARM fault kind against the scale-set procedure on the in-process host.</summary>
[Collection(LocalEstateCollection.Name)]
public sealed class ScaleSetFaultTests(LocalEstateFixture estate)
{
    public static TheoryData<FaultKind> Deferrals => [FaultKind.Throttle, FaultKind.Conflict, FaultKind.ServerError, FaultKind.Timeout];

    [Theory]
    [MemberData(nameof(Deferrals))]
    public async Task ScaleProcedure_FaultOnCapacityChange_WaitsOrRetriesThenSucceeds(FaultKind kind)
    {
        var (policy, scaleSet) = await estate.AddTargetAsync($"f{(int)kind}", capacity: 2);
        var id = policy.Target.ResourceId;
        estate.Simulator.Estate.Faults.Enqueue(kind switch
        {
            FaultKind.Throttle => FaultRule.Throttle("PATCH", id, TimeSpan.FromSeconds(1), string.Empty),
            FaultKind.Conflict => FaultRule.Conflict("PATCH", id, string.Empty),
            FaultKind.ServerError => FaultRule.ServerError("PATCH", id, string.Empty),
            _ => FaultRule.Timeout("PATCH", id, TimeSpan.FromMilliseconds(500), string.Empty),
        });

        var result = await RunAsync(policy, toCapacity: 3);

        Assert.Equal(ProcedureOutcome.Succeeded, result.Outcome);
        Assert.Equal(3, scaleSet.Capacity);
        Assert.Contains(estate.Simulator.Estate.Faults.Injected, f => f.Rule.Kind == kind && f.Path.Contains(policy.Id, StringComparison.OrdinalIgnoreCase));
    }

    public static TheoryData<string> Refusals => ["quota", "SkuNotAvailable", "AllocationFailed", "ZonalAllocationFailed"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ScaleProcedure_QuotaOrSku409_FailsAtOnceWithAzuresMessageInHistory(string refusal)
    {
        var (policy, scaleSet) = await estate.AddTargetAsync($"r{refusal.Length}", capacity: 2);
        var id = policy.Target.ResourceId;
        var rule = refusal == "quota" ? FaultRule.QuotaExceeded("PATCH", id, string.Empty) : FaultRule.CapacityUnavailable(refusal, "PATCH", id, string.Empty);
        estate.Simulator.Estate.Faults.Enqueue(rule with { Times = int.MaxValue });

        try
        {
            var result = await RunAsync(policy, toCapacity: 6);

            var record = await estate.RecordOfAsync(policy);
            Assert.Equal(ProcedureOutcome.Failed, result.Outcome);
            Assert.Equal(2, scaleSet.Capacity);
            Assert.Contains(rule.ConflictMessage!, record.Error, StringComparison.Ordinal);
            Assert.Single(estate.Simulator.Estate.Faults.Injected, f => f.Rule == rule with { Times = int.MaxValue });
        }
        finally
        {
            estate.Simulator.Estate.Faults.Clear();
        }
    }

    [Fact]
    public async Task ScaleProcedure_ProvisioningFailedFault_RollsBack()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("fprov", capacity: 2);
        estate.Simulator.Estate.Faults.Enqueue(FaultRule.ProvisioningFailed("PATCH", policy.Target.ResourceId, string.Empty));

        var result = await RunAsync(policy, toCapacity: 4);

        Assert.Equal(ProcedureOutcome.RolledBack, result.Outcome);
        Assert.Equal(2, scaleSet.Capacity);
    }

    private async Task<ScaleProcedureResult> RunAsync(ScalingPolicy policy, int toCapacity)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var input = new ScaleProcedureInput(policy.Id, policy.Target.ResourceId, policy.Target.Kind, DecisionKind.Manual, toCapacity, "test", "tests", policy.WarmUp, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
        var instanceId = await estate.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ScaleProcedure), input, new StartOrchestrationOptions(ProcedureIds.ForTarget(policy.Id)), timeout.Token);
        var completed = await estate.Host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        return completed.ReadOutputAs<ScaleProcedureResult>() ?? throw new InvalidOperationException("No result.");
    }
}
