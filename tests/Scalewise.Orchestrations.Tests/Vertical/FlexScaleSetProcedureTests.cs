using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Scalewise.Core.Decisions;
using Scalewise.Core.Procedures;
using Scalewise.Orchestrations.Procedures;

namespace Scalewise.Orchestrations.Tests.Vertical;

/// <summary>A Flexible-orchestration scale set lists its VMs by resource id only; the procedure verifies them through the VMs themselves.</summary>
[Collection(LocalEstateCollection.Name)]
public sealed class FlexScaleSetProcedureTests(LocalEstateFixture estate)
{
    [Fact]
    public async Task ScaleProcedure_FlexibleScaleSet_VerifiesThroughEachVmAndSucceeds()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("flex", capacity: 2, flexible: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var input = new ScaleProcedureInput(policy.Id, policy.Target.ResourceId, policy.Target.Kind, DecisionKind.Manual, 3, "test", "tests", policy.WarmUp, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

        var instanceId = await estate.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ScaleProcedure), input, new StartOrchestrationOptions(ProcedureIds.ForTarget(policy.Id)), timeout.Token);
        var completed = await estate.Host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        var result = completed.ReadOutputAs<ScaleProcedureResult>()!;

        Assert.True(result.Outcome == ProcedureOutcome.Succeeded, $"{result.Outcome}: {result.Summary}");
        Assert.Equal(3, scaleSet.Capacity);
    }
}
