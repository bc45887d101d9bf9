using Microsoft.DurableTask;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using Scalewise.Orchestrations.Activities;
using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;
using static Scalewise.Orchestrations.Procedures.VerticalProcedureSteps;
using static Scalewise.Orchestrations.Procedures.VerticalStepNames;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// Resizes a single VM: guard (maintenance window unless emergency) → approval → check the size → snapshot every managed
/// disk → deallocate when the size is not available while running → resize → start → warm-up → verify (running, at the
/// size) → delete snapshots past retention → notify → record; on failure resizes back to the old size and starts the VM.
/// </summary>
/// <remarks>Outside the maintenance window the procedure is Cancelled with the window and its next opening in the reason; it does not wait for it.</remarks>
public static class VmResizeProcedure
{
    private static readonly StringComparer Sizes = StringComparer.OrdinalIgnoreCase;

    private static readonly string[] TransitionalPowerStates = ["starting", "stopping", "deallocating"];

    public static async Task<VerticalProcedureResult> RunAsync(TaskOrchestrationContext context, VerticalProcedureInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var journal = CreateJournal(context, input);
        var vm = input.TargetResourceId;
        var to = input.ToSku;

        var guard = await GuardAsync(context, journal, input);
        var from = guard.CurrentSku;
        if (!guard.Allowed)
        {
            return await FinishAsync(context, journal, ProcedureOutcome.Cancelled, from, to, from, $"Not started: {guard.Reason}.");
        }

        if (await ApproveAsync(context, journal, input, from) is { } refusal)
        {
            return await FinishAsync(context, journal, refusal.Outcome, from, to, from, refusal.Summary);
        }

        bool deallocateFirst;
        try
        {
            var sizes = await journal.RunStepAsync(
                CheckSize,
                () => context.CallActivityAsync<IReadOnlyList<string>>(nameof(VerticalActivities.ListVirtualMachineSizes), vm, ScaleProcedure.ArmRetry),
                s => s.Contains(to, Sizes) ? $"{to} is available while the VM runs" : $"{to} is not among the {s.Count} sizes available while allocated; the VM is deallocated first");
            deallocateFirst = !sizes.Contains(to, Sizes);

            var snapshots = await journal.RunStepAsync(Snapshot, () => SnapshotDisksAsync(context, input), DescribeSnapshots);
            if (snapshots.Any(s => !IsSucceeded(s.ProvisioningState)))
            {
                var error = $"disk snapshots did not all succeed ({DescribeSnapshots(snapshots)})";
                return await FinishAsync(context, journal, ProcedureOutcome.Failed, from, to, from, $"Failed before any change: {error}.", error);
            }
        }
        catch (TaskFailedException ex)
        {
            // Nothing changed on the VM yet: there is nothing to roll back.
            var error = Describe(ex);
            return await FinishAsync(context, journal, ProcedureOutcome.Failed, from, to, from, $"Failed before any change: {error}.", error);
        }

        string failure;
        try
        {
            failure = await ChangeSizeAsync(context, journal, input, deallocateFirst) ?? string.Empty;
            if (failure.Length == 0)
            {
                await journal.RunStepAsync(WarmUp, () => context.CreateTimer(input.WarmUp, CancellationToken.None), $"waited {input.WarmUp.TotalSeconds:0} s for the VM to warm up");
                var verification = await journal.RunStepAsync(Verify, () => context.CallActivityAsync<VerificationResult>(nameof(VerticalActivities.VerifyVirtualMachine), new SkuChange(vm, to), ScaleProcedure.ArmRetry), v => v.Passed ? $"passed: {v.Detail}" : $"failed: {v.Detail}");
                if (verification.Passed)
                {
                    await RecordScaleTimeAsync(context, input, guard);
                    await CleanUpAsync(context, journal, input, guard);
                    return await FinishAsync(context, journal, ProcedureOutcome.Succeeded, from, to, to, $"Resized {from} → {to}: verified ({verification.Detail}).");
                }

                failure = $"verification failed: {verification.Detail}";
            }
        }
        catch (TaskFailedException ex)
        {
            failure = Describe(ex);
        }

        return await RollBackAsync(context, journal, input, guard, failure);
    }

