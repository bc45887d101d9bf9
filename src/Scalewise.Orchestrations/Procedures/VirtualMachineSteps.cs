using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;
using static Scalewise.Orchestrations.Procedures.ProcedureSteps;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// What <see cref="VmResizeProcedure"/> adds to <see cref="ProcedureSteps"/> for a single VM: check the size, snapshot the
/// disks, power it off and on, resize and wait for it, put it back, and delete snapshots past retention.
/// </summary>
internal static class VirtualMachineSteps
{
    public static readonly StringComparer Sizes = StringComparer.OrdinalIgnoreCase;

    private static readonly string[] TransitionalPowerStates = ["starting", "stopping", "deallocating"];

    public static async Task<VirtualMachineState> RestoreAsync(ProcedureJournal journal, VerticalProcedureInput input, string size)
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

    public static Task<IReadOnlyList<string>> CheckSizeAsync(ProcedureJournal journal, string size, bool deallocated) =>
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

    public static async Task<VirtualMachineState> ResizeAsync(ProcedureJournal journal, VerticalProcedureInput input, string size)
    {
        var accepted = await ApplyAsync(journal, Resize, nameof(VerticalActivities.ResizeVirtualMachine), new SkuChange(input.TargetResourceId, size));
        ThrowUnlessAccepted(accepted, nameof(VerticalActivities.ResizeVirtualMachine), $"size {size}");
        return await WaitForVmAsync(journal, input, Resize, s => s.IsProvisioningTerminal && !IsTransitioning(s));
    }

    public static async Task<VirtualMachineState> PowerAsync(ProcedureJournal journal, VerticalProcedureInput input, string step, string activity, Func<VirtualMachineState, bool> reached)
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

    public static async Task<string?> SnapshotDisksAsync(ProcedureJournal journal, VerticalProcedureInput input)
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
    public static async Task CleanUpAsync(ProcedureJournal journal, VerticalGuardOutcome guard)
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

    public static bool IsRestored(VirtualMachineState state, string size) => Sizes.Equals(state.Size, size) && state.IsRunning;

    /// <summary>Starting, stopping or deallocating: a power state on its way to another ("running" is not one, though it ends in "ing").</summary>
    private static bool IsTransitioning(VirtualMachineState state) => state.PowerState is { } power && TransitionalPowerStates.Contains(power, Sizes);

    public static string DescribeVm(VirtualMachineState state) => $"{state.Size}, {state.PowerState ?? "no power state"}, {state.ProvisioningState}";

    public static string DescribeSnapshots(IReadOnlyList<DiskSnapshotInfo> snapshots) =>
        snapshots.Count == 0 ? "no managed disks" : string.Join(", ", snapshots.Select(s => $"{s.Name} {s.ProvisioningState}"));
}
