using Scalewise.Core.Decisions;
using Scalewise.Core.Procedures;
using Scalewise.Orchestrations.Procedures;
using Scalewise.Simulator.Faults;
using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;

namespace Scalewise.Orchestrations.Tests.Vertical;

[Collection(LocalEstateCollection.Name)]
public sealed class VmResizeProcedureTests(LocalEstateFixture estate)
{
    [Fact]
    public async Task VmResize_SizeAvailableWhileRunning_RunsAtNewSizeWithSnapshots()
    {
        var (policy, vm) = await estate.AddVmAsync("vm-up");

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Standard_D4s_v3"));

        Assert.Equal(ProcedureOutcome.Succeeded, result.Outcome);
        Assert.Equal("Standard_D4s_v3", vm.Size);
        Assert.Equal("running", vm.PowerState);
        Assert.Equal([Guard, CheckSize, Snapshot, Resize, WarmUp, Verify, Cleanup, Notify], result.Steps.Select(s => s.Name));
        Assert.Equal(2, estate.Simulator.Estate.Snapshots.Count(s => s.Name.StartsWith(vm.Name, StringComparison.OrdinalIgnoreCase)));
        var record = await estate.RecordOfAsync(policy);
        Assert.Equal(ProcedureOutcome.Succeeded, record.Outcome);
        Assert.Contains(record.Steps, s => s.Name == Verify && s.Result.StartsWith("passed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VmResize_RunningAtNewSize_GoesOnWithoutWaitingOutTheProvisioningBudget()
    {
        var (policy, vm) = await estate.AddVmAsync("vm-prompt");

        // A 10-minute budget: the procedure must move on as soon as the VM runs at the new size, well inside the test's wait.
        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Standard_D4s_v3") with { ProvisioningTimeout = TimeSpan.FromMinutes(10) });

        Assert.Equal(ProcedureOutcome.Succeeded, result.Outcome);
        Assert.Equal("Standard_D4s_v3", vm.Size);
    }

    [Fact]
    public async Task VmResize_SizeOutsideHardwareCluster_DeallocatesResizesAndStarts()
    {
        var (policy, vm) = await estate.AddVmAsync("vm-dealloc");

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Standard_E4s_v5"));

        Assert.True(result.Outcome == ProcedureOutcome.Succeeded, result.Summary);
        Assert.Equal("Standard_E4s_v5", vm.Size);
        Assert.Equal("running", vm.PowerState);
        Assert.Equal([Guard, CheckSize, Snapshot, Deallocate, CheckSize, Resize, Start, WarmUp, Verify, Cleanup, Notify], result.Steps.Select(s => s.Name));
    }

    [Fact]
    public async Task VmResize_ResizeProvisioningFails_RollsBackToOldSizeRunning()
    {
        var (policy, vm) = await estate.AddVmAsync("vm-fail");
        estate.Simulator.Estate.Faults.Enqueue(FaultRule.ProvisioningFailed("PATCH", policy.Target.ResourceId, string.Empty));

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Standard_D8s_v3"));

        Assert.True(result.Outcome == ProcedureOutcome.RolledBack, result.Summary);
        Assert.Equal("Standard_D2s_v3", vm.Size);
        Assert.Equal("running", vm.PowerState);
        Assert.Contains(result.Steps, s => s.Name == Rollback);
        var record = await estate.RecordOfAsync(policy);
        Assert.Equal(ProcedureOutcome.RolledBack, record.Outcome);
        Assert.Contains("resize did not succeed", record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VmResize_ThrottledWithRetryAfter_WaitsThenSucceeds()
    {
        var (policy, vm) = await estate.AddVmAsync("vm-429");
        estate.Simulator.Estate.Faults.Enqueue(FaultRule.Throttle("PATCH", policy.Target.ResourceId, TimeSpan.FromSeconds(1), string.Empty));

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Standard_D4s_v3"));

        Assert.Equal(ProcedureOutcome.Succeeded, result.Outcome);
        Assert.Equal("Standard_D4s_v3", vm.Size);
        Assert.Contains(estate.Simulator.Estate.Faults.Injected, f => f.Rule.Kind == FaultKind.Throttle && f.Path.Contains(vm.Name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task VmResize_ConflictWhileAnotherOperationRuns_WaitsThenSucceeds()
    {
        var (policy, vm) = await estate.AddVmAsync("vm-409");
        estate.Simulator.Estate.Faults.Enqueue(FaultRule.Conflict("PATCH", policy.Target.ResourceId, string.Empty));

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Standard_D4s_v3"));

        Assert.Equal(ProcedureOutcome.Succeeded, result.Outcome);
        Assert.Equal("Standard_D4s_v3", vm.Size);
    }

    [Fact]
    public async Task VmResize_TransientServerErrorOnDeallocate_IsRetriedAndSucceeds()
    {
        var (policy, vm) = await estate.AddVmAsync("vm-500");
        estate.Simulator.Estate.Faults.Enqueue(FaultRule.ServerError("POST", policy.Target.ResourceId, "deallocate"));

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Standard_E4s_v5"));

        Assert.Equal(ProcedureOutcome.Succeeded, result.Outcome);
        Assert.Equal("Standard_E4s_v5", vm.Size);
    }

    [Fact]
    public async Task VmResize_SnapshotFails_FailsWithoutTouchingTheVm()
    {
        var (policy, vm) = await estate.AddVmAsync("vm-snap");
        estate.Simulator.Estate.Faults.Enqueue(FaultRule.ProvisioningFailed("PUT", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tests/providers/Microsoft.Compute/snapshots") with { Times = 2 });

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Standard_D4s_v3"));

        Assert.Equal(ProcedureOutcome.Failed, result.Outcome);
        Assert.Equal("Standard_D2s_v3", vm.Size);
        Assert.DoesNotContain(result.Steps, s => s.Name == Resize);
        Assert.Contains("snapshots did not all succeed", (await estate.RecordOfAsync(policy)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VmResize_OutsideMaintenanceWindow_IsCancelledSayingWhenItOpens()
    {
        var (policy, vm) = await estate.AddVmAsync("vm-window", configure: p => p with { Maintenance = ClosedNow() });

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Standard_D4s_v3"));

        Assert.Equal(ProcedureOutcome.Cancelled, result.Outcome);
        Assert.Contains("outside the maintenance window", result.Summary, StringComparison.Ordinal);
        Assert.Contains("next opens at", result.Summary, StringComparison.Ordinal);
        Assert.Equal("Standard_D2s_v3", vm.Size);
    }

    [Fact]
    public async Task VmResize_EmergencyOutsideMaintenanceWindow_Resizes()
    {
        var (policy, vm) = await estate.AddVmAsync("vm-emerg", configure: p => p with { Maintenance = ClosedNow() });

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Standard_D4s_v3", DecisionKind.Emergency));

        Assert.Equal(ProcedureOutcome.Succeeded, result.Outcome);
        Assert.Equal("Standard_D4s_v3", vm.Size);
        Assert.Contains("maintenance window not required", result.Steps[0].Result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VmResize_ApprovalRejected_EndsRejectedAtOldSize()
    {
        var (policy, vm) = await estate.AddVmAsync("vm-reject");
        var instanceId = await estate.StartAsync(VerticalEstate.InputFor(policy, "Standard_D16s_v3", approvalTimeout: TimeSpan.FromMinutes(5)));
        var approvals = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Scalewise.Orchestrations.Api.ApprovalRequests>(estate.Services);
        var problem = await AnswerWhenOpenAsync(approvals, instanceId);

        Assert.Null(problem);
        var result = await estate.CompleteAsync(instanceId);
        Assert.Equal(ProcedureOutcome.Rejected, result.Outcome);
        Assert.Equal("Standard_D2s_v3", vm.Size);
        Assert.Contains(result.Steps, s => s.Name == Approval && s.Result == "rejected by carol");
    }

    private async Task<Scalewise.Orchestrations.Api.ApiProblem?> AnswerWhenOpenAsync(Scalewise.Orchestrations.Api.ApprovalRequests approvals, string instanceId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var status = await estate.Host.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (status?.SerializedCustomStatus?.Contains("waiting for approval", StringComparison.Ordinal) == true)
            {
                return await approvals.AnswerAsync(estate.Host.Client, instanceId, approved: false, """{"by": "carol"}""", CancellationToken.None);
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The procedure never waited for approval.");
    }

    /// <summary>A window that is closed now: it opens on the day after tomorrow (UTC) and lasts one hour.</summary>
    private static MaintenanceWindow ClosedNow() =>
        new([DateTimeOffset.UtcNow.AddDays(2).DayOfWeek], new TimeOnly(3, 0), new TimeOnly(4, 0), "UTC");
}