    /// <summary>Deallocates when needed, resizes and starts the VM; null when each step went through, else what failed.</summary>
    private static async Task<string?> ChangeSizeAsync(TaskOrchestrationContext context, ProcedureJournal journal, VerticalProcedureInput input, bool deallocateFirst)
    {
        var vm = input.TargetResourceId;
        if (deallocateFirst)
        {
            var deallocated = await journal.RunStepAsync(Deallocate, () => PowerAsync(context, input, Deallocate, nameof(VerticalActivities.DeallocateVirtualMachine), s => s.IsDeallocated), DescribeVm);
            if (!deallocated.IsDeallocated)
            {
                return $"deallocation did not complete: {DescribeVm(deallocated)}";
            }

            var sizes = await journal.RunStepAsync(
                CheckSize,
                () => context.CallActivityAsync<IReadOnlyList<string>>(nameof(VerticalActivities.ListVirtualMachineSizes), vm, ScaleProcedure.ArmRetry),
                s => s.Contains(input.ToSku, Sizes) ? $"{input.ToSku} is available now that the VM is deallocated" : $"{input.ToSku} is not available even deallocated ({s.Count} sizes)");
            if (!sizes.Contains(input.ToSku, Sizes))
            {
                return $"{input.ToSku} is not available for this VM in its region";
            }
        }

        var resized = await journal.RunStepAsync(Resize, () => ResizeAsync(context, input, input.ToSku), DescribeVm);
        if (!IsSucceeded(resized.ProvisioningState) || !Sizes.Equals(resized.Size, input.ToSku))
        {
            return $"the resize did not succeed: {DescribeVm(resized)}";
        }

        if (!resized.IsRunning)
        {
            var started = await journal.RunStepAsync(Start, () => PowerAsync(context, input, Start, nameof(VerticalActivities.StartVirtualMachine), s => s.IsRunning), DescribeVm);
            if (!started.IsRunning)
            {
                return $"the VM did not start: {DescribeVm(started)}";
            }
        }

        return null;
    }

    /// <summary>Back to the old size, and running: deallocating first when the old size is not available while allocated.</summary>
    private static async Task<VerticalProcedureResult> RollBackAsync(TaskOrchestrationContext context, ProcedureJournal journal, VerticalProcedureInput input, VerticalGuardOutcome guard, string failure)
    {
        var from = guard.CurrentSku;
        var rollbackInput = input with { ToSku = from };
        try
        {
            var restored = await journal.RunStepAsync(Rollback, () => RestoreAsync(context, rollbackInput), s => $"{DescribeVm(s)}{(IsRestored(s, from) ? string.Empty : $"; expected {from} and running")}");
            await RecordScaleTimeAsync(context, input, guard);
            if (IsRestored(restored, from))
            {
                await CleanUpAsync(context, journal, input, guard);
                return await FinishAsync(context, journal, ProcedureOutcome.RolledBack, from, input.ToSku, from, $"Rolled back to {from}: {failure}.", failure);
            }

            var error = $"{failure}; rollback to {from} did not complete ({DescribeVm(restored)})";
            return await FinishAsync(context, journal, ProcedureOutcome.Failed, from, input.ToSku, restored.Size, $"Failed: {error}.", error);
        }
        catch (TaskFailedException ex)
        {
            var error = $"{failure}; rollback failed: {ex.FailureDetails.ErrorMessage}";
            return await FinishAsync(context, journal, ProcedureOutcome.Failed, from, input.ToSku, from, $"Failed: {error}.", error);
        }
    }

    private static async Task<VirtualMachineState> RestoreAsync(TaskOrchestrationContext context, VerticalProcedureInput back)
    {
        var vm = back.TargetResourceId;
        var state = await context.CallActivityAsync<VirtualMachineState>(nameof(VerticalActivities.ReadVirtualMachine), vm, ScaleProcedure.ArmRetry);
        if (!Sizes.Equals(state.Size, back.ToSku))
        {
            var sizes = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(VerticalActivities.ListVirtualMachineSizes), vm, ScaleProcedure.ArmRetry);
            if (!sizes.Contains(back.ToSku, Sizes) && !state.IsDeallocated)
            {
                state = await PowerAsync(context, back, Rollback, nameof(VerticalActivities.DeallocateVirtualMachine), s => s.IsDeallocated);
            }

            state = await ResizeAsync(context, back, back.ToSku);
        }

        if (!state.IsRunning)
        {
            state = await PowerAsync(context, back, Rollback, nameof(VerticalActivities.StartVirtualMachine), s => s.IsRunning);
        }

