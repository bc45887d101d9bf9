using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;
using static Scalewise.Orchestrations.Procedures.ProcedureSteps;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// Changes a target's capacity: guard → approval (when the input asks) → snapshot → apply → wait for provisioning →
/// warm-up → verify → notify → record, rolling back to the snapshot's capacity when provisioning or verification fails.
/// The change itself (snapshot to rollback) is shared with <see cref="EmergencyScaleUp"/>.
/// </summary>
public static class ScaleProcedure
{
    public static async Task<ScaleProcedureResult> RunAsync(TaskOrchestrationContext context, ScaleProcedureInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var journal = ProcedureJournal.For(context, input);
        var expected = new CapacityChange(input.TargetResourceId, input.ToCapacity);
        var end = await GuardCapacityAsync(journal, input)
            ?? await ApproveAsync(journal, input.ApprovalTimeout, input.PollInterval, input.Reason)
            ?? await ChangeCapacityAsync(journal, input, input.WarmUp, () => VerifyAsync(journal, nameof(ProcedureActivities.VerifyTarget), expected));
        return end.ToCapacityResult();
    }

    /// <summary>The guard; null when the change may go on, else its end (Cancelled, with the guard's reason).</summary>
    internal static async Task<ProcedureEnd?> GuardCapacityAsync(ProcedureJournal journal, ScaleProcedureInput input)
    {
        var guard = await GuardAsync(journal, input);
        return guard.Allowed ? null : await NotStartedAsync(journal, ProcedureOutcome.Cancelled, $"Not started: {guard.Reason}.");
    }

    /// <summary>
    /// Snapshot → apply (a failure here changed nothing: Failed) → wait for provisioning → warm-up (when given) →
    /// <paramref name="verify"/> → record the scale time → finish; rolls back when provisioning or verification fails.
    /// </summary>
    internal static async Task<ProcedureEnd> ChangeCapacityAsync(ProcedureJournal journal, ScaleProcedureInput input, TimeSpan? warmUp, Func<Task<VerificationResult>> verify)
    {
        var before = await journal.RunStepAsync(
            Snapshot,
            () => journal.Context.CallActivityAsync<TargetSnapshot>(nameof(ProcedureActivities.SnapshotTarget), input.TargetResourceId, ArmRetry),
            s => $"recorded capacity {s.Capacity} ({s.ProvisioningState})");
        journal.Progress.FromCapacity = before.Capacity;
        if (await PrepareAsync(() => ApplyCapacityAsync(journal, input.ToCapacity)) is { } notApplied)
        {
            return await FailedAsync(journal, notApplied, before.Capacity);
        }

        var (verified, failure) = await ChangeAsync(journal, () => WaitForProvisioningAsync(journal, input), warmUp, "new capacity to warm up", verify);
        if (verified is null)
        {
            return await RollBackAsync(journal, input, before.Capacity, failure);
        }

        await RecordScaleTimeAsync(journal, DirectionOf(before.Capacity, input.ToCapacity), input.ToCapacity);
        return await FinishAsync(journal, ProcedureOutcome.Succeeded, $"Capacity {before.Capacity} → {input.ToCapacity}: verified ({verified.Detail}).", finalCapacity: input.ToCapacity);
    }

    private static async Task<string?> ApplyCapacityAsync(ProcedureJournal journal, int capacity)
    {
        var applied = await journal.RunStepAsync(
            Apply,
            () => ApplyAsync(journal, Apply, nameof(ProcedureActivities.ApplyCapacity), new CapacityChange(journal.TargetResourceId, capacity), capacity),
            a => a.Accepted ? a.Detail : $"gave up after {ApplyAttempts} attempts: {a.Detail}");
        return applied.Accepted ? null : $"ARM did not accept the change: {applied.Detail}";
    }

    private static async Task<string?> WaitForProvisioningAsync(ProcedureJournal journal, ScaleProcedureInput input)
    {
        var provisioned = await journal.RunStepAsync(WaitForProvisioning, () => ReadUntilProvisionedAsync(journal, input), DescribeProvisioning);
        return ProvisioningStates.IsSucceeded(provisioned.ProvisioningState) ? null : $"provisioning did not succeed: {DescribeProvisioning(provisioned)}";
    }

    /// <summary>Back to the capacity the snapshot recorded; the cooldown clock starts on the rolled-back attempt too.</summary>
    private static async Task<ProcedureEnd> RollBackAsync(ProcedureJournal journal, ScaleProcedureInput input, int previous, string failure)
    {
        try
        {
            var reverted = await journal.RunStepAsync(
                Rollback,
                () => ApplyAsync(journal, Apply, nameof(ProcedureActivities.ApplyCapacity), new CapacityChange(input.TargetResourceId, previous), previous),
                a => a.Accepted ? $"capacity {previous} requested again" : $"gave up: {a.Detail}");
            if (!reverted.Accepted)
            {
                return await FailedAsync(journal, $"{failure}; rollback was not accepted: {reverted.Detail}", input.ToCapacity);
            }

            var restored = await journal.RunStepAsync(WaitForProvisioning, () => ReadUntilProvisionedAsync(journal, input), DescribeProvisioning);
            await RecordScaleTimeAsync(journal, DirectionOf(previous, input.ToCapacity), input.ToCapacity);
            return ProvisioningStates.IsSucceeded(restored.ProvisioningState)
                ? await RolledBackAsync(journal, $"capacity {previous}", failure, restored.Capacity)
                : await FinishAsync(journal, ProcedureOutcome.Failed, $"Rollback to {previous} did not complete ({DescribeProvisioning(restored)}) after {failure}.", failure, restored.Capacity);
        }
        catch (TaskFailedException ex)
        {
            return await RollbackFailedAsync(journal, failure, ex, previous);
        }
    }

    private static Task<TargetSnapshot> ReadUntilProvisionedAsync(ProcedureJournal journal, ScaleProcedureInput input) =>
        PollAsync<TargetSnapshot>(journal, WaitForProvisioning, nameof(ProcedureActivities.ReadProvisioning), input.TargetResourceId, input.PollInterval, input.ProvisioningTimeout, s => s.IsProvisioningTerminal, s => $"capacity {s.Capacity}, {s.ProvisioningState}", s => s.Capacity);

    private static ScaleDirection DirectionOf(int from, int to) => to > from ? ScaleDirection.Increase : ScaleDirection.Decrease;

    private static string DescribeProvisioning(TargetSnapshot snapshot) => snapshot.IsProvisioningTerminal
        ? $"capacity {snapshot.Capacity}, {snapshot.ProvisioningState}"
        : $"capacity {snapshot.Capacity}, still {snapshot.ProvisioningState} when the time budget ran out";
}
