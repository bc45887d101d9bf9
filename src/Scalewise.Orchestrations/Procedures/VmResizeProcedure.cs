using Microsoft.DurableTask;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using Scalewise.Orchestrations.Activities;
using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;
using static Scalewise.Orchestrations.Procedures.ProcedureSteps;
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
        return (await ResizeAsync(ProcedureJournal.For(context, input), input)).ToSkuResult();
    }

    private static async Task<ProcedureEnd> ResizeAsync(ProcedureJournal journal, VerticalProcedureInput input)
    {
        var to = input.ToSku;
        var guard = await GuardAsync(journal, input);
        if (!guard.Allowed)
        {
            return await NotStartedAsync(journal, ProcedureOutcome.Cancelled, $"Not started: {guard.Reason}.");
        }

        if (await ApproveAsync(journal, input.ApprovalTimeout, input.PollInterval, $"{journal.Progress.Move}: {input.Reason}") is { } answered)
        {
            return answered;
        }

        IReadOnlyList<string> sizes = [];
        if (await PrepareAsync(async () => { sizes = await CheckSizeAsync(journal, to, deallocated: false); return await SnapshotDisksAsync(journal, input); }) is { } notReady)
        {
            return await FailedBeforeChangeAsync(journal, notReady);
        }

        var expected = new SkuChange(input.TargetResourceId, to);
        var (verified, failure) = await ChangeAsync(journal, () => ChangeSizeAsync(journal, input, deallocateFirst: !sizes.Contains(to, Sizes)), input.WarmUp, "the VM to warm up", () => VerifyAsync(journal, nameof(VerticalActivities.VerifyVirtualMachine), expected));
        if (verified is null)
        {
            return await RollBackAsync(journal, input, guard, failure);
        }

        await RecordScaleTimeAsync(journal, guard.Direction, guard.CurrentCapacity);
        await CleanUpAsync(journal, guard);
        return await FinishAsync(journal, ProcedureOutcome.Succeeded, $"Resized {guard.CurrentSku} → {to}: verified ({verified.Detail}).", finalSku: to);
    }

    /// <summary>Deallocates when needed, resizes and starts the VM; null when each step went through, else what failed.</summary>
    private static async Task<string?> ChangeSizeAsync(ProcedureJournal journal, VerticalProcedureInput input, bool deallocateFirst)
    {
        if (deallocateFirst)
        {
            var deallocated = await journal.RunStepAsync(Deallocate, () => PowerAsync(journal, input, Deallocate, nameof(VerticalActivities.DeallocateVirtualMachine), s => s.IsDeallocated), DescribeVm);
            if (!deallocated.IsDeallocated)
            {
                return $"deallocation did not complete: {DescribeVm(deallocated)}";
            }

            if (!(await CheckSizeAsync(journal, input.ToSku, deallocated: true)).Contains(input.ToSku, Sizes))
            {
                return $"{input.ToSku} is not available for this VM in its region";
            }
        }

        var resized = await journal.RunStepAsync(Resize, () => ResizeAsync(journal, input, input.ToSku), DescribeVm);
        if (!ProvisioningStates.IsSucceeded(resized.ProvisioningState) || !Sizes.Equals(resized.Size, input.ToSku))
        {
            return $"the resize did not succeed: {DescribeVm(resized)}";
        }

        var started = resized.IsRunning ? resized : await journal.RunStepAsync(Start, () => PowerAsync(journal, input, Start, nameof(VerticalActivities.StartVirtualMachine), s => s.IsRunning), DescribeVm);
        return started.IsRunning ? null : $"the VM did not start: {DescribeVm(started)}";
    }

    /// <summary>Back to the old size, and running: deallocating first when the old size is not available while allocated.</summary>
    private static async Task<ProcedureEnd> RollBackAsync(ProcedureJournal journal, VerticalProcedureInput input, VerticalGuardOutcome guard, string failure)
    {
        var from = guard.CurrentSku;
        try
        {
            var restored = await journal.RunStepAsync(Rollback, () => RestoreAsync(journal, input, from), s => $"{DescribeVm(s)}{(IsRestored(s, from) ? string.Empty : $"; expected {from} and running")}");
            await RecordScaleTimeAsync(journal, guard.Direction, guard.CurrentCapacity);
            if (!IsRestored(restored, from))
            {
                return await FailedAsync(journal, $"{failure}; rollback to {from} did not complete ({DescribeVm(restored)})", finalSku: restored.Size);
            }

            await CleanUpAsync(journal, guard);
            return await RolledBackAsync(journal, from, failure, finalSku: from);
        }
        catch (TaskFailedException ex)
        {
            return await RollbackFailedAsync(journal, failure, ex, finalSku: from);
        }
    }

    private static async Task<VirtualMachineState> RestoreAsync(ProcedureJournal journal, VerticalProcedureInput input, string size)
    {
        var state = await journal.Context.CallActivityAsync<VirtualMachineState>(nameof(VerticalActivities.ReadVirtualMachine), input.TargetResourceId, ArmRetry);
        if (!Sizes.Equals(state.Size, size))
        {
            var sizes = await journal.Context.CallActivityAsync<IReadOnlyList<string>>(nameof(VerticalActivities.ListVirtualMachineSizes), input.TargetResourceId, ArmRetry);
            if (!sizes.Contains(size, Sizes) && !state.IsDeallocated)
            {
                state = await PowerAsync(journal, input, Rollback, nameof(VerticalActivities.DeallocateVirtualMachine), s => s.IsDeallocated);
            }

            state = await ResizeAsync(journal, input, size);
        }

        return state.IsRunning ? state : await PowerAsync(journal, input, Rollback, nameof(VerticalActivities.StartVirtualMachine), s => s.IsRunning);
    }

    private static Task<IReadOnlyList<string>> CheckSizeAsync(ProcedureJournal journal, string size, bool deallocated) =>
        journal.RunStepAsync(
            CheckSize,
            () => journal.Context.CallActivityAsync<IReadOnlyList<string>>(nameof(VerticalActivities.ListVirtualMachineSizes), journal.TargetResourceId, ArmRetry),
            s => (s.Contains(size, Sizes), deallocated) switch
            {
                (true, false) => $"{size} is available while the VM runs",
                (false, false) => $"{size} is not among the {s.Count} sizes available while allocated; the VM is deallocated first",
                (true, true) => $"{size} is available now that the VM is deallocated",
                (false, true) => $"{size} is not available even deallocated ({s.Count} sizes)",
            });

    private static async Task<VirtualMachineState> ResizeAsync(ProcedureJournal journal, VerticalProcedureInput input, string size)
    {
        var accepted = await ApplyAsync(journal, Resize, nameof(VerticalActivities.ResizeVirtualMachine), new SkuChange(input.TargetResourceId, size));
        ThrowUnlessAccepted(accepted, nameof(VerticalActivities.ResizeVirtualMachine), $"size {size}");
        return await WaitForVmAsync(journal, input, Resize, s => s.IsProvisioningTerminal && !IsTransitioning(s));
    }

    private static async Task<VirtualMachineState> PowerAsync(ProcedureJournal journal, VerticalProcedureInput input, string step, string activity, Func<VirtualMachineState, bool> reached)
    {
        var accepted = await ApplyAsync(journal, step, activity, input.TargetResourceId);
        ThrowUnlessAccepted(accepted, activity, $"the {step}");
        return await WaitForVmAsync(journal, input, step, s => reached(s) || (s.IsProvisioningTerminal && !ProvisioningStates.IsSucceeded(s.ProvisioningState)));
    }

    /// <summary>A change ARM kept deferring fails the step as an activity failure would, so the rollback takes over.</summary>
    private static void ThrowUnlessAccepted(ApplyOutcome outcome, string activity, string what)
    {
        if (!outcome.Accepted)
        {
            throw new TaskFailedException(activity, -1, new TaskFailureDetails(nameof(ApplyOutcome), $"ARM did not accept {what}: {outcome.Detail}", null, null, null));
        }
    }

    private static Task<VirtualMachineState> WaitForVmAsync(ProcedureJournal journal, VerticalProcedureInput input, string step, Func<VirtualMachineState, bool> done) =>
        PollAsync(journal, step, nameof(VerticalActivities.ReadVirtualMachine), input.TargetResourceId, input.PollInterval, input.ProvisioningTimeout, done, DescribeVm);

    private static async Task<string?> SnapshotDisksAsync(ProcedureJournal journal, VerticalProcedureInput input)
    {
        var snapshots = await journal.RunStepAsync(
            Snapshot,
            async () =>
            {
                var label = $"scalewise-{journal.Context.CurrentUtcDateTime:yyyyMMddHHmmss}";
                var started = await journal.Context.CallActivityAsync<IReadOnlyList<DiskSnapshotInfo>>(nameof(VerticalActivities.SnapshotDisks), new DiskSnapshotRequest(input.TargetResourceId, label), ArmRetry);
                IReadOnlyList<string> ids = [.. started.Select(s => s.Id)];
                return await PollAsync<IReadOnlyList<DiskSnapshotInfo>>(journal, Snapshot, nameof(VerticalActivities.ReadDiskSnapshots), ids, input.PollInterval, input.ProvisioningTimeout, s => s.All(x => ProvisioningStates.IsTerminal(x.ProvisioningState)), DescribeSnapshots);
            },
            DescribeSnapshots);
        return snapshots.All(s => ProvisioningStates.IsSucceeded(s.ProvisioningState)) ? null : $"disk snapshots did not all succeed ({DescribeSnapshots(snapshots)})";
    }

    /// <summary>Deletes snapshots past retention. A failure here is recorded and never fails the procedure: the change is done.</summary>
    private static async Task CleanUpAsync(ProcedureJournal journal, VerticalGuardOutcome guard)
    {
        var started = journal.Now();
        try
        {
            var deleted = await journal.Context.CallActivityAsync<IReadOnlyList<string>>(nameof(VerticalActivities.DeleteExpiredSnapshots), new SnapshotCleanup(journal.TargetResourceId, guard.SnapshotRetention), ArmRetry);
            journal.AddStep(Cleanup, started, $"deleted {deleted.Count} snapshot(s) older than {(guard.SnapshotRetention ?? SnapshotRetention.Default).TotalDays:0.##} days");
        }
        catch (TaskFailedException ex)
        {
            journal.AddStep(Cleanup, started, $"snapshots past retention were not deleted: {ex.FailureDetails.ErrorMessage}");
        }
    }

    private static bool IsRestored(VirtualMachineState state, string size) => Sizes.Equals(state.Size, size) && state.IsRunning;

    /// <summary>Starting, stopping or deallocating: a power state on its way to another ("running" is not one, though it ends in "ing").</summary>
    private static bool IsTransitioning(VirtualMachineState state) => state.PowerState is { } power && TransitionalPowerStates.Contains(power, Sizes);

    private static string DescribeVm(VirtualMachineState state) => $"{state.Size}, {state.PowerState ?? "no power state"}, {state.ProvisioningState}";

    private static string DescribeSnapshots(IReadOnlyList<DiskSnapshotInfo> snapshots) =>
        snapshots.Count == 0 ? "no managed disks" : string.Join(", ", snapshots.Select(s => $"{s.Name} {s.ProvisioningState}"));
}
