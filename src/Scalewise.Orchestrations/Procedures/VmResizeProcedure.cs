using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;
using static Scalewise.Orchestrations.Procedures.ProcedureSteps;
using static Scalewise.Orchestrations.Procedures.VirtualMachineSteps;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// Resizes a single VM: guard (maintenance window unless emergency) → approval → check the size → snapshot every managed
/// disk → deallocate when the size is not available while running → resize → start → warm-up → verify (running, at the
/// size) → delete snapshots past retention → notify → record; on failure resizes back to the old size and starts the VM.
/// </summary>
/// <remarks>Outside the maintenance window the procedure is Cancelled with the window and its next opening in the reason; it does not wait for it.</remarks>
public static class VmResizeProcedure
{
    public static Task<VerticalProcedureResult> RunAsync(TaskOrchestrationContext context, VerticalProcedureInput input) =>
        RunGuardedAsync(context, input, (journal, guard) => RunStepsAsync(journal, input, guard));

    private static async Task<ProcedureEnd> RunStepsAsync(ProcedureJournal journal, VerticalProcedureInput input, VerticalGuardOutcome guard)
    {
        var to = input.ToSku;
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
}