        return state;
    }

    private static async Task<VirtualMachineState> ResizeAsync(TaskOrchestrationContext context, VerticalProcedureInput input, string size)
    {
        var accepted = await RunDeferrableAsync(context, Resize, nameof(VerticalActivities.ResizeVirtualMachine), new SkuChange(input.TargetResourceId, size));
        if (!accepted.Accepted)
        {
            throw new TaskFailedException(nameof(VerticalActivities.ResizeVirtualMachine), -1, new TaskFailureDetails(nameof(ApplyOutcome), $"ARM did not accept size {size}: {accepted.Detail}", null, null, null));
        }

        return await WaitForVmAsync(context, input, Resize, s => s.IsProvisioningTerminal && !IsTransitioning(s));
    }

    private static async Task<VirtualMachineState> PowerAsync(TaskOrchestrationContext context, VerticalProcedureInput input, string step, string activity, Func<VirtualMachineState, bool> reached)
    {
        var accepted = await RunDeferrableAsync(context, step, activity, input.TargetResourceId);
        if (!accepted.Accepted)
        {
            throw new TaskFailedException(activity, -1, new TaskFailureDetails(nameof(ApplyOutcome), $"ARM did not accept the {step}: {accepted.Detail}", null, null, null));
        }

        return await WaitForVmAsync(context, input, step, s => reached(s) || (s.IsProvisioningTerminal && !IsSucceeded(s.ProvisioningState)));
    }

    private static Task<VirtualMachineState> WaitForVmAsync(TaskOrchestrationContext context, VerticalProcedureInput input, string step, Func<VirtualMachineState, bool> done) =>
        PollAsync(
            context,
            step,
            input.PollInterval,
            input.ProvisioningTimeout,
            () => context.CallActivityAsync<VirtualMachineState>(nameof(VerticalActivities.ReadVirtualMachine), input.TargetResourceId, ScaleProcedure.ArmRetry),
            done,
            DescribeVm);

    private static async Task<IReadOnlyList<DiskSnapshotInfo>> SnapshotDisksAsync(TaskOrchestrationContext context, VerticalProcedureInput input)
    {
        var label = $"scalewise-{context.CurrentUtcDateTime:yyyyMMddHHmmss}";
        var started = await context.CallActivityAsync<IReadOnlyList<DiskSnapshotInfo>>(nameof(VerticalActivities.SnapshotDisks), new DiskSnapshotRequest(input.TargetResourceId, label), ScaleProcedure.ArmRetry);
        IReadOnlyList<string> ids = [.. started.Select(s => s.Id)];
        return await PollAsync(
            context,
            Snapshot,
            input.PollInterval,
            input.ProvisioningTimeout,
            () => context.CallActivityAsync<IReadOnlyList<DiskSnapshotInfo>>(nameof(VerticalActivities.ReadDiskSnapshots), ids, ScaleProcedure.ArmRetry),
            s => s.All(x => ProvisioningStates.IsTerminal(x.ProvisioningState)),
            DescribeSnapshots);
    }

    /// <summary>Deletes snapshots past retention. A failure here is recorded and never fails the procedure: the change is done.</summary>
    private static async Task CleanUpAsync(TaskOrchestrationContext context, ProcedureJournal journal, VerticalProcedureInput input, VerticalGuardOutcome guard)
    {
        var started = journal.Now();
        try
        {
            var deleted = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(VerticalActivities.DeleteExpiredSnapshots), new SnapshotCleanup(input.TargetResourceId, guard.SnapshotRetention), ScaleProcedure.ArmRetry);
            var retention = guard.SnapshotRetention ?? SnapshotRetention.Default;
            journal.AddStep(Cleanup, started, $"deleted {deleted.Count} snapshot(s) older than {retention.TotalDays:0.##} days");
        }
        catch (TaskFailedException ex)
        {
            journal.AddStep(Cleanup, started, $"snapshots past retention were not deleted: {ex.FailureDetails.ErrorMessage}");
        }
    }

    private static Task<Scalewise.Core.Decisions.TargetState> RecordScaleTimeAsync(TaskOrchestrationContext context, VerticalProcedureInput input, VerticalGuardOutcome guard) =>
        context.CallActivityAsync<Scalewise.Core.Decisions.TargetState>(nameof(ProcedureActivities.RecordScaleTime), new ScaleTimeInput(input.PolicyId, guard.Direction, guard.CurrentCapacity), ScaleProcedure.StorageRetry);

    private static bool IsRestored(VirtualMachineState state, string size) => Sizes.Equals(state.Size, size) && state.IsRunning;

    /// <summary>Starting, stopping or deallocating: a power state on its way to another ("running" is not one, though it ends in "ing").</summary>
    private static bool IsTransitioning(VirtualMachineState state) =>
        state.PowerState is { } power && TransitionalPowerStates.Contains(power, Sizes);

    private static bool IsSucceeded(string state) => string.Equals(state, ProvisioningStates.Succeeded, StringComparison.OrdinalIgnoreCase);

    private static string DescribeVm(VirtualMachineState state) => $"{state.Size}, {state.PowerState ?? "no power state"}, {state.ProvisioningState}";

    private static string DescribeSnapshots(IReadOnlyList<DiskSnapshotInfo> snapshots) =>
        snapshots.Count == 0 ? "no managed disks" : string.Join(", ", snapshots.Select(s => $"{s.Name} {s.ProvisioningState}"));
}
